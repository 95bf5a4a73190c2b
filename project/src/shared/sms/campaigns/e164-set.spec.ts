import { describe, expect, it } from 'vitest';
import { E164Set } from './e164-set';

describe(E164Set.name, () => {
  it('remembers every number added across growth and nothing else', () => {
    const set = new E164Set();
    const numbers = Array.from({ length: 50_000 }, (_, i) => `+1${2012000000 + i * 7919}`);
    numbers.forEach((n, i) => i % 2 === 0 && set.add(n));
    numbers.forEach((n, i) => expect(set.has(n)).toBe(i % 2 === 0));
    expect(set.has('+447400123456')).toBe(false);
  });

  it('tells 15-digit numbers one digit apart', () => {
    const set = new E164Set();
    set.add('+999999999999998');
    expect(set.has('+999999999999998')).toBe(true);
    expect(set.has('+999999999999999')).toBe(false);
  });
});
