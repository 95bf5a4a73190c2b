import { describe, expect, it } from 'vitest';
import { daysBetween, failureSeries, monthsBetween, usageSeries } from '@/lib/sms/report-series';
import type { UsageRow } from '@/types/reports';

const row = (month: string, subAccountId: number, messages: number, delivered: number): UsageRow => ({
  month,
  subAccountId,
  subAccountName: `S${subAccountId}`,
  messages,
  delivered,
  failed: 1,
  undelivered: 1,
  segments: messages,
  cost: 0,
  deliveryRate: 0,
});

describe('report series', () => {
  it('lists every UTC month and day of a range, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('sums the SubAccounts per month, with zeros and no rate for a month without messages', () => {
    const series = usageSeries([row('2026-01', 1, 10, 9), row('2026-01', 2, 10, 7)], '2025-12-01', '2026-01-31');
    expect(series).toEqual([
      { month: '2025-12', label: 'Dec 25', messages: 0, delivered: 0, failures: 0, deliveryRate: null },
      { month: '2026-01', label: 'Jan 26', messages: 20, delivered: 16, failures: 4, deliveryRate: 80 },
    ]);
  });

  it('fills the days without failures with zeros', () => {
    const series = failureSeries(
      [{ day: '2026-03-02', failed: 2, undelivered: 1, total: 3 }],
      '2026-03-01',
      '2026-03-02',
    );
    expect(series.map((p) => [p.day, p.failed, p.undelivered])).toEqual([
      ['2026-03-01', 0, 0],
      ['2026-03-02', 2, 1],
    ]);
  });
});
