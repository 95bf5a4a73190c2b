import { apiError, MAGIC_FROM, MAGIC_TO } from './errors';
import { newMessageSid } from './ids';
import { countSegments } from './segments';
import type { MessageStatus, SimMessage } from './types';

const E164 = /^\+[1-9]\d{1,14}$/;
const MAX_BODY = 1600;
const MIN_SCHEDULE_MS = 15 * 60_000;
const MAX_SCHEDULE_MS = 35 * 86_400_000;

function validCallbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.hostname.includes('_');
  } catch {
    return false;
  }
}

/** Native scheduling (FACTS §7): only with a Messaging Service, SendAt 15 min – 35 days ahead. */
function scheduledSendAt(form: URLSearchParams, now: number): number | null {
  if (form.get('ScheduleType') !== 'fixed' || !form.get('MessagingServiceSid')) return null;
  const sendAt = Date.parse(form.get('SendAt') ?? '');
  if (Number.isNaN(sendAt) || sendAt - now < MIN_SCHEDULE_MS || sendAt - now > MAX_SCHEDULE_MS) {
    throw apiError(400, 35114, 'Scheduling does not support this timestamp');
  }
  return sendAt;
}

/** Validates a create request the way Twilio does; throws TwilioApiError with Twilio's code. */
export function buildOutboundMessage(accountSid: string, form: URLSearchParams, now: number): Omit<SimMessage, 'seq'> {
  const to = form.get('To') ?? '';
  const from = form.get('From') || null;
  const messagingServiceSid = form.get('MessagingServiceSid') || null;
  const body = form.get('Body') ?? '';
  const hasMedia = form.getAll('MediaUrl').length > 0 || !!form.get('ContentSid');
  const statusCallback = form.get('StatusCallback') || null;

  if (!to) throw apiError(400, 21604, "A 'To' phone number is required.");
  if (!from && !messagingServiceSid) throw apiError(400, 21603, "A 'From' phone number is required.");
  if (!body && !hasMedia) throw apiError(400, 21602, 'Message body is required.');
  if (body.length > MAX_BODY) {
    throw apiError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
  }
  const magicTo = MAGIC_TO[to];
  if (magicTo) throw apiError(400, magicTo.code, magicTo.message(to));
  if (!E164.test(to)) throw apiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  const magicFrom = from ? MAGIC_FROM[from] : undefined;
  if (magicFrom && from) throw apiError(400, magicFrom.code, magicFrom.message(from));
  if (statusCallback && !validCallbackUrl(statusCallback)) {
    throw apiError(400, 21609, `The StatusCallback URL ${statusCallback} is not a valid URL.`);
  }

  const sendAt = scheduledSendAt(form, now);
  const status: MessageStatus = sendAt !== null ? 'scheduled' : from ? 'queued' : 'accepted';
  return {
    sid: newMessageSid(),
    accountSid,
    direction: 'outbound-api',
    to,
    from,
    messagingServiceSid,
    body,
    // Messaging Service sends report 0 segments until a sender is picked (spec).
    numSegments: from ? countSegments(body) : 0,
    status,
    errorCode: null,
    errorMessage: null,
    price: null,
    statusCallback,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
    sendAt,
  };
}
