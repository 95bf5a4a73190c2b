import type { FailureByDay, UsageRow } from '@/types/reports';

/** YYYY-MM of every UTC month from `from`'s to `to`'s (both YYYY-MM-DD), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= end && months.length < 120;) {
    months.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return months;
}

/** YYYY-MM-DD of every UTC day from `from` to `to`, in order. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= end && days.length < 1200; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export interface UsagePoint {
  month: string;
  label: string;
  messages: number;
  delivered: number;
  failures: number;
  /** Percent, or null for a month without messages (the line skips it). */
  deliveryRate: number | null;
}

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Every month of the range, summed over the SubAccounts; months without traffic are zeros. */
export function usageSeries(rows: UsageRow[], from: string, to: string): UsagePoint[] {
  return monthsBetween(from, to).map((month) => {
    const inMonth = rows.filter((r) => r.month === month);
    const sum = (pick: (r: UsageRow) => number) => inMonth.reduce((n, r) => n + pick(r), 0);
    const messages = sum((r) => r.messages);
    const delivered = sum((r) => r.delivered);
    return {
      month,
      label: monthLabel(month),
      messages,
      delivered,
      failures: sum((r) => r.failed + r.undelivered),
      deliveryRate: messages > 0 ? Math.round((delivered / messages) * 1000) / 10 : null,
    };
  });
}

export interface FailurePoint {
  day: string;
  label: string;
  failed: number;
  undelivered: number;
}

/** Every day of the range; days without failures are zeros. */
export function failureSeries(byDay: FailureByDay[], from: string, to: string): FailurePoint[] {
  const known = new Map(byDay.map((d) => [d.day, d]));
  return daysBetween(from, to).map((day) => ({
    day,
    label: new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }),
    failed: known.get(day)?.failed ?? 0,
    undelivered: known.get(day)?.undelivered ?? 0,
  }));
}
