/**
 * A sender's token bucket in Twilio's unit: message segments per second. It holds about one second's worth
 * (never less than one message), so a sender bursts at most a second of traffic, and a fresh bucket starts with
 * that second, not a minute. A claim is granted whole messages while any token is left and is then charged the
 * segments it really took: the balance may go below zero (a 10-segment message at 1 segment/s waits 10 s before
 * the next one), which keeps the achieved segment rate at the configured one over any window longer than a burst.
 */
export interface Bucket {
  tokens: number;
  updatedAt: Date;
}

/** What a bucket of this rate holds: about one second of it, and at least one message. */
export function capacityFor(segmentsPerSecond: number): number {
  return Math.max(1, segmentsPerSecond);
}

/** Messages per minute (the older setting) in segments per second, counting each message as one segment. */
export function perSecondFromPerMinute(messagesPerMinute: number): number {
  return messagesPerMinute / 60;
}

/** Tokens accrue continuously at ratePerSecond up to capacity. A clock that went backwards adds nothing. */
export function refill(bucket: Bucket, now: Date, ratePerSecond: number, capacity: number): Bucket {
  const elapsedMs = Math.max(0, now.getTime() - bucket.updatedAt.getTime());
  const tokens = Math.min(capacity, bucket.tokens + (elapsedMs * ratePerSecond) / 1000);
  const updatedAt = elapsedMs > 0 ? now : bucket.updatedAt;
  return { tokens, updatedAt };
}

/** How many messages may be claimed now, up to n: one per whole token (each is at least one segment). */
export function grant(bucket: Bucket, n: number, now: Date, ratePerSecond: number, capacity: number): number {
  const filled = refill(bucket, now, ratePerSecond, capacity);
  return Math.max(0, Math.min(n, Math.floor(filled.tokens + 1e-9)));
}

/** Charges the segments a claim took (the balance may go negative: that is the debt the next claims wait out). */
export function charge(bucket: Bucket, segments: number, now: Date, ratePerSecond: number, capacity: number): Bucket {
  const filled = refill(bucket, now, ratePerSecond, capacity);
  return { tokens: filled.tokens - segments, updatedAt: filled.updatedAt };
}

/** Milliseconds from now until a whole token is there again (0 when it is; Infinity when the rate is 0). */
export function waitMsFor(bucket: Bucket, n: number, now: Date, ratePerSecond: number): number {
  const elapsedMs = Math.max(0, now.getTime() - bucket.updatedAt.getTime());
  const missing = n - bucket.tokens - (elapsedMs * ratePerSecond) / 1000;
  if (missing <= 0) return 0;
  if (ratePerSecond <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil((missing * 1000) / ratePerSecond);
}
