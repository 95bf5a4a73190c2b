import type { SmsCampaignStatus } from 'src/core/database/schema';
import type { Bucket } from 'src/shared/sms/token-bucket';
import { waitMsFor } from 'src/shared/sms/token-bucket';

export const WAIT_REASONS = [
  'sender_paused',
  'sender_not_configured',
  'campaign_paused',
  'campaign_not_started',
  'campaign_scheduled',
  'quiet_hours',
  'retrying',
  'scheduled',
  'rate_limit',
  'due',
] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];

/** Why a pending message has not gone yet, and about when it will (null: not until someone acts). */
export interface MessageWait {
  id: number;
  reason: WaitReason;
  detail: string;
  estimatedAt: Date | null;
  /** Quiet hours: the recipient's zone, in which `estimatedAt` is their morning. */
  timeZone: string | null;
  /** Rate limit: messages that go before it (at least this many when `queueAheadAtLeast`). */
  queueAhead: number | null;
  queueAheadAtLeast: boolean;
  segmentsPerSecond: number | null;
}

export interface QueueAhead {
  messages: number;
  segments: number;
  /** The bounded count stopped at its limit: there are at least this many. */
  atLeast: boolean;
}

/** What is known of one pending message and its sender; gathered by MessageWaitsService. */
export interface WaitFacts {
  now: Date;
  message: {
    id: number;
    notBefore: Date;
    statusReason: string | null;
    attempts: number;
    errorCode: number | null;
  };
  sender: { pausedReason: string | null; configured: boolean; segmentsPerSecond: number };
  campaign: { status: SmsCampaignStatus; scheduledAt: Date | null; statusReason: string | null } | null;
  /** The recipient's zone, and when their quiet hours end if the message came due inside them. */
  timeZone: string;
  quietUntil: Date | null;
  /** Only for a message due now and not held by anything else. */
  queue: QueueAhead | null;
  bucket: Bucket | null;
}

const blank = (id: number) => ({
  id,
  estimatedAt: null,
  timeZone: null,
  queueAhead: null,
  queueAheadAtLeast: false,
  segmentsPerSecond: null,
});

/** Whether the message is due now and free of every hold but the sender's rate: then its queue is counted. */
export function needsQueueCount(f: Omit<WaitFacts, 'queue' | 'bucket'>): boolean {
  return explainHold(f) === null;
}

/** The first thing that holds the message back, in the order the dispatcher would meet them. */
export function explainWait(f: WaitFacts): MessageWait {
  return explainHold(f) ?? explainRate(f);
}

function explainHold(f: Omit<WaitFacts, 'queue' | 'bucket'>): MessageWait | null {
  const { id } = f.message;
  if (f.sender.pausedReason) return { ...blank(id), reason: 'sender_paused', detail: f.sender.pausedReason };
  if (!f.sender.configured)
    return { ...blank(id), reason: 'sender_not_configured', detail: 'No Twilio account is set for this SubAccount.' };
  const campaign = explainCampaign(f);
  if (campaign) return campaign;
  const later = f.message.notBefore > f.now;
  if ((later && f.message.statusReason === 'quiet_hours') || (!later && f.quietUntil)) {
    const until = later ? f.message.notBefore : f.quietUntil!;
    return {
      ...blank(id),
      reason: 'quiet_hours',
      detail: `Quiet hours in the recipient's time zone (${f.timeZone}).`,
      estimatedAt: until,
      timeZone: f.timeZone,
    };
  }
  if (!later) return null;
  // A later time may itself fall in quiet hours: the message then waits for them too.
  const goes = f.quietUntil ?? f.message.notBefore;
  const then = f.quietUntil ? `, then for quiet hours (${f.timeZone})` : '';
  if (f.message.errorCode !== null && f.message.attempts > 0) {
    return {
      ...blank(id),
      reason: 'retrying',
      detail: `Retrying after Twilio error ${f.message.errorCode} (attempt ${f.message.attempts})${then}.`,
      estimatedAt: goes,
      timeZone: f.quietUntil ? f.timeZone : null,
    };
  }
  return {
    ...blank(id),
    reason: 'scheduled',
    detail: `Scheduled${then}.`,
    estimatedAt: goes,
    timeZone: f.quietUntil ? f.timeZone : null,
  };
}

function explainCampaign(f: Omit<WaitFacts, 'queue' | 'bucket'>): MessageWait | null {
  const c = f.campaign;
  const { id } = f.message;
  if (!c || c.status === 'sending') return null;
  if (c.status === 'scheduled')
    return {
      ...blank(id),
      reason: 'campaign_scheduled',
      detail: 'Its campaign is scheduled.',
      estimatedAt: c.scheduledAt,
    };
  if (c.status === 'paused')
    return { ...blank(id), reason: 'campaign_paused', detail: c.statusReason ?? 'Its campaign is paused.' };
  return { ...blank(id), reason: 'campaign_not_started', detail: `Its campaign is ${c.status}.` };
}

/** Due now: it waits for the messages ahead of it in its lane to use the sender's segments per second. */
function explainRate(f: WaitFacts): MessageWait {
  const rate = f.sender.segmentsPerSecond;
  const q = f.queue ?? { messages: 0, segments: 0, atLeast: false };
  const bucket = f.bucket ?? { tokens: Math.max(1, rate), updatedAt: f.now };
  // Its claim needs one whole token after the segments ahead have been paid for.
  const waitMs = waitMsFor(bucket, q.segments + 1, f.now, rate);
  const base = {
    ...blank(f.message.id),
    queueAhead: q.messages,
    queueAheadAtLeast: q.atLeast,
    segmentsPerSecond: rate,
  };
  if (q.messages === 0 && waitMs === 0)
    return { ...base, reason: 'due', detail: 'Due now: it goes with the next claim.', estimatedAt: f.now };
  const ahead = `${q.atLeast ? 'at least ' : ''}${q.messages} message${q.messages === 1 ? '' : 's'}`;
  return {
    ...base,
    reason: 'rate_limit',
    detail: `Rate limit: ${ahead} ahead, at ${rate} segment${rate === 1 ? '' : 's'} per second.`,
    estimatedAt: Number.isFinite(waitMs) ? new Date(f.now.getTime() + waitMs) : null,
  };
}
