'use client';

import { Radio } from 'lucide-react';
import { Progress } from '@/components/ui/progress';
import { formatCost, formatNumber } from '@/lib/format';
import type { StreamState } from '@/lib/queries/use-campaign-events';
import type { SmsCampaign } from '@/types/sms';
import { cn } from '@/lib/utils';

/**
 * How far a campaign got. A canceled one shows the share actually sent, not the share "no longer pending"
 * (canceling its messages would otherwise read 100% with nothing sent).
 */
export function progressPercent(c: Pick<SmsCampaign, 'progress' | 'status' | 'sentCount' | 'totalRecipients'>): number {
  const sentShare = c.totalRecipients > 0 ? c.sentCount / c.totalRecipients : 0;
  const p = c.status === 'canceled' ? sentShare : Number.isFinite(c.progress) ? c.progress : 0;
  return Math.max(0, Math.min(100, Math.floor(p * 100)));
}

export function CampaignProgressBar({ campaign, className }: { campaign: SmsCampaign; className?: string }) {
  const pct = progressPercent(campaign);
  return (
    <div className={cn('flex min-w-32 items-center gap-2', className)}>
      <Progress
        value={pct}
        aria-label={`${campaign.name} progress`}
        indicatorClassName={campaign.failedCount > 0 && pct === 100 ? 'bg-amber-500' : undefined}
      />
      <span className="w-10 text-right text-xs tabular-nums text-muted-foreground">{pct}%</span>
    </div>
  );
}

export function LiveIndicator({ state }: { state: StreamState }) {
  if (state === 'idle' || state === 'closed') return null;
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium',
        state === 'live' ? 'bg-emerald-50 text-emerald-700' : 'bg-muted text-muted-foreground',
      )}
      data-testid="live-indicator"
    >
      <Radio className={cn('size-3', state === 'live' && 'animate-pulse')} />
      {state === 'live' ? 'Live' : 'Connecting…'}
    </span>
  );
}

/** Counters and overall progress of a campaign; the numbers update as the stream reports. */
export function CampaignProgress({ campaign }: { campaign: SmsCampaign }) {
  const pct = progressPercent(campaign);
  const counters: { key: string; label: string; value: string; tone?: string }[] = [
    { key: 'total', label: 'Recipients', value: formatNumber(campaign.totalRecipients) },
    { key: 'pending', label: 'Pending', value: formatNumber(campaign.pending) },
    { key: 'sent', label: 'Sent', value: formatNumber(campaign.sentCount), tone: 'text-blue-700' },
    { key: 'delivered', label: 'Delivered', value: formatNumber(campaign.deliveredCount), tone: 'text-emerald-700' },
    { key: 'failed', label: 'Failed', value: formatNumber(campaign.failedCount), tone: 'text-red-700' },
    { key: 'undelivered', label: 'Undelivered', value: formatNumber(campaign.undelivered), tone: 'text-amber-700' },
    { key: 'optedOut', label: 'Opted out', value: formatNumber(campaign.optedOut) },
    { key: 'canceled', label: 'Canceled', value: formatNumber(campaign.canceled) },
    { key: 'segments', label: 'Segments', value: formatNumber(campaign.segments) },
    {
      key: 'cost',
      label: campaign.awaitingPrice > 0 ? 'Cost so far' : 'Cost',
      value: formatCost(campaign.cost),
    },
  ];
  return (
    <div className="grid grid-cols-1 gap-4" aria-live="polite">
      <div className="grid grid-cols-1 gap-2">
        <div className="flex items-baseline justify-between text-sm">
          <span className="font-medium">
            {campaign.status === 'canceled' ? 'Sent before it was canceled' : 'Progress'}
          </span>
          <span className="text-2xl font-semibold tabular-nums" data-testid="campaign-progress-pct">
            {pct}%
          </span>
        </div>
        <Progress value={pct} className="h-3" aria-label="Campaign progress" />
      </div>
      {campaign.waitingQuietHours > 0 && (
        <p className="text-sm text-muted-foreground" data-testid="quiet-hours-note">
          {formatNumber(campaign.waitingQuietHours)} of the pending messages wait for their recipients&apos; quiet hours
          to end.
        </p>
      )}
      {campaign.awaitingPrice > 0 && (
        <p className="text-sm text-muted-foreground" data-testid="cost-pending-note">
          Prices are still arriving: Twilio reports each message&apos;s price a few minutes after it is sent, and{' '}
          {campaign.awaitingPrice >= 1000 ? 'over 1,000' : formatNumber(campaign.awaitingPrice)}{' '}
          {campaign.awaitingPrice === 1 ? 'has' : 'have'} none yet, so the cost may still grow.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {counters.map((c) => (
          <div key={c.key} className="rounded-lg border px-3 py-2" data-testid={`counter-${c.key}`}>
            <dt className="text-xs text-muted-foreground">{c.label}</dt>
            <dd className={cn('text-lg font-semibold tabular-nums', c.tone)}>{c.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
