import { assertUnreachable } from '../assert-unreachable';
import { retryDelayMs } from '../backoff';
import type { ProviderError } from '../interfaces/sms-provider.interface';
import { classifySendError, type SendErrorKind } from '../twilio-errors';

export type SendOutcome =
  | { action: 'retry'; notBefore: Date; code?: number; message: string; rateLimited: boolean }
  | { action: 'fail'; code?: number; message: string; optedOut: boolean }
  | { action: 'pause_sender'; code?: number; message: string }
  | { action: 'verify_at_twilio'; message: string };

export interface OutcomePolicy {
  now: Date;
  /** Attempts made so far, this one included. */
  attempts: number;
  retryAttempts: number;
  random: () => number;
}

const BACKOFF = { baseMs: 2_000, maxMs: 10 * 60_000 };

/** What to do after a failed send, from the error table: retry with backoff, fail, or stop the sender. */
export function decideOutcome(error: ProviderError, policy: OutcomePolicy): SendOutcome {
  if (error.networkError) {
    // No answer: Twilio may have the message. Look before sending again.
    return { action: 'verify_at_twilio', message: error.message };
  }
  const classified = classifySendError({ status: error.status, code: error.code, message: error.message });
  const kind: SendErrorKind = classified.kind;
  switch (kind) {
    case 'retryable': {
      if (policy.attempts > policy.retryAttempts) {
        return {
          action: 'fail',
          code: classified.code,
          optedOut: false,
          message: `Gave up after ${policy.attempts} attempts: ${classified.message}`,
        };
      }
      const delay = Math.max(
        classified.retryAfterMs ?? 0,
        retryDelayMs(policy.attempts, { ...BACKOFF, random: policy.random }),
      );
      return {
        action: 'retry',
        notBefore: new Date(policy.now.getTime() + delay),
        code: classified.code,
        message: classified.message,
        rateLimited: error.status === 429 || error.code === 20429,
      };
    }
    case 'permanent':
      return { action: 'fail', code: classified.code, message: classified.message, optedOut: false };
    case 'opted_out':
      return { action: 'fail', code: classified.code, message: classified.message, optedOut: true };
    case 'credentials':
      return { action: 'pause_sender', code: classified.code, message: classified.message };
    default:
      return assertUnreachable(kind);
  }
}
