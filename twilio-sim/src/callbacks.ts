import { randomUUID } from 'node:crypto';
import { stringify } from 'node:querystring';
import { countCallbackFailure } from './counters';
import { WebhookTimeoutError, type FormPoster } from './http-post';
import { chance } from './prng';
import { twilioSignature } from './signature';
import type { Knobs, SimCounters } from './types';

export interface SignedWebhook {
  url: string;
  authToken: string;
  params: Record<string, string>;
}

/** A status callback, stamped with the generation (see CallbackDeps) it was made in. */
export interface StatusCallback extends SignedWebhook {
  generation: number;
}

export interface CallbackDeps {
  poster: FormPoster;
  knobs: () => Knobs;
  rng: () => number;
  counters: () => SimCounters;
  /** Changes on reset/close; work started under an older generation stops quietly. */
  generation: () => number;
}

/** Headers Twilio puts on a webhook: the signature over URL + form params, and an idempotency token. */
export function webhookHeaders(hook: SignedWebhook, idempotencyToken: string): Record<string, string> {
  return {
    'X-Twilio-Signature': twilioSignature(hook.authToken, hook.url, hook.params),
    'I-Twilio-Idempotency-Token': idempotencyToken,
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
  };
}

/** Posts status callbacks the way Twilio does (one retry, rc=1), bent by the knobs. */
export class CallbackSender {
  constructor(private readonly deps: CallbackDeps) {}

  async deliver(hook: StatusCallback): Promise<void> {
    if (hook.generation !== this.deps.generation()) return;
    const knobs = this.deps.knobs();
    if (chance(this.deps.rng, knobs.dropCallbackRate)) {
      this.deps.counters().callbacksDropped++;
      return;
    }
    const copies = chance(this.deps.rng, knobs.duplicateCallbackRate) ? 2 : 1;
    const token = randomUUID();
    for (let i = 0; i < copies; i++) await this.postWithRetry(hook, token);
  }

  private async postWithRetry(hook: StatusCallback, token: string): Promise<void> {
    const generation = hook.generation;
    const form = stringify(hook.params);
    const headers = webhookHeaders(hook, token);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (generation !== this.deps.generation()) return;
      const failure = await this.attempt(hook.url, form, headers);
      if (generation !== this.deps.generation()) return;
      if (failure === undefined) {
        this.deps.counters().callbacksPosted++;
        return;
      }
      countCallbackFailure(this.deps.counters(), failure);
    }
    this.deps.counters().callbacksLost++;
  }

  /** Posts once: undefined when answered 2xx, else why not. */
  private async attempt(url: string, form: string, headers: Record<string, string>): Promise<string | undefined> {
    try {
      const res = await this.deps.poster.post(url, form, headers, this.deps.knobs().callbackTimeoutMs);
      return res.status >= 200 && res.status < 300 ? undefined : `HTTP ${res.status}`;
    } catch (e) {
      return failureReason(e);
    }
  }
}

function failureReason(e: unknown): string {
  if (e instanceof WebhookTimeoutError) return 'timeout';
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}
