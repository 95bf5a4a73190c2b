export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** [0, 1), injected so tests need not be random. */
  random: () => number;
}

/** Full jitter (as twilio-node's own 429 retry): random * min(maxMs, baseMs * 2^(attempt-1)); attempt starts at 1. */
export function retryDelayMs(attempt: number, opts: BackoffOptions): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** exponent);
  return Math.floor(opts.random() * ceiling);
}
