/**
 * Errors that mean "the database cannot be reached right now" rather than "this query is wrong": the
 * connection was refused, reset or timed out, the server is shutting down or restarting, or the embedded
 * database was closed under us. They are outages: the API answers 503 with Retry-After, loops back off
 * and retry, and nothing about the work is decided from them.
 */

/** SQLSTATE classes and codes of a lost or refused connection (PostgreSQL appendix A). */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovery)
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
]);
const UNAVAILABLE_SQLSTATE_CLASSES = ['08']; // connection_exception

const UNAVAILABLE_SYSCALL_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg and PGlite report some of these only in the message. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool connectionTimeoutMillis
  /Client has encountered a connection error and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /PGlite is closed/i,
  /database system is (starting up|shutting down|in recovery mode)/i,
  /query read timeout/i, // pg query_timeout
];

const MAX_DEPTH = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // Drizzle wraps driver errors (DrizzleQueryError) with the original as `cause`.
  for (let depth = 0; depth < MAX_DEPTH && current; depth++) {
    if (matches(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function matches(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSCALL_CODES.has(code)) return true;
    if (code.length === 5 && UNAVAILABLE_SQLSTATE_CLASSES.some((c) => code.startsWith(c))) return true;
  }
  if (error instanceof AggregateError && error.errors.some(matches)) return true; // ECONNREFUSED on ::1 and 127.0.0.1
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** How long a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;
