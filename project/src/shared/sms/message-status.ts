import { assertUnreachable } from 'src/shared/sms/assert-unreachable';

export const SMS_STATUSES = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'received',
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

const FINAL: ReadonlySet<SmsStatus> = new Set(['delivered', 'undelivered', 'failed', 'canceled', 'received']);

function rank(s: SmsStatus): number {
  switch (s) {
    case 'pending':
      return 0;
    case 'sending':
      return 1;
    case 'sent':
      return 2;
    case 'delivered':
    case 'undelivered':
    case 'failed':
    case 'canceled':
      return 3;
    case 'received':
      return -1;
    default:
      return assertUnreachable(s);
  }
}

export function isFinal(s: SmsStatus): boolean {
  return FINAL.has(s);
}

/** Monotonic: callbacks arrive out of order and twice, so a regression or repeat is refused. `received` is inbound only. */
export function canTransition(from: SmsStatus, to: SmsStatus): boolean {
  if (from === to || isFinal(from) || from === 'received' || to === 'received') return false;
  if (to === 'canceled') return from === 'pending';
  return rank(to) > rank(from);
}

/**
 * Once Twilio accepted the create call the message is `sent` for us, whatever queue it waits in.
 * Unknown statuses (e.g. partially_delivered) map to null: leave the row as it is.
 */
export function mapTwilioStatus(twilioStatus: string): SmsStatus | null {
  switch (twilioStatus.trim().toLowerCase()) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
      return 'failed';
    case 'canceled':
      return 'canceled';
    case 'receiving':
    case 'received':
      return 'received';
    default:
      return null;
  }
}

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'completed',
  'canceled',
  'failed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

// draft -> sending is "send now"; paused -> completed when the last in-flight message settles during a pause;
// a scheduled campaign can be paused, and resumes as scheduled while its time is still ahead.
const CAMPAIGN_NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['scheduled', 'sending', 'canceled'],
  scheduled: ['sending', 'paused', 'canceled'],
  sending: ['paused', 'completed', 'canceled', 'failed'],
  paused: ['sending', 'scheduled', 'completed', 'canceled', 'failed'],
  completed: [],
  canceled: [],
  failed: [],
};

export function isCampaignFinal(s: CampaignStatus): boolean {
  return CAMPAIGN_NEXT[s].length === 0;
}

export function canTransitionCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_NEXT[from].includes(to);
}
