import { defaultAccounts } from './accounts';
import type { Knobs, SimOptions } from './types';

/** Environment variable → numeric knob. */
const NUMBER_KNOBS: Record<string, keyof Knobs> = {
  SIM_LATENCY_MS: 'latencyMs',
  SIM_CALLBACK_DELAY_MS: 'callbackDelayMs',
  SIM_RATE_429: 'rate429',
  SIM_RATE_5XX: 'rate5xx',
  SIM_TIMEOUT_RATE: 'timeoutRate',
  SIM_TIMEOUT_MS: 'timeoutMs',
  SIM_DROP_BEFORE_CREATE_RATE: 'dropBeforeCreateRate',
  SIM_UNDELIVERED_RATE: 'undeliveredRate',
  SIM_UNDELIVERED_ERROR_CODE: 'undeliveredErrorCode',
  SIM_FAILED_RATE: 'failedRate',
  SIM_FAILED_ERROR_CODE: 'failedErrorCode',
  SIM_DUPLICATE_CALLBACK_RATE: 'duplicateCallbackRate',
  SIM_DROP_CALLBACK_RATE: 'dropCallbackRate',
  SIM_CALLBACK_TIMEOUT_MS: 'callbackTimeoutMs',
};

function number(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

function knobsFromEnv(env: NodeJS.ProcessEnv): Partial<Knobs> {
  const knobs: Partial<Knobs> = {};
  for (const [name, key] of Object.entries(NUMBER_KNOBS)) {
    const value = number(env, name);
    if (value !== undefined) (knobs as Record<string, number>)[key] = value;
  }
  const reorder = env.SIM_REORDER_CALLBACKS;
  if (reorder !== undefined && reorder !== '')
    knobs.reorderCallbacks = ['1', 'true', 'yes'].includes(reorder.toLowerCase());
  if (env.SIM_OUTCOMES) {
    try {
      knobs.outcomes = JSON.parse(env.SIM_OUTCOMES) as Record<string, string>;
    } catch {
      throw new Error('SIM_OUTCOMES must be JSON like {"+15550001111":"undelivered:30003"}');
    }
  }
  return knobs;
}

/** Simulator options from SIM_* variables (the CLI's only configuration). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SimOptions {
  const accounts = defaultAccounts(env);
  const list = (name: string) =>
    (env[name] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return {
    senders: {
      [Object.keys(accounts)[0]!]: {
        phoneNumbers: list('SIM_PHONE_NUMBERS'),
        messagingServices: list('SIM_MESSAGING_SERVICES'),
      },
    },
    port: number(env, 'SIM_PORT') ?? 4010,
    host: env.SIM_HOST || '127.0.0.1',
    accounts,
    inboundUrl: env.SIM_INBOUND_URL || undefined,
    seed: number(env, 'SIM_SEED'),
    knobs: knobsFromEnv(env),
  };
}
