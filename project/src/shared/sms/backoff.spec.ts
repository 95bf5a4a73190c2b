import { describe, expect, it } from 'vitest';
import { retryDelayMs } from 'src/shared/sms/backoff';

const opts = (r: number) => ({ baseMs: 1_000, maxMs: 60_000, random: () => r });

describe('retryDelayMs', () => {
  it('doubles the ceiling on each attempt', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, opts(0.5)))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('caps the ceiling at maxMs', () => {
    expect(retryDelayMs(20, opts(0.5))).toBe(30_000);
    expect(retryDelayMs(200, opts(0.999))).toBeLessThan(60_000);
  });

  it('spreads the delay over the whole range with jitter', () => {
    expect(retryDelayMs(3, opts(0))).toBe(0);
    expect(retryDelayMs(3, opts(0.25))).toBe(1_000);
  });

  it('treats attempt 0 like the first attempt', () => {
    expect(retryDelayMs(0, opts(1))).toBe(1_000);
  });
});
