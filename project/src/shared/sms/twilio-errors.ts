export type SendErrorKind = 'retryable' | 'permanent' | 'credentials' | 'opted_out';

export interface TwilioErrorInfo {
  kind: SendErrorKind;
  title: string;
  advice: string;
  /** The same text to the same number may succeed later (after a wait or an account fix); the engine never re-sends it on its own unless kind is 'retryable'. */
  resendable: boolean;
  /** Backing off for seconds is pointless: wait at least this long. */
  retryAfterMs?: number;
}

const MINUTE = 60_000;

// FACTS §5. Sync codes come back from the create call; 3xxxx arrive in status callbacks.
export const TWILIO_ERRORS: Record<number, TwilioErrorInfo> = {
  20003: {
    kind: 'credentials',
    title: 'Authentication failed',
    advice: 'Check the Account SID and the primary Auth Token.',
    resendable: true,
  },
  20429: {
    kind: 'retryable',
    title: 'Too many concurrent requests',
    advice: 'Not processed; retry after backing off and lower concurrency.',
    resendable: true,
  },
  21211: {
    kind: 'permanent',
    title: "Invalid 'To' phone number",
    advice: 'Fix the number (E.164, not a short code, not the sender itself).',
    resendable: false,
  },
  21212: {
    kind: 'permanent',
    title: "Invalid 'From' phone number",
    advice: 'Use a Twilio number or Messaging Service you own.',
    resendable: true,
  },
  21408: {
    kind: 'permanent',
    title: 'Sending to this region is not enabled',
    advice: 'Enable the country in Console > Messaging > Settings > Geo permissions.',
    resendable: true,
  },
  21606: {
    kind: 'permanent',
    title: "'From' number cannot send SMS",
    advice: 'Use an SMS-capable number owned by this account.',
    resendable: true,
  },
  21608: {
    kind: 'permanent',
    title: 'Trial accounts can only send to verified numbers',
    advice: 'Verify the number or upgrade the account.',
    resendable: true,
  },
  21610: {
    kind: 'opted_out',
    title: 'Recipient replied STOP',
    advice: 'Do not send until they reply START.',
    resendable: false,
  },
  21611: {
    kind: 'retryable',
    title: "'From' number's queue is full",
    advice: 'Slow down or add senders.',
    resendable: true,
    retryAfterMs: 10 * MINUTE,
  },
  21612: {
    kind: 'permanent',
    title: "Cannot route between 'From' and 'To'",
    advice: 'Use a sender allowed for this country and network.',
    resendable: false,
  },
  21614: {
    kind: 'permanent',
    title: "'To' is not a mobile number",
    advice: 'Remove or replace the number.',
    resendable: false,
  },
  21617: {
    kind: 'permanent',
    title: 'Body exceeds 1600 characters',
    advice: 'Shorten the message.',
    resendable: false,
  },
  21635: { kind: 'permanent', title: "'To' is a landline", advice: 'Use a mobile number.', resendable: false },
  30001: {
    kind: 'retryable',
    title: 'Queue overflow',
    advice: 'The message waited 10 hours in the sender queue; pace sending.',
    resendable: true,
  },
  30002: {
    kind: 'permanent',
    title: 'Account suspended',
    advice: 'Resolve the account status with Twilio first.',
    resendable: true,
  },
  30003: {
    kind: 'permanent',
    title: 'Unreachable handset',
    advice: 'Phone off or out of coverage; may be re-sent by hand later.',
    resendable: true,
  },
  30004: {
    kind: 'permanent',
    title: 'Message blocked',
    advice: 'The recipient or carrier blocks messages from this sender.',
    resendable: false,
  },
  30005: { kind: 'permanent', title: 'Unknown handset', advice: 'The number may no longer exist.', resendable: false },
  30006: {
    kind: 'permanent',
    title: 'Landline or unreachable carrier',
    advice: 'Check the line type with Lookup.',
    resendable: false,
  },
  30007: {
    kind: 'permanent',
    title: 'Filtered by the carrier',
    advice: 'Flagged as spam or against policy; change the content or registration.',
    resendable: false,
  },
  30008: {
    kind: 'permanent',
    title: 'Unknown delivery error',
    advice: 'The carrier gave no reason; may be re-sent by hand later.',
    resendable: true,
  },
  30032: {
    kind: 'permanent',
    title: 'Toll-free number not verified',
    advice: 'Complete toll-free verification.',
    resendable: true,
  },
  30034: {
    kind: 'permanent',
    title: 'Sender not registered for A2P 10DLC',
    advice: 'Add the number to a Messaging Service with an approved campaign.',
    resendable: true,
  },
  30036: {
    kind: 'permanent',
    title: 'Validity period expired',
    advice: 'The message outlived its ValidityPeriod in the queue; pace sending.',
    resendable: true,
  },
  30450: {
    kind: 'retryable',
    title: 'Blocked by SMS pumping protection',
    advice: 'Temporary block of 15–30 minutes.',
    resendable: true,
    retryAfterMs: 15 * MINUTE,
  },
  57012: {
    kind: 'credentials',
    title: 'Webhook signature invalid',
    advice: 'Sign with the primary Auth Token over the exact URL Twilio used.',
    resendable: false,
  },
};

export interface SendErrorInput {
  status?: number;
  code?: number;
  networkError?: boolean;
  /** Twilio's own text, kept when present. */
  message?: string;
}

export interface ClassifiedSendError {
  kind: SendErrorKind;
  code?: number;
  message: string;
  retryAfterMs?: number;
}

export function classifySendError(e: SendErrorInput): ClassifiedSendError {
  const info = e.code === undefined ? undefined : TWILIO_ERRORS[e.code];
  const message = e.message ?? info?.title;
  if (e.networkError || (e.status === undefined && e.code === undefined)) {
    return { kind: 'retryable', message: message ?? 'no response from Twilio (network error)' };
  }
  if (e.status === 429 || e.code === 20429) {
    return { kind: 'retryable', code: e.code, message: message ?? 'Twilio rate limit (HTTP 429)' };
  }
  if (e.status !== undefined && e.status >= 500) {
    return { kind: 'retryable', code: e.code, message: message ?? `Twilio server error (HTTP ${e.status})` };
  }
  if (info) {
    const result: ClassifiedSendError = { kind: info.kind, code: e.code, message: message ?? info.title };
    if (info.retryAfterMs !== undefined) result.retryAfterMs = info.retryAfterMs;
    return result;
  }
  if (e.status === 401)
    return { kind: 'credentials', code: e.code, message: message ?? 'Twilio rejected the credentials (HTTP 401)' };
  return { kind: 'permanent', code: e.code, message: message ?? `Twilio rejected the message (${describe(e)})` };
}

function describe(e: SendErrorInput): string {
  return [e.status !== undefined && `HTTP ${e.status}`, e.code !== undefined && `code ${e.code}`]
    .filter(Boolean)
    .join(', ');
}
