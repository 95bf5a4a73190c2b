'use client';

import * as React from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '@/components/common/states';
import { failureSeries } from '@/lib/sms/report-series';
import type { FailureReport } from '@/types/reports';

/** Failed and undelivered messages per UTC day, stacked. */
export function FailuresByDayChart({ report }: { report: FailureReport }) {
  const data = React.useMemo(() => failureSeries(report.byDay, report.from, report.to), [report]);
  if (report.totals.total === 0) {
    return <EmptyState title="No failures in this period" description="Nothing failed or went undelivered." />;
  }
  return (
    <div className="h-64 w-full" role="img" aria-label="Failed and undelivered messages per day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
          <Tooltip cursor={{ fill: 'var(--muted)' }} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="failed" name="Failed" stackId="f" fill="var(--chart-3)" />
          <Bar dataKey="undelivered" name="Undelivered" stackId="f" fill="var(--chart-5)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
