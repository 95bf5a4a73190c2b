import { canTransition, mapTwilioStatus, type SmsStatus } from '../message-status';
import type { SmsMessageInsert, SmsMessageRow } from '../repositories/sms-messages.repository';
import type { CampaignDelta, StatsDelta } from '../repositories/sms-stats.repository';
import { deltasFor, priceChange, type Failure, type StatusDetails } from './lifecycle-rules';

/** After a final status without a price, when the price collector asks Twilio's list for it. */
export const PRICE_COLLECT_DELAY_MS = 2 * 60_000;

/** What one status from Twilio changes on a message: its columns and its roll-up deltas. */
export interface StatusPlan {
  /** The new status; null when only the price arrived (the status did not move). */
  next: SmsStatus | null;
  patch: Partial<SmsMessageInsert>;
  daily: StatsDelta;
  campaign: CampaignDelta;
  failure?: Failure;
}

/**
 * The change a status makes to `row`, or undefined when it changes nothing (a status never moves backwards; a
 * repeated one only brings a price the row did not have).
 */
export function planStatus(
  row: SmsMessageRow,
  twilioStatus: string,
  details: StatusDetails,
  now: Date,
): StatusPlan | undefined {
  const next = mapTwilioStatus(twilioStatus);
  const price = priceChange(row, details);
  if (!next || !canTransition(row.status, next)) {
    if (!price) return undefined;
    const patch = { price: price.price, priceUnit: price.priceUnit };
    return { next: null, patch, daily: { cost: price.cost }, campaign: { cost: price.cost } };
  }
  const priced = price !== undefined || row.price !== null;
  const errorCode = details.errorCode ?? row.errorCode;
  const patch: Partial<SmsMessageInsert> = {
    status: next,
    errorCode,
    errorMessage: details.errorMessage ?? row.errorMessage,
    deliveredAt: next === 'delivered' ? now : row.deliveredAt,
    lockedUntil: null,
    // Callbacks carry no price: the price collector asks Twilio's list for it later (one call per page).
    nextStatusCheckAt: priced || next === 'canceled' ? null : new Date(now.getTime() + PRICE_COLLECT_DELAY_MS),
    ...(price ? { price: price.price, priceUnit: price.priceUnit } : {}),
  };
  const [daily, campaign] = deltasFor(next);
  const failure = next === 'failed' || next === 'undelivered' ? { outcome: next, errorCode } : undefined;
  return { next, patch, daily: { ...daily, cost: price?.cost }, campaign: { ...campaign, cost: price?.cost }, failure };
}
