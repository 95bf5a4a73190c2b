export type SendErrorKind = 'retryable' | 'permanent' | 'credentials' | 'opted_out';

export interface TwilioErrorInfo {
  kind: SendErrorKind;
  title: string;
  /** What happened, in a sentence an operator understands. */
  meaning: string;
  /** What to do about it. */
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
    meaning:
      'Twilio refused the Account SID and Auth Token: wrong or test credentials, a deleted token, or a suspended account.',
    advice: 'Check the Account SID and the primary Auth Token in SMS settings, then retry the failed messages.',
    resendable: true,
  },
  20429: {
    kind: 'retryable',
    title: 'Too many concurrent requests',
    meaning: "Too many concurrent requests to Twilio's API: the request was not processed.",
    advice:
      "Nothing to fix if rare (the engine retries with backoff); if frequent, lower the SubAccount's in-flight cap or rate limit.",
    resendable: true,
  },
  21211: {
    kind: 'permanent',
    title: "Invalid 'To' phone number",
    meaning: "The 'To' number is not a valid phone number: not E.164, a typo, a short code, or the sender itself.",
    advice: 'Fix the number where it came from (lead or CSV); resending it as is fails again.',
    resendable: false,
  },
  21212: {
    kind: 'permanent',
    title: "Invalid 'From' phone number",
    meaning: "The 'From' number is not a valid sender for this account.",
    advice: 'Use a Twilio number or Messaging Service you own.',
    resendable: true,
  },
  21408: {
    kind: 'permanent',
    title: 'Sending to this region is not enabled',
    meaning: "Texting the recipient's country is not enabled (Messaging Geo Permissions).",
    advice: 'Enable the country in Console > Messaging > Settings > Geo permissions, then retry.',
    resendable: true,
  },
  21606: {
    kind: 'permanent',
    title: "'From' number cannot send SMS",
    meaning: "The 'From' number is not owned by this account or cannot send SMS.",
    advice: 'Use an SMS-capable number owned by this account.',
    resendable: true,
  },
  21608: {
    kind: 'permanent',
    title: 'Trial accounts can only send to verified numbers',
    meaning: 'A trial account can only text verified numbers.',
    advice: 'Verify the number in the Twilio Console or upgrade the account.',
    resendable: true,
  },
  21610: {
    kind: 'opted_out',
    title: 'Recipient replied STOP',
    meaning: 'The recipient replied STOP to this sender.',
    advice: 'Do not send until they reply START; the number is on the opt-out list.',
    resendable: false,
  },
  21611: {
    kind: 'retryable',
    title: "'From' number's queue is full",
    meaning: "The sender's queue holds more than 10 hours of messages.",
    advice: 'Slow down (lower the rate limit) or add senders.',
    resendable: true,
    retryAfterMs: 10 * MINUTE,
  },
  21612: {
    kind: 'permanent',
    title: "Cannot route between 'From' and 'To'",
    meaning: 'Twilio cannot route between this sender and the recipient (sender-ID rules or the network).',
    advice: "Use a sender allowed for the recipient's country and network.",
    resendable: false,
  },
  21614: {
    kind: 'permanent',
    title: "'To' is not a mobile number",
    meaning: "'To' is not a mobile number (e.g. a landline).",
    advice: 'Remove or replace the number.',
    resendable: false,
  },
  21617: {
    kind: 'permanent',
    title: 'Body exceeds 1600 characters',
    meaning: 'The message body exceeds 1,600 characters.',
    advice: 'Shorten the message.',
    resendable: false,
  },
  21635: {
    kind: 'permanent',
    title: "'To' is a landline",
    meaning: 'The recipient is a landline that Twilio does not text.',
    advice: 'Use a mobile number.',
    resendable: false,
  },
  30001: {
    kind: 'retryable',
    title: 'Queue overflow',
    meaning: "The message waited 10 hours in the sender's queue and was dropped.",
    advice: 'Pace sending (lower the rate limit, smaller campaigns) and resend later.',
    resendable: true,
  },
  30002: {
    kind: 'permanent',
    title: 'Account suspended',
    meaning: 'Twilio suspended the account after the message was queued (balance, policy or fraud).',
    advice: 'Resolve the account status with Twilio before resending.',
    resendable: true,
  },
  30003: {
    kind: 'permanent',
    title: 'Unreachable handset',
    meaning: 'The handset was unreachable: off, out of coverage, roaming, or unable to receive SMS.',
    advice: 'Often temporary: resend by hand later; remove the number if it keeps failing.',
    resendable: true,
  },
  30004: {
    kind: 'permanent',
    title: 'Message blocked',
    meaning: 'The recipient or their carrier blocks messages from this sender.',
    advice: 'Do not resend; remove the number.',
    resendable: false,
  },
  30005: {
    kind: 'permanent',
    title: 'Unknown handset',
    meaning: 'The carrier does not know the number; it may no longer exist.',
    advice: 'Check the number; remove it if it fails again.',
    resendable: false,
  },
  30006: {
    kind: 'permanent',
    title: 'Landline or unreachable carrier',
    meaning: 'The number is a landline or its carrier cannot be reached.',
    advice: 'Check the line type with Twilio Lookup; do not resend the same SMS.',
    resendable: false,
  },
  30007: {
    kind: 'permanent',
    title: 'Filtered by the carrier',
    meaning: 'A carrier or Twilio filtered the message as spam or against policy.',
    advice:
      "Do not resend the same text: review the content and the sender's registration (A2P 10DLC, toll-free), and give Twilio support a few message SIDs.",
    resendable: false,
  },
  30008: {
    kind: 'permanent',
    title: 'Unknown delivery error',
    meaning: 'The carrier failed the message without giving a reason.',
    advice: 'Resend by hand later; contact Twilio support if it persists.',
    resendable: true,
  },
  30032: {
    kind: 'permanent',
    title: 'Toll-free number not verified',
    meaning: 'The toll-free sender is not verified (blocked since 31 January 2024).',
    advice: 'Complete toll-free verification before sending.',
    resendable: true,
  },
  30034: {
    kind: 'permanent',
    title: 'Sender not registered for A2P 10DLC',
    meaning: 'US: the sender is not part of an approved A2P 10DLC campaign.',
    advice: 'Add the number to a Messaging Service with an approved A2P campaign.',
    resendable: true,
  },
  30036: {
    kind: 'permanent',
    title: 'Validity period expired',
    meaning: "The message outlived its validity period in Twilio's queue.",
    advice: 'Pace sending, or allow a longer validity period.',
    resendable: true,
  },
  30450: {
    kind: 'retryable',
    title: 'Blocked by SMS pumping protection',
    meaning: "Twilio's SMS pumping protection blocked the message for 15 to 30 minutes.",
    advice: 'Resend after half an hour; look for fraudulent traffic if it repeats.',
    resendable: true,
    retryAfterMs: 15 * MINUTE,
  },
  57012: {
    kind: 'credentials',
    title: 'Webhook signature invalid',
    meaning: "A webhook's signature did not validate.",
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

export interface TwilioErrorDescription {
  title: string;
  meaning: string;
  action: string;
  /** False for a code missing from TWILIO_ERRORS (and for "no code"). */
  known: boolean;
  /** Twilio's page for the code; null without a code. */
  docsUrl: string | null;
}

/** What a failure's error code means and what to do, for reports; null: the message failed without a code. */
export function describeTwilioError(code: number | null): TwilioErrorDescription {
  if (code === null || code === 0) {
    return {
      title: 'No error code',
      meaning:
        'Failed without a Twilio error code: Twilio never answered and the retries ran out, or the status came without a code.',
      action: "Open a message's history to see the reason; resend by hand once Twilio is reachable.",
      known: false,
      docsUrl: null,
    };
  }
  const docsUrl = `https://www.twilio.com/docs/api/errors/${code}`;
  const info = TWILIO_ERRORS[code];
  if (!info) {
    return {
      title: `Twilio error ${code}`,
      meaning: "Unknown code: not in this app's table of Twilio errors.",
      action: `Look it up on Twilio's error page: ${docsUrl}`,
      known: false,
      docsUrl,
    };
  }
  return { title: info.title, meaning: info.meaning, action: info.advice, known: true, docsUrl };
}
