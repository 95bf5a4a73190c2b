import { describe, expect, it } from 'vitest';
import { isoFromDriver } from './iso-time';

describe('isoFromDriver', () => {
  it.each([
    ['2026-12-05 07:12:34.123456+00', '2026-12-05T07:12:34.123Z'],
    ['2026-12-05 07:12:34.999999+00', '2026-12-05T07:12:34.999Z'],
    ['2026-12-05 07:12:34.1+00', '2026-12-05T07:12:34.100Z'],
    ['2026-12-05 07:12:34+00', '2026-12-05T07:12:34.000Z'],
  ])('prints PostgreSQL’s UTC text %s as Date#toISOString does', (text, iso) => {
    expect(isoFromDriver(text)).toBe(iso);
    expect(isoFromDriver(text)).toBe(new Date(text).toISOString());
  });

  it('reads text in another session time zone through a Date, so the instant is the same', () => {
    expect(isoFromDriver('2026-12-05 02:12:34.5-05')).toBe('2026-12-05T07:12:34.500Z');
    expect(isoFromDriver('2026-12-05 08:42:34+01:30')).toBe('2026-12-05T07:12:34.000Z');
  });

  it('prints a Date (a driver that parses timestamps itself) as it is', () => {
    expect(isoFromDriver(new Date('2026-12-05T07:12:34.123Z'))).toBe('2026-12-05T07:12:34.123Z');
  });
});
