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

  describe('across daylight saving time changes (New York, 2026)', () => {
    it('opens at 09:00 EDT the morning clocks went forward (Mar 8: 13:00Z, not 14:00Z)', () => {
      const due = new Date('2026-03-07T23:30:00Z'); // Sat 18:30 EST
      expect(intoSendWindow(due, NY, nineToFive)).toEqual(new Date('2026-03-08T13:00:00Z'));
    });

    it('opens at 09:00 EST the morning clocks went back (Nov 1: 14:00Z, not 13:00Z)', () => {
      const due = new Date('2026-10-31T22:30:00Z'); // Sat 18:30 EDT
      expect(intoSendWindow(due, NY, nineToFive)).toEqual(new Date('2026-11-01T14:00:00Z'));
    });

    it('closes at 17:00 local on the day of the change, 25 hours after it closed the day before', () => {
      const inside = new Date('2026-11-01T21:59:00Z'); // Sun 16:59 EST
      expect(intoSendWindow(inside, NY, nineToFive)).toEqual(inside);
      const closed = new Date('2026-11-01T22:00:00Z'); // Sun 17:00 EST
      expect(intoSendWindow(closed, NY, nineToFive)).toEqual(new Date('2026-11-02T14:00:00Z'));
    });

    // On Nov 1 the wall times 01:00–01:59 happen twice: 05:00–05:59Z (EDT), then 06:00–06:59Z (EST).
    const nightWindow = { startMinute: 90, endMinute: 5 * 60 }; // 01:30–05:00

    it('opens a window that starts at a twice-occurring wall time at its first occurrence', () => {
      const due = new Date('2026-10-31T16:00:00Z'); // Sat 12:00 EDT
      expect(intoSendWindow(due, NY, nightWindow)).toEqual(new Date('2026-11-01T05:30:00Z')); // 01:30 EDT
    });

    it('keeps a due time inside the window during the first 01:30–01:59', () => {
      const due = new Date('2026-11-01T05:45:00Z'); // 01:45 EDT
      expect(intoSendWindow(due, NY, nightWindow)).toEqual(due);
    });

    it('keeps a due time inside the window during the repeated 01:30–01:59', () => {
      const due = new Date('2026-11-01T06:45:00Z'); // 01:45 EST, the second time
      expect(intoSendWindow(due, NY, nightWindow)).toEqual(due);
    });

    // A skipped wall time is read with the offset before the change, as RFC 5545 and Temporal's 'compatible'
    // do: 02:30 EST is 03:30 EDT (zonedTime in quiet-hours.ts).
    it('opens a window that starts at a wall time clocks skip (02:30 on Mar 8) at 03:30 EDT', () => {
      const skipped = { startMinute: 150, endMinute: 5 * 60 }; // 02:30–05:00
      const due = new Date('2026-03-07T17:00:00Z'); // Sat 12:00 EST
      expect(intoSendWindow(due, NY, skipped)).toEqual(new Date('2026-03-08T07:30:00Z'));
    });
  });
});
