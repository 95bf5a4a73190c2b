'use client';

import Link from 'next/link';
import { ArrowRight, History, Megaphone, Send, Upload } from 'lucide-react';
import { EmptyState, ErrorState } from '@/components/common/states';
import { SmsActivityChart } from '@/components/sms/sms-activity-chart';
import { SmsStatsCards } from '@/components/sms/sms-stats-cards';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatPhone, formatRelative, truncate } from '@/lib/format';
import { useMessages, useSmsStats } from '@/lib/queries/sms';

const QUICK_ACTIONS = [
  { href: '/admin/sms/send', label: 'Send SMS', icon: Send },
  { href: '/admin/sms/bulk', label: 'Upload CSV', icon: Upload },
  { href: '/admin/sms/campaigns/create', label: 'New campaign', icon: Megaphone },
  { href: '/admin/sms/history', label: 'History', icon: History },
];

export function SmsDashboard() {
  const stats = useSmsStats();
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap gap-2" aria-label="Quick actions">
        {QUICK_ACTIONS.map((a, i) => (
          <Button key={a.href} asChild variant={i === 0 ? 'default' : 'outline'}>
            <Link href={a.href}>
              <a.icon /> {a.label}
            </Link>
          </Button>
        ))}
      </div>

      {stats.isError ? (
        <ErrorState title="Could not load statistics" error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <SmsStatsCards stats={stats.data} isLoading={stats.isLoading} />
      )}

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Activity</CardTitle>
            <CardDescription>Messages sent, delivered and failed.</CardDescription>
          </CardHeader>
          <CardContent>
            {stats.isLoading ? (
              <Skeleton className="h-72 w-full" />
            ) : stats.data ? (
              <SmsActivityChart dailyStats={stats.data.dailyStats ?? {}} monthlyStats={stats.data.monthlyStats ?? {}} />
            ) : null}
          </CardContent>
        </Card>
        <RecentActivity />
      </div>
    </div>
  );
}

function RecentActivity() {
  const messages = useMessages({ page: 1, limit: 8 }, { refetchInterval: 10_000 });
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Recent activity</CardTitle>
        <CardDescription>The latest messages in and out.</CardDescription>
        <CardAction>
          <Button asChild variant="ghost" size="sm">
            <Link href="/admin/sms/history">
              All <ArrowRight />
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {messages.isLoading ? (
          <div className="grid grid-cols-1 gap-3">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : messages.isError ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : !messages.data?.items.length ? (
          <EmptyState
            title="No messages yet"
            description="Send your first SMS to see it here."
            action={
              <Button asChild size="sm">
                <Link href="/admin/sms/send">Send SMS</Link>
              </Button>
            }
          />
        ) : (
          <ul className="divide-y">
            {messages.data.items.map((m) => (
              <li key={m.id}>
                <Link
                  href={`/admin/sms/history?message=${m.id}`}
                  className="flex items-start justify-between gap-3 rounded-md py-2.5 outline-none hover:bg-muted/50 focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span className="min-w-0">
                    <span className="block text-sm font-medium">
                      {m.direction === 'inbound' ? 'From ' : 'To '}
                      {formatPhone(m.phoneNumber)}
                    </span>
                    <span className="block truncate text-xs text-muted-foreground">{truncate(m.message, 80)}</span>
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-1">
                    <SmsStatusBadge status={m.status} />
                    <span className="text-xs text-muted-foreground">{formatRelative(m.createdAt)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
