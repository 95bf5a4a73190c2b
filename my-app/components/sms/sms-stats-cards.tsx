'use client';

import { CheckCheck, Coins, Layers, Percent, Send, XCircle } from 'lucide-react';
import { CardsSkeleton } from '@/components/common/states';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatCost, formatNumber, formatPercent } from '@/lib/format';
import type { SmsStats } from '@/types/sms';

interface StatCard {
  key: string;
  title: string;
  value: string;
  hint: string;
  icon: typeof Send;
  tone: string;
}

function cards(stats: SmsStats): StatCard[] {
  return [
    {
      key: 'sent',
      title: 'Sent',
      value: formatNumber(stats.totalSent),
      hint: `${formatNumber(stats.thisMonth.sent)} this month`,
      icon: Send,
      tone: 'text-blue-600 bg-blue-50',
    },
    {
      key: 'delivered',
      title: 'Delivered',
      value: formatNumber(stats.totalDelivered),
      hint: `${formatNumber(stats.thisMonth.delivered)} this month`,
      icon: CheckCheck,
      tone: 'text-emerald-600 bg-emerald-50',
    },
    {
      key: 'failed',
      title: 'Failed',
      value: formatNumber(stats.totalFailed + (stats.totalUndelivered ?? 0)),
      hint: `${formatNumber(stats.totalFailed)} failed · ${formatNumber(stats.totalUndelivered ?? 0)} undelivered`,
      icon: XCircle,
      tone: 'text-red-600 bg-red-50',
    },
    {
      key: 'rate',
      title: 'Delivery rate',
      value: formatPercent(stats.deliveryRate),
      hint: 'Delivered of messages with a final status',
      icon: Percent,
      tone: 'text-violet-600 bg-violet-50',
    },
    {
      key: 'segments',
      title: 'Segments this month',
      value: formatNumber(stats.thisMonth.segments),
      hint: `${formatNumber(stats.totalSegments)} in total`,
      icon: Layers,
      tone: 'text-amber-600 bg-amber-50',
    },
    {
      key: 'cost',
      title: 'Cost this month',
      value: formatCost(stats.thisMonth.cost),
      hint: `${formatCost(stats.totalCost)} in total`,
      icon: Coins,
      tone: 'text-slate-600 bg-slate-100',
    },
  ];
}

export function SmsStatsCards({ stats, isLoading }: { stats: SmsStats | undefined; isLoading: boolean }) {
  if (isLoading || !stats) return <CardsSkeleton count={6} className="lg:grid-cols-3 2xl:grid-cols-6" />;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
      {cards(stats).map((c) => (
        <Card key={c.key} className="gap-2 py-4" data-testid={`stat-${c.key}`}>
          <CardHeader className="flex flex-row items-center justify-between gap-2 px-4">
            <CardTitle className="text-sm font-medium text-muted-foreground">{c.title}</CardTitle>
            <span className={`flex size-7 items-center justify-center rounded-md ${c.tone}`}>
              <c.icon className="size-4" />
            </span>
          </CardHeader>
          <CardContent className="px-4">
            <p className="text-2xl font-semibold tabular-nums">{c.value}</p>
            <p className="mt-1 truncate text-xs text-muted-foreground" title={c.hint}>
              {c.hint}
            </p>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
