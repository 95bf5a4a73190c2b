'use client';

import { Ban, CheckCircle2, Gauge, KeyRound, MessageCircleReply, OctagonAlert, PauseCircle } from 'lucide-react';
import { formatRelative } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { AppNotification, NotificationType } from '@/types/notifications';

const ICONS: Record<NotificationType, { icon: React.ComponentType<{ className?: string }>; tone: string }> = {
  campaign_completed: { icon: CheckCircle2, tone: 'text-emerald-600' },
  campaign_stopped: { icon: PauseCircle, tone: 'text-amber-600' },
  credentials_rejected: { icon: KeyRound, tone: 'text-red-600' },
  spending_cap_80: { icon: Gauge, tone: 'text-amber-600' },
  spending_cap_100: { icon: Ban, tone: 'text-red-600' },
  dead_letters: { icon: OctagonAlert, tone: 'text-red-600' },
  lead_reply: { icon: MessageCircleReply, tone: 'text-sky-600' },
};

/** One notification's icon, title, text and age; unread ones are bold with a dot. */
export function NotificationSummary({
  notification: n,
  showSubAccount,
  compact = false,
}: {
  notification: AppNotification;
  showSubAccount: boolean;
  compact?: boolean;
}) {
  const { icon: Icon, tone } = ICONS[n.type] ?? ICONS.campaign_completed;
  const unread = n.readAt === null;
  return (
    <div className="flex min-w-0 flex-1 items-start gap-3" data-testid="notification" data-unread={unread}>
      <Icon className={cn('mt-0.5 size-4 shrink-0', tone)} />
      <div className="min-w-0 flex-1">
        <p className={cn('text-sm', unread ? 'font-semibold' : 'font-normal', compact && 'line-clamp-2')}>{n.title}</p>
        {n.body && (
          <p className={cn('text-xs text-muted-foreground', compact ? 'line-clamp-2' : 'whitespace-pre-line')}>
            {n.body}
          </p>
        )}
        <p className="mt-0.5 text-xs text-muted-foreground">
          {formatRelative(n.createdAt)}
          {showSubAccount && ` · ${n.subAccountName}`}
        </p>
      </div>
      {unread && <span className="mt-1.5 size-2 shrink-0 rounded-full bg-primary" aria-label="Unread" />}
    </div>
  );
}
