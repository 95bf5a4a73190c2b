export interface Bucket {
  tokens: number;
  updatedAt: Date;
}

/** Tokens accrue continuously at ratePerMinute up to capacity. A clock that went backwards adds nothing. */
export function refill(bucket: Bucket, now: Date, ratePerMinute: number, capacity: number): Bucket {
  const elapsedMs = Math.max(0, now.getTime() - bucket.updatedAt.getTime());
  const tokens = Math.min(capacity, bucket.tokens + (elapsedMs * ratePerMinute) / 60_000);
  const updatedAt = elapsedMs > 0 ? now : bucket.updatedAt;
  return { tokens, updatedAt };
}

/** Grants as many whole tokens as are available, up to n. */
export function take(
  bucket: Bucket,
  n: number,
  now: Date,
  ratePerMinute: number,
  capacity: number,
): { granted: number; bucket: Bucket } {
  const filled = refill(bucket, now, ratePerMinute, capacity);
  const granted = Math.max(0, Math.floor(Math.min(n, filled.tokens)));
  return { granted, bucket: { tokens: filled.tokens - granted, updatedAt: filled.updatedAt } };
}

/** Milliseconds from now until n tokens are available (0 when they already are; Infinity when the rate is 0). */
export function waitMsFor(bucket: Bucket, n: number, now: Date, ratePerMinute: number): number {
  const elapsedMs = Math.max(0, now.getTime() - bucket.updatedAt.getTime());
  const missing = n - bucket.tokens - (elapsedMs * ratePerMinute) / 60_000;
  if (missing <= 0) return 0;
  if (ratePerMinute <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil((missing * 60_000) / ratePerMinute);
}
