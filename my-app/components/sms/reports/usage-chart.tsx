'use client';

import * as React from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '@/components/common/states';
import { usageSeries } from '@/lib/sms/report-series';
import type { UsageReport } from '@/types/reports';

/** Messages, deliveries and failures per UTC month (bars), with the delivery rate (line, right axis). */
export function UsageChart({ report }: { report: UsageReport }) {
  const data = React.useMemo(() => usageSeries(report.rows, report.from, report.to), [report]);
  if (data.every((p) => p.messages + p.failures === 0)) {
    return <EmptyState title="No messages in this period" description="Monthly usage will appear here." />;
  }
  return (
    <div className="h-72 w-full" role="img" aria-label="Messages, delivered and failures per month, with delivery rate">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} />
          <YAxis yAxisId="count" allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 100]}
            unit="%"
            tickLine={false}
            axisLine={false}
            fontSize={12}
          />
          <Tooltip cursor={{ fill: 'var(--muted)' }} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="messages" name="Messages" fill="var(--chart-1)" radius={[3, 3, 0, 0]} />
          <Bar yAxisId="count" dataKey="delivered" name="Delivered" fill="var(--chart-2)" radius={[3, 3, 0, 0]} />
          <Bar
            yAxisId="count"
            dataKey="failures"
            name="Failed + undelivered"
            fill="var(--chart-3)"
            radius={[3, 3, 0, 0]}
          />
          <Line
            yAxisId="rate"
            dataKey="deliveryRate"
            name="Delivery rate %"
            stroke="var(--chart-4)"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
