import { describe, expect, it } from 'vitest';
import { refill, take, waitMsFor } from 'src/shared/sms/token-bucket';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const RATE = 60; // one token per second

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

describe('take', () => {
  it('grants what was asked when enough tokens are there', () => {
    const { granted, bucket } = take({ tokens: 10, updatedAt: t0 }, 4, t0, RATE, 60);
    expect(granted).toBe(4);
    expect(bucket.tokens).toBe(6);
  });

  it('grants only whole tokens that are available', () => {
    const { granted, bucket } = take({ tokens: 2.7, updatedAt: t0 }, 10, t0, RATE, 60);
    expect(granted).toBe(2);
    expect(bucket.tokens).toBeCloseTo(0.7);
  });

  it('refills before taking', () => {
    expect(take({ tokens: 0, updatedAt: t0 }, 10, at(5_000), RATE, 60).granted).toBe(5);
  });

  it('grants nothing from an empty bucket and keeps it empty', () => {
    expect(take({ tokens: 0, updatedAt: t0 }, 3, t0, RATE, 60)).toEqual({
      granted: 0,
      bucket: { tokens: 0, updatedAt: t0 },
    });
  });

  it('allows a full burst and then the steady rate', () => {
    let bucket = { tokens: 60, updatedAt: t0 };
    const first = take(bucket, 100, t0, RATE, 60);
    expect(first.granted).toBe(60);
    bucket = first.bucket;
    expect(take(bucket, 100, at(10_000), RATE, 60).granted).toBe(10);
  });
});

describe('waitMsFor', () => {
  it('is zero when the tokens are there', () => {
    expect(waitMsFor({ tokens: 3, updatedAt: t0 }, 3, t0, RATE)).toBe(0);
  });

  it('is the time to accrue the missing tokens', () => {
    expect(waitMsFor({ tokens: 0.5, updatedAt: t0 }, 3, t0, RATE)).toBe(2_500);
    expect(waitMsFor({ tokens: 0, updatedAt: t0 }, 1, t0, 6)).toBe(10_000);
  });

  it('counts tokens accrued since the last update', () => {
    expect(waitMsFor({ tokens: 0, updatedAt: t0 }, 3, at(1_000), RATE)).toBe(2_000);
  });

  it('is infinite at a zero rate', () => {
    expect(waitMsFor({ tokens: 0, updatedAt: t0 }, 1, t0, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
