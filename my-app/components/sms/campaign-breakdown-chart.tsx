'use client';

import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { SmsCampaign } from '@/types/sms';

/** Where the campaign's recipients are now, as a donut. */
export function CampaignBreakdownChart({ campaign }: { campaign: SmsCampaign }) {
  const inFlight = Math.max(0, campaign.sentCount - campaign.deliveredCount - campaign.undelivered);
  const data = [
    { name: 'Delivered', value: campaign.deliveredCount, color: 'var(--chart-2)' },
    { name: 'Sent, awaiting receipt', value: inFlight, color: 'var(--chart-1)' },
    { name: 'Pending', value: campaign.pending, color: 'var(--chart-5)' },
    { name: 'Undelivered', value: campaign.undelivered, color: 'var(--chart-4)' },
    { name: 'Failed', value: campaign.failedCount, color: 'var(--chart-3)' },
    { name: 'Opted out', value: campaign.optedOut, color: '#a855f7' },
    { name: 'Canceled', value: campaign.canceled, color: '#94a3b8' },
  ].filter((d) => d.value > 0);
  if (data.length === 0) {
    return <p className="py-10 text-center text-sm text-muted-foreground">Nothing to chart yet.</p>;
  }
  return (
    <div className="h-64 w-full" role="img" aria-label="Recipients by status">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="name"
            innerRadius="55%"
            outerRadius="80%"
            paddingAngle={data.length > 1 ? 1 : 0}
            isAnimationActive={false}
          >
            {data.map((d) => (
              <Cell key={d.name} fill={d.color} />
            ))}
          </Pie>
          <Tooltip />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
