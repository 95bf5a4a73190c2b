import {
  Ban,
  CheckCheck,
  CircleAlert,
  CircleDashed,
  Clock,
  Inbox,
  Loader2,
  Moon,
  Pause,
  Send,
  XCircle,
} from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import { describeWait } from '@/lib/sms/message-wait';
import type { MessageWait, SmsCampaignStatus, SmsStatus } from '@/types/sms';

type Variant = 'success' | 'warning' | 'danger' | 'info' | 'muted' | 'outline' | 'secondary';

const SMS_STATUS: Record<SmsStatus, { label: string; variant: Variant; icon: typeof Clock }> = {
  pending: { label: 'Pending', variant: 'muted', icon: Clock },
  sending: { label: 'Sending', variant: 'info', icon: Loader2 },
  sent: { label: 'Sent', variant: 'info', icon: Send },
  delivered: { label: 'Delivered', variant: 'success', icon: CheckCheck },
  undelivered: { label: 'Undelivered', variant: 'warning', icon: CircleAlert },
  failed: { label: 'Failed', variant: 'danger', icon: XCircle },
  canceled: { label: 'Canceled', variant: 'muted', icon: Ban },
  received: { label: 'Received', variant: 'secondary', icon: Inbox },
};

export const SMS_STATUS_LABELS: Record<SmsStatus, string> = Object.fromEntries(
  Object.entries(SMS_STATUS).map(([k, v]) => [k, v.label]),
) as Record<SmsStatus, string>;

const WAIT_ICONS: Partial<Record<MessageWait['reason'], typeof Clock>> = {
  quiet_hours: Moon,
  sender_paused: Pause,
  sender_not_configured: Pause,
  campaign_paused: Pause,
};

/**
 * A message's status. A pending message says why it waits and about when it goes when its `wait` is known
 * (`useMessageWaits`); without it, a message held by quiet hours still says so.
 */
export function SmsStatusBadge({
  status,
  reason,
  notBefore,
  wait,
}: {
  status: SmsStatus;
  reason?: string | null;
  notBefore?: string | null;
  wait?: MessageWait;
}) {
  if (status === 'pending' && wait) {
    const { text, title } = describeWait(wait);
    const Icon = WAIT_ICONS[wait.reason] ?? Clock;
    const blocked = wait.estimatedAt === null;
    return (
      <Badge variant={blocked ? 'warning' : 'muted'} data-status={status} data-reason={wait.reason} title={title}>
        <Icon aria-hidden="true" />
        {text}
      </Badge>
    );
  }
  if (status === 'pending' && reason === 'quiet_hours') {
    return (
      <Badge
        variant="warning"
        data-status={status}
        data-reason={reason}
        title={notBefore ? `Quiet hours: sends at ${formatDateTime(notBefore)}` : 'Quiet hours'}
      >
        <Moon aria-hidden="true" />
        Waiting: quiet hours
      </Badge>
    );
  }
  const s = SMS_STATUS[status] ?? { label: status, variant: 'outline' as const, icon: CircleDashed };
  const Icon = s.icon;
  return (
    <Badge variant={s.variant} data-status={status}>
      <Icon className={status === 'sending' ? 'animate-spin' : undefined} aria-hidden="true" />
      {s.label}
    </Badge>
  );
}

const CAMPAIGN_STATUS: Record<SmsCampaignStatus, { label: string; variant: Variant; icon: typeof Clock }> = {
  draft: { label: 'Draft', variant: 'outline', icon: CircleDashed },
  scheduled: { label: 'Scheduled', variant: 'secondary', icon: Clock },
  sending: { label: 'Sending', variant: 'info', icon: Loader2 },
  paused: { label: 'Paused', variant: 'warning', icon: Pause },
  completed: { label: 'Completed', variant: 'success', icon: CheckCheck },
  canceled: { label: 'Canceled', variant: 'muted', icon: Ban },
  failed: { label: 'Failed', variant: 'danger', icon: XCircle },
};

export const CAMPAIGN_STATUS_LABELS: Record<SmsCampaignStatus, string> = Object.fromEntries(
  Object.entries(CAMPAIGN_STATUS).map(([k, v]) => [k, v.label]),
) as Record<SmsCampaignStatus, string>;

export function CampaignStatusBadge({ status }: { status: SmsCampaignStatus }) {
  const s = CAMPAIGN_STATUS[status] ?? { label: status, variant: 'outline' as const, icon: CircleDashed };
  const Icon = s.icon;
  return (
    <Badge variant={s.variant} data-status={status}>
      <Icon className={status === 'sending' ? 'animate-spin' : undefined} aria-hidden="true" />
      {s.label}
    </Badge>
  );
}
