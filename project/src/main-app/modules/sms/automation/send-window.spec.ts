import { describe, expect, it } from 'vitest';
import { intoSendWindow } from './send-window';

const NY = 'America/New_York';
const nineToFive = { startMinute: 9 * 60, endMinute: 17 * 60 };

describe(intoSendWindow.name, () => {
  it('keeps a due time inside the window', () => {
    const due = new Date('2026-03-02T15:00:00Z'); // 10:00 in New York
    expect(intoSendWindow(due, NY, nineToFive)).toEqual(due);
  });

  it('moves an evening due time to the next morning window start, in the lead zone', () => {
    const due = new Date('2026-03-02T23:30:00Z'); // 18:30 in New York
    expect(intoSendWindow(due, NY, nineToFive)).toEqual(new Date('2026-03-03T14:00:00Z'));
  });

  it('moves an early due time to the same day window start', () => {
    const due = new Date('2026-03-02T11:00:00Z'); // 06:00 in New York
    expect(intoSendWindow(due, NY, nineToFive)).toEqual(new Date('2026-03-02T14:00:00Z'));
  });

  it('treats the window end as closed', () => {
    const due = new Date('2026-03-02T22:00:00Z'); // 17:00 in New York
    expect(intoSendWindow(due, NY, nineToFive)).toEqual(new Date('2026-03-03T14:00:00Z'));
  });

  it('handles a window that runs past midnight', () => {
    const evening = { startMinute: 20 * 60, endMinute: 2 * 60 };
    const noon = new Date('2026-03-02T17:00:00Z'); // 12:00 in New York
    expect(intoSendWindow(noon, NY, evening)).toEqual(new Date('2026-03-03T01:00:00Z'));
    const late = new Date('2026-03-03T06:00:00Z'); // 01:00 in New York
    expect(intoSendWindow(late, NY, evening)).toEqual(late);
  });

  it('leaves the due time alone without a window', () => {
    const due = new Date('2026-03-02T23:30:00Z');
    expect(intoSendWindow(due, NY, null)).toEqual(due);
  });
});
