import { describe, expect, it } from 'vitest';
import { quietUntil, recipientTimeZone, zonedTime, type QuietHours } from './quiet-hours';

const NIGHTS: QuietHours = { enabled: true, start: '21:00', end: '08:00', days: [1, 2, 3, 4, 5, 6, 7] };

describe('quietUntil', () => {
  it('is outside the window in the afternoon', () => {
    expect(quietUntil(new Date('2026-06-10T18:00:00Z'), 'America/New_York', NIGHTS)).toBeNull(); // 14:00 EDT
  });

  it('waits until 08:00 the next morning when it is 22:00', () => {
    // 22:00 EDT on Wed 10 June = 02:00Z on the 11th; window ends 08:00 EDT = 12:00Z
    expect(quietUntil(new Date('2026-06-11T02:00:00Z'), 'America/New_York', NIGHTS)?.toISOString()).toBe(
      '2026-06-11T12:00:00.000Z',
    );
  });

  it('waits until 08:00 the same morning after midnight', () => {
    expect(quietUntil(new Date('2026-06-11T07:30:00Z'), 'America/New_York', NIGHTS)?.toISOString()).toBe(
      '2026-06-11T12:00:00.000Z',
    );
  });

  it('judges the same instant by the recipient zone: night in Los Angeles, morning in London', () => {
    const now = new Date('2026-06-11T07:30:00Z'); // 00:30 PDT, 08:30 BST
    expect(quietUntil(now, 'America/Los_Angeles', NIGHTS)?.toISOString()).toBe('2026-06-11T15:00:00.000Z');
    expect(quietUntil(now, 'Europe/London', NIGHTS)).toBeNull();
  });

  it('ends at 08:00 local time across the spring-forward change', () => {
    // US DST starts Sun 8 March 2026 at 02:00 EST. 23:00 EST Sat 7 March = 04:00Z on the 8th.
    // 08:00 EDT on the 8th is 12:00Z (not 13:00Z as it would be in EST).
    expect(quietUntil(new Date('2026-03-08T04:00:00Z'), 'America/New_York', NIGHTS)?.toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });

  it('ends at 08:00 local time across the fall-back change', () => {
    // DST ends Sun 1 Nov 2026 at 02:00 EDT. 22:00 EDT Sat 31 Oct = 02:00Z on 1 Nov; 08:00 EST = 13:00Z.
    expect(quietUntil(new Date('2026-11-01T02:00:00Z'), 'America/New_York', NIGHTS)?.toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    );
  });

  it('only applies on the configured days (the day the window starts)', () => {
    const weekdays: QuietHours = { ...NIGHTS, days: [1, 2, 3, 4, 5] };
    // Sat 13 June 22:00 EDT: a Saturday night is not quiet
    expect(quietUntil(new Date('2026-06-14T02:00:00Z'), 'America/New_York', weekdays)).toBeNull();
    // Sat 13 June 01:00 EDT belongs to Friday night: quiet
    expect(quietUntil(new Date('2026-06-13T05:00:00Z'), 'America/New_York', weekdays)?.toISOString()).toBe(
      '2026-06-13T12:00:00.000Z',
    );
  });

  it('supports a window within one day and can be switched off', () => {
    const lunch: QuietHours = { enabled: true, start: '12:00', end: '13:30', days: [1, 2, 3, 4, 5, 6, 7] };
    expect(quietUntil(new Date('2026-06-10T16:15:00Z'), 'America/New_York', lunch)?.toISOString()).toBe(
      '2026-06-10T17:30:00.000Z',
    );
    expect(quietUntil(new Date('2026-06-11T02:00:00Z'), 'America/New_York', { ...NIGHTS, enabled: false })).toBeNull();
  });

  it('answers each window and zone for itself within one minute (the answers of a minute are reused)', () => {
    const now = new Date('2026-06-11T02:00:30Z'); // 22:00 EDT on a Wednesday
    const until = quietUntil(now, 'America/New_York', NIGHTS)!;
    expect(until.toISOString()).toBe('2026-06-11T12:00:00.000Z');
    expect(quietUntil(now, 'America/New_York', { ...NIGHTS, end: '09:00' })?.toISOString()).toBe(
      '2026-06-11T13:00:00.000Z',
    );
    expect(quietUntil(now, 'America/New_York', { ...NIGHTS, days: [1, 2] })).toBeNull();
    expect(quietUntil(now, 'America/New_York', { ...NIGHTS, start: '23:00' })).toBeNull();
    expect(quietUntil(now, 'Asia/Tokyo', NIGHTS)).toBeNull(); // 11:00 in Tokyo
    until.setTime(0); // a caller changing its answer does not change the next one
    expect(quietUntil(new Date('2026-06-11T02:00:59Z'), 'America/New_York', NIGHTS)?.toISOString()).toBe(
      '2026-06-11T12:00:00.000Z',
    );
    // The next minute is judged again: 22:01 is still quiet, and a window ending at 22:01 is over.
    const later = new Date('2026-06-11T02:01:00Z');
    expect(quietUntil(later, 'America/New_York', { ...NIGHTS, start: '12:00', end: '22:01' })).toBeNull();
    expect(quietUntil(now, 'America/New_York', { ...NIGHTS, start: '12:00', end: '22:01' })?.toISOString()).toBe(
      '2026-06-11T02:01:00.000Z',
    );
  });
});

describe('zonedTime', () => {
  it('moves a wall time skipped by DST forward past the gap', () => {
    expect(zonedTime(2026, 3, 8, 2 * 60 + 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('recipientTimeZone', () => {
  it("prefers the lead's zone, then a single-zone country, then the SubAccount's", () => {
    expect(recipientTimeZone('+14155550100', 'America/Denver', 'America/New_York')).toBe('America/Denver');
    expect(recipientTimeZone('+442079460958', null, 'America/New_York')).toBe('Europe/London');
    expect(recipientTimeZone('+14155550100', null, 'America/Chicago')).toBe('America/Chicago');
  });
});
