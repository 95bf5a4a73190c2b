'use client';

import { ArrowDownLeft, ArrowUpRight, CircleDot, GitBranch, Tag, UserPlus, type LucideIcon } from 'lucide-react';
import { EmptyState, ErrorState } from '@/components/common/states';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime, formatShortDateTime, truncate } from '@/lib/format';
import { useLeadTimeline } from '@/lib/queries/inbox';
import { useMessageWaits } from '@/lib/queries/sms';
import type { LeadEvent, LeadTimelineItem } from '@/types/inbox';
import type { MessageWait } from '@/types/sms';

const EVENT_ICONS: Record<string, LucideIcon> = {
  created: UserPlus,
  status_changed: Tag,
  strategy_changed: GitBranch,
};

/** What a timeline event says, in words. */
export function describeEvent(e: LeadEvent): string {
  const d = e.details as Record<string, string | number | null | undefined>;
  switch (e.type) {
    case 'created':
      return 'Lead created';
    case 'status_changed':
      return `Status changed from ${d.from} to ${d.to}`;
    case 'strategy_changed':
      return d.to ? 'Strategy changed' : 'Strategy removed';
    default:
      return e.type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
}

/** The lead's history: its messages beside its other events, newest first. */
export function LeadTimeline({ leadId }: { leadId: number }) {
  const query = useLeadTimeline(leadId);
  const waits = useMessageWaits(
    (query.data?.items ?? []).flatMap((i) => (i.sms && i.sms.direction === 'outbound' ? [i.sms] : [])),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <CardDescription>Messages and changes, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isLoading ? (
          <Skeleton className="h-24 w-full" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data?.items.length ? (
          <EmptyState title="Nothing yet" />
        ) : (
          <ol className="grid grid-cols-1 gap-3" data-testid="lead-timeline">
            {query.data.items.map((item) => (
              <TimelineEntry
                key={`${item.kind}-${item.sms?.id ?? item.event?.id}`}
                item={item}
                wait={item.sms ? waits.get(item.sms.id) : undefined}
              />
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function TimelineEntry({ item, wait }: { item: LeadTimelineItem; wait?: MessageWait }) {
  const inbound = item.sms?.direction === 'inbound';
  const Icon = item.sms ? (inbound ? ArrowDownLeft : ArrowUpRight) : (EVENT_ICONS[item.event!.type] ?? CircleDot);
  return (
    <li className="flex gap-3 text-sm">
      <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-muted">
        <Icon className="size-3.5 text-muted-foreground" aria-hidden="true" />
      </span>
      <div className="grid min-w-0 flex-1 gap-0.5">
        {item.sms ? (
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{inbound ? 'SMS received' : 'SMS sent'}</span>
            {!inbound && (
              <SmsStatusBadge
                status={item.sms.status}
                reason={item.sms.statusReason}
                notBefore={item.sms.notBefore}
                wait={wait}
              />
            )}
          </p>
        ) : (
          <p className="font-medium">{describeEvent(item.event!)}</p>
        )}
        {item.sms && <p className="truncate text-muted-foreground">{truncate(item.sms.message, 120)}</p>}
        <time className="text-xs text-muted-foreground" dateTime={item.at} title={formatDateTime(item.at)}>
          {formatShortDateTime(item.at)}
        </time>
      </div>
    </li>
  );
}
