import type { CallbackSender, StatusCallback } from './callbacks';
import { DELIVERY_ERROR_TEXT } from './errors';
import { parseOutcome, type Outcome } from './knobs';
import { countSegments } from './segments';
import type { MessageStore } from './store';
import type { Tasks } from './tasks';
import { API_VERSION } from './twilio-json';
import type { Knobs, SimMessage } from './types';

/** The sender a Messaging Service "picks" when a message was created without From. */
export const SERVICE_SENDER = '+15005550006';
const PRICE_PER_SEGMENT = 0.0079;

export interface LifecycleDeps {
  store: MessageStore;
  tasks: Tasks;
  sender: CallbackSender;
  knobs: () => Knobs;
  rng: () => number;
  authToken: (accountSid: string) => string | undefined;
  generation: () => number;
}

/** YYMMDDhhmm in UTC: the carrier DLR "done date" Twilio forwards on delivered/undelivered. */
export function rawDlrDoneDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16);
}

/** Moves an outbound message queued → sent → final and posts the `sent` and final callbacks. */
export class Lifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  start(message: SimMessage): void {
    const outcome = this.pickOutcome(message.to);
    const delay = this.deps.knobs().callbackDelayMs;
    if (outcome.status === 'failed') {
      this.deps.tasks.later(delay, () => this.finish(message, outcome, []));
    } else {
      this.deps.tasks.later(delay, () => this.markSent(message, outcome));
    }
  }

  private pickOutcome(to: string): Outcome {
    const knobs = this.deps.knobs();
    const fixed = knobs.outcomes[to];
    if (fixed !== undefined) return parseOutcome(fixed, knobs);
    if (knobs.failedRate + knobs.undeliveredRate <= 0) return { status: 'delivered', errorCode: null };
    const roll = this.deps.rng();
    if (roll < knobs.failedRate) return { status: 'failed', errorCode: knobs.failedErrorCode };
    if (roll < knobs.failedRate + knobs.undeliveredRate) {
      return { status: 'undelivered', errorCode: knobs.undeliveredErrorCode };
    }
    return { status: 'delivered', errorCode: null };
  }

  private alive(message: SimMessage): boolean {
    return this.deps.store.get(message.sid) === message && message.status !== 'canceled';
  }

  private async markSent(message: SimMessage, outcome: Outcome): Promise<void> {
    if (!this.alive(message)) return;
    const now = Date.now();
    message.status = 'sent';
    message.from ??= SERVICE_SENDER;
    if (message.numSegments === 0) message.numSegments = countSegments(message.body);
    message.dateSent = Math.floor(now / 1000) * 1000;
    message.dateUpdated = now;
    message.price = (-PRICE_PER_SEGMENT * message.numSegments).toFixed(5);
    const sentHook = this.hook(message);
    if (outcome.status === 'sent') return this.post(sentHook);
    const reorder = this.deps.knobs().reorderCallbacks;
    this.deps.tasks.later(this.deps.knobs().callbackDelayMs, () =>
      this.finish(message, outcome, reorder ? [sentHook] : []),
    );
    if (!reorder) await this.post(sentHook);
  }

  private async finish(message: SimMessage, outcome: Outcome, postAfter: Array<StatusCallback | null>): Promise<void> {
    if (!this.alive(message)) return;
    const now = Date.now();
    message.status = outcome.status;
    message.dateUpdated = now;
    if (outcome.errorCode !== null) {
      message.errorCode = outcome.errorCode;
      message.errorMessage = DELIVERY_ERROR_TEXT[outcome.errorCode] ?? 'Unknown error';
    }
    if (outcome.status === 'failed') message.price = null;
    await this.post(this.hook(message, now));
    for (const hook of postAfter) await this.post(hook);
  }

  private post(hook: StatusCallback | null): Promise<void> {
    return hook ? this.deps.sender.deliver(hook) : Promise.resolve();
  }

  /** Snapshot of the callback for the message's current status (null without a StatusCallback). */
  private hook(m: SimMessage, now = Date.now()): StatusCallback | null {
    const authToken = this.deps.authToken(m.accountSid);
    if (!m.statusCallback || authToken === undefined) return null;
    const params: Record<string, string> = {
      MessageSid: m.sid,
      SmsSid: m.sid,
      AccountSid: m.accountSid,
      From: m.from ?? '',
      To: m.to,
      MessageStatus: m.status,
      SmsStatus: m.status,
      ApiVersion: API_VERSION,
    };
    if (m.messagingServiceSid) params.MessagingServiceSid = m.messagingServiceSid;
    if ((m.status === 'failed' || m.status === 'undelivered') && m.errorCode !== null) {
      params.ErrorCode = String(m.errorCode);
    }
    if (m.status === 'delivered' || m.status === 'undelivered') params.RawDlrDoneDate = rawDlrDoneDate(now);
    return { url: m.statusCallback, authToken, params, generation: this.deps.generation() };
  }
}
