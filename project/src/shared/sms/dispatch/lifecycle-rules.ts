import type { SmsStatus } from '../message-status';
import type { SmsMessageRow } from '../repositories/sms-messages.repository';
import type { CampaignDelta, ErrorKey, StatsDelta } from '../repositories/sms-stats.repository';

/** What Twilio told us about a message besides its status. */
export interface StatusDetails {
  errorCode?: number | null;
  errorMessage?: string | null;
  price?: string | null;
  priceUnit?: string | null;
  segments?: number | null;
}

export type Failure = Pick<ErrorKey, 'outcome' | 'errorCode'>;

/** Statuses that keep a campaign from completing. */
export const QUEUED: SmsStatus[] = ['pending', 'sending'];

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The UTC day a message counts on in the roll-ups: the day Twilio accepted it; one never accepted, the day it
 * was last claimed. Neither changes while the message is failed, so a manual retry takes it back from that day.
 */
export const statsDayOf = (row: SmsMessageRow, fallback: Date) => dayOf(row.sentAt ?? row.claimedAt ?? fallback);

export function errorKey(row: SmsMessageRow, day: string, failure: Failure): ErrorKey {
  return { subAccountId: row.subAccountId, day, campaignId: row.campaignId, ...failure };
}

export function deltasFor(status: SmsStatus): [StatsDelta, CampaignDelta] {
  switch (status) {
    case 'delivered':
      return [{ delivered: 1 }, { deliveredCount: 1 }];
    case 'undelivered':
      return [{ undelivered: 1 }, { undeliveredCount: 1 }];
    case 'failed':
      return [{ failed: 1 }, { failedCount: 1 }];
    case 'canceled':
      return [{}, { canceledCount: 1 }];
    default:
      return [{}, {}];
  }
}

/** Twilio prices are negative strings ("-0.00790"); the first price seen is the cost. */
export function priceChange(row: Pick<SmsMessageRow, 'price'>, d: StatusDetails) {
  if (row.price !== null || d.price === undefined || d.price === null || d.price === '') return undefined;
  const cost = Math.abs(Number(d.price));
  if (!Number.isFinite(cost)) return undefined;
  return { price: d.price, priceUnit: d.priceUnit ?? 'USD', cost: cost.toFixed(5) };
}

export function detailsOf(params: Record<string, string | undefined>): StatusDetails {
  const code = params.ErrorCode ? Number(params.ErrorCode) : null;
  return {
    errorCode: Number.isFinite(code) ? code : null,
    errorMessage: params.ErrorMessage ?? null,
    price: params.Price ?? null,
    priceUnit: params.PriceUnit ?? null,
  };
}

/** A status callback is the same callback when sid, status and error code match. */
export function statusDedupeKey(params: Record<string, string | undefined>): string {
  return `status:${params.MessageSid ?? ''}:${params.MessageStatus ?? ''}:${params.ErrorCode ?? ''}`;
}
