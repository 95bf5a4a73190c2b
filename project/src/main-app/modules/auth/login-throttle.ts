import type { LoginAttempt, StoredLoginAttempt } from './login-attempts.repository';

/** Failures from one address on one email that cost nothing but the failure itself. */
export const FREE_LOGIN_FAILURES = 4;
/** The first lock; each further failure doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** A count older than this starts again from zero. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

/** Seconds the pair must wait before trying again, or 0. */
export function lockedForSeconds(attempt: LoginAttempt | undefined, now: Date): number {
  if (!attempt?.lockedUntil || attempt.lockedUntil <= now) return 0;
  return Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** After a failure: the new count and, past the free ones, a lock that grows with each failure. */
export function afterFailure(previous: StoredLoginAttempt | undefined, now: Date): LoginAttempt {
  const fresh = !previous || now.getTime() - previous.updatedAt.getTime() > FAILURE_MEMORY_MS;
  const failures = (fresh ? 0 : previous.failures) + 1;
  if (failures <= FREE_LOGIN_FAILURES) return { failures, lockedUntil: null };
  const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_LOGIN_FAILURES - 1));
  return { failures, lockedUntil: new Date(now.getTime() + lockMs) };
}
