import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  afterEach(() => vi.useRealTimers());

  it('gives back a verified payload until its exp, then forgets it', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T10:00:00Z') });
    const tokens = new VerifiedTokens<{ sub: number; exp: number }>();
    const exp = Math.floor(Date.now() / 1000) + 60;
    tokens.remember('t1', { sub: 1, exp });
    expect(tokens.get('t1')).toEqual({ sub: 1, exp });
    expect(tokens.get('t2')).toBeUndefined();
    vi.setSystemTime(exp * 1000);
    expect(tokens.get('t1')).toBeUndefined();
    vi.setSystemTime((exp - 30) * 1000);
    expect(tokens.get('t1')).toBeUndefined(); // forgotten, not just hidden
  });

  it('keeps at most the given number, starting over when full', () => {
    const tokens = new VerifiedTokens<{ exp?: number }>(2);
    tokens.remember('a', {});
    tokens.remember('b', {});
    tokens.remember('c', {});
    expect([tokens.get('a'), tokens.get('b'), tokens.get('c')]).toEqual([undefined, undefined, {}]);
  });
});
