import { describe, expect, it } from 'vitest';
import { capacityFor, charge, grant, refill, waitMsFor, type Bucket } from 'src/shared/sms/token-bucket';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const RATE = 1; // one segment per second

describe('refill', () => {
  it('adds tokens in proportion to elapsed time', () => {
    expect(refill({ tokens: 0, updatedAt: t0 }, at(30_000), RATE, 60)).toEqual({ tokens: 30, updatedAt: at(30_000) });
  });

  it('keeps fractions of a token', () => {
    expect(refill({ tokens: 0, updatedAt: t0 }, at(1_500), RATE, 60).tokens).toBeCloseTo(1.5);
  });

  it('stops at capacity', () => {
    expect(refill({ tokens: 50, updatedAt: t0 }, at(3_600_000), RATE, 60).tokens).toBe(60);
  });

  it('adds nothing when the clock goes backwards', () => {
    expect(refill({ tokens: 5, updatedAt: t0 }, at(-10_000), RATE, 60)).toEqual({ tokens: 5, updatedAt: t0 });
  });
});

describe('capacityFor', () => {
  it('holds about one second of the rate, and at least one message', () => {
    expect(capacityFor(225)).toBe(225);
    expect(capacityFor(10)).toBe(10);
    expect(capacityFor(1 / 60)).toBe(1);
  });
});

describe('grant and charge', () => {
  it('grants one message per whole token, up to what was asked', () => {
    expect(grant({ tokens: 10, updatedAt: t0 }, 4, t0, RATE, 60)).toBe(4);
    expect(grant({ tokens: 2.9, updatedAt: t0 }, 4, t0, RATE, 60)).toBe(2);
  });

  it('charges the segments taken, going into debt for long messages that the next claims wait out', () => {
    const after = charge({ tokens: 1, updatedAt: t0 }, 10, t0, RATE, 1);
    expect(after.tokens).toBe(-9);
    expect(grant(after, 5, at(9_000), RATE, 1)).toBe(0);
    expect(grant(after, 5, at(10_000), RATE, 1)).toBe(1);
    expect(waitMsFor(after, 1, t0, RATE)).toBe(10_000);
  });

  it('achieves the configured rate within 5% over a minute when claimed as fast as allowed', () => {
    // 10 segments/s, 2-segment messages, a claimer asking every 37 ms (not aligned with the refill).
    const rate = 10;
    const capacity = capacityFor(rate);
    let bucket: Bucket = { tokens: capacity, updatedAt: t0 };
    let segments = 0;
    for (let ms = 0; ms < 60_000; ms += 37) {
      const n = grant(bucket, 100, at(ms), rate, capacity);
      if (n === 0) continue;
      bucket = charge(bucket, 2 * n, at(ms), rate, capacity);
      segments += 2 * n;
    }
    expect(Math.abs(segments - 600) / 600).toBeLessThan(0.05);
  });

  it('sends at most about one second more than the rate in the first minute (the bucket does not start with a minute)', () => {
    const rate = 1; // 60 a minute
    const capacity = capacityFor(rate);
    let bucket: Bucket = { tokens: capacity, updatedAt: t0 };
    let sent = 0;
    for (let ms = 0; ms < 60_000; ms += 100) {
      const n = grant(bucket, 1000, at(ms), rate, capacity);
      bucket = charge(bucket, n, at(ms), rate, capacity);
      sent += n;
    }
    expect(sent).toBeLessThanOrEqual(61);
    expect(sent).toBeGreaterThanOrEqual(59);
  });
});

describe('waitMsFor', () => {
  it('is 0 when the tokens are there', () => {
    expect(waitMsFor({ tokens: 3, updatedAt: t0 }, 2, t0, RATE)).toBe(0);
  });
  it('counts the refill still to come', () => {
    expect(waitMsFor({ tokens: 0, updatedAt: t0 }, 1, at(400), RATE)).toBe(600);
  });
  it('is Infinity when the rate is 0 and tokens are missing', () => {
    expect(waitMsFor({ tokens: 0, updatedAt: t0 }, 1, t0, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
