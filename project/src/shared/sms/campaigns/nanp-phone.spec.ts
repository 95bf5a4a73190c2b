import { describe, expect, it } from 'vitest';
import { normalizePhone } from 'src/shared/sms/phone.rules';
import { NanpPhoneNormalizer } from './nanp-phone';

const shapes = (d: string) => [
  d,
  `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  `+1${d}`,
  `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)} ${d.slice(6)}`,
  `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  ` 1${d} `,
];

describe(NanpPhoneNormalizer.name, () => {
  it.each(['US', 'CA', 'AG', 'PR', 'GB', 'DE'] as const)(
    'agrees with normalizePhone for default country %s',
    (country) => {
      const fast = new NanpPhoneNormalizer(country);
      let seed = 11;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      // Every area code 200-999 (valid, unassigned, Caribbean, toll-free, 555, N11) with random exchanges and lines.
      for (let area = 200; area <= 999; area++) {
        const d = `${area}${String(next() % 1000).padStart(3, '0')}${String(next() % 10_000).padStart(4, '0')}`;
        for (const input of shapes(d)) expect(fast.normalize(input), input).toEqual(normalizePhone(input, country));
      }
    },
  );

  it('agrees with normalizePhone on 20,000 random +1 numbers (its patterns go past the area code)', () => {
    const fast = new NanpPhoneNormalizer('US');
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const input = `+1${200 + (next() % 800)}${String(next() % 10_000_000).padStart(7, '0')}`;
      expect(fast.normalize(input), input).toEqual(normalizePhone(input, 'US'));
    }
  });

  it.each([
    '+15005550006',
    '5005550006',
    '(415) 555-0100',
    '1.5551234567E+10',
    '555-0100',
    '+44 7400 123456',
    '',
    '(201 234-5678',
    '201  234 5678',
  ])('agrees with normalizePhone on %j', (input) => {
    expect(new NanpPhoneNormalizer('US').normalize(input)).toEqual(normalizePhone(input, 'US'));
  });
});
