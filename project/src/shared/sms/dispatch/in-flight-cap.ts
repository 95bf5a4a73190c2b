import type { RateBucketRow } from '../repositories/sms-rate-buckets.repository';
import type { Sender } from '../settings/sender.service';

/** From the 429 that halved it, the cap is back at the setting after this long. */
export const CAP_RECOVERY_MS = 60_000;
/** The halved cap holds this long, then grows back in a straight line until CAP_RECOVERY_MS. */
export const CAP_HOLD_MS = 10_000;
/**
 * 429s answered within this long of a halving were for requests already in flight when it happened (a burst
 * sent at once is answered at once): they halve nothing more. A 429 after it halves again.
 */
export const HALVING_WINDOW_MS = 3_000;

type CapState = Pick<RateBucketRow, 'inFlightCap' | 'inFlightCapUntil'>;

const halvedAt = (state: CapState): number | null =>
  state.inFlightCap && state.inFlightCapUntil ? state.inFlightCapUntil.getTime() - CAP_RECOVERY_MS : null;

/** The cap on a sender's requests in flight: the setting, or less for a while after a 429 (see CAP_HOLD_MS). */
export function inFlightCapOf(state: CapState, sender: Pick<Sender, 'maxInFlight'>, now: Date): number {
  const since = halvedAt(state);
  const max = sender.maxInFlight;
  if (since === null || state.inFlightCapUntil! <= now) return max;
  const low = Math.min(state.inFlightCap!, max);
  const growing = now.getTime() - since - CAP_HOLD_MS;
  if (growing <= 0) return low;
  return Math.min(max, Math.floor(low + ((max - low) * growing) / (CAP_RECOVERY_MS - CAP_HOLD_MS)));
}

/** What a 429 answered now does to the cap: halves it (never below 1), or nothing inside the window of the last. */
export function capAfterRateLimit(
  state: CapState,
  sender: Pick<Sender, 'maxInFlight'>,
  now: Date,
): { inFlightCap: number; inFlightCapUntil: Date } | null {
  const since = halvedAt(state);
  if (since !== null && now.getTime() - since < HALVING_WINDOW_MS) return null;
  return {
    inFlightCap: Math.max(1, Math.floor(inFlightCapOf(state, sender, now) / 2)),
    inFlightCapUntil: new Date(now.getTime() + CAP_RECOVERY_MS),
  };
}
