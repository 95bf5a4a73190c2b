'use client';

import * as React from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '@/components/common/states';
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { DailyCounts } from '@/types/sms';

type Range = 'daily' | 'monthly';

interface Point extends DailyCounts {
  label: string;
}

function lastDays(days: number, now = new Date()): string[] {
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1 - i)));
    return d.toISOString().slice(0, 10);
  });
}

function lastMonths(months: number, now = new Date()): string[] {
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** Fills the days/months without traffic with zeros, so the axis is continuous. */
export function chartSeries(stats: Record<string, DailyCounts>, range: Range, now = new Date()): Point[] {
  const keys = range === 'daily' ? lastDays(30, now) : lastMonths(12, now);
  return keys.map((key) => {
    const v = stats[key];
    const label =
      range === 'daily'
        ? new Date(`${key}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
        : new Date(`${key}-01T00:00:00Z`).toLocaleDateString('en-US', {
            month: 'short',
            year: '2-digit',
            timeZone: 'UTC',
          });
    return { label, sent: v?.sent ?? 0, delivered: v?.delivered ?? 0, failed: v?.failed ?? 0 };
  });
}

export function SmsActivityChart({
  dailyStats,
  monthlyStats,
}: {
  dailyStats: Record<string, DailyCounts>;
  monthlyStats: Record<string, DailyCounts>;
}) {
  const [range, setRange] = React.useState<Range>('daily');
  const data = React.useMemo(
    () => chartSeries(range === 'daily' ? dailyStats : monthlyStats, range),
    [range, dailyStats, monthlyStats],
  );
  const empty = data.every((p) => p.sent + p.delivered + p.failed === 0);
  return (
    <div className="grid grid-cols-1 gap-3">
      <Tabs withPanels={false} value={range} onValueChange={(v) => setRange(v as Range)}>
        <TabsList aria-label="Chart range">
          <TabsTrigger value="daily">Last 30 days</TabsTrigger>
          <TabsTrigger value="monthly">Last 12 months</TabsTrigger>
        </TabsList>
      </Tabs>
      {empty ? (
        <EmptyState
          title="No messages in this period"
          description="Sent, delivered and failed counts will appear here."
        />
      ) : (
        <div
          className="h-72 w-full"
          role="img"
          aria-label={`Messages sent, delivered and failed per ${range === 'daily' ? 'day' : 'month'}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
              <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} />
              <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
              <Tooltip cursor={{ fill: 'var(--muted)' }} />
              <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="sent" name="Sent" fill="var(--chart-1)" radius={[3, 3, 0, 0]} />
              <Bar dataKey="delivered" name="Delivered" fill="var(--chart-2)" radius={[3, 3, 0, 0]} />
              <Bar dataKey="failed" name="Failed" fill="var(--chart-3)" radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
