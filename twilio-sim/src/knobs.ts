import type { Knobs } from './types';

export const DEFAULT_KNOBS: Knobs = {
  latencyMs: 0,
  callbackDelayMs: 200,
  rate429: 0,
  rate5xx: 0,
  timeoutRate: 0,
  timeoutMs: 35_000,
  dropBeforeCreateRate: 0,
  undeliveredRate: 0,
  undeliveredErrorCode: 30003,
  failedRate: 0,
  failedErrorCode: 30008,
  duplicateCallbackRate: 0,
  reorderCallbacks: false,
  dropCallbackRate: 0,
  callbackTimeoutMs: 5_000,
  outcomes: {},
};

const NUMBER_KEYS = Object.keys(DEFAULT_KNOBS).filter(
  (k) => typeof DEFAULT_KNOBS[k as keyof Knobs] === 'number',
) as Array<keyof Knobs>;

/** Applies a partial update, rejecting unknown keys and values of the wrong type. */
export function mergeKnobs(current: Knobs, patch: Partial<Knobs>): Knobs {
  const next: Knobs = { ...current, outcomes: { ...current.outcomes } };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (NUMBER_KEYS.includes(key as keyof Knobs)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Error(`knob ${key} must be a non-negative number`);
      }
      (next as unknown as Record<string, number>)[key] = value;
    } else if (key === 'reorderCallbacks') {
      if (typeof value !== 'boolean') throw new Error('knob reorderCallbacks must be a boolean');
      next.reorderCallbacks = value;
    } else if (key === 'outcomes') {
      next.outcomes = validateOutcomes(value);
    } else {
      throw new Error(`unknown knob ${key}`);
    }
  }
  return next;
}

function validateOutcomes(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) throw new Error('knob outcomes must be an object');
  const out: Record<string, string> = {};
  for (const [to, outcome] of Object.entries(value)) {
    if (typeof outcome !== 'string') throw new Error(`outcome for ${to} must be a string`);
    parseOutcome(outcome, DEFAULT_KNOBS);
    out[to] = outcome;
  }
  return out;
}

export type FinalStatus = 'delivered' | 'sent' | 'undelivered' | 'failed';
export interface Outcome {
  status: FinalStatus;
  errorCode: number | null;
}

/** 'delivered' | 'sent' | 'undelivered[:code]' | 'failed[:code]' → the message's fate. */
export function parseOutcome(text: string, knobs: Knobs): Outcome {
  const [status, code] = text.split(':');
  if (status === 'delivered' || status === 'sent') {
    if (code !== undefined) throw new Error(`outcome ${text}: ${status} takes no error code`);
    return { status, errorCode: null };
  }
  if (status === 'undelivered' || status === 'failed') {
    const fallback = status === 'undelivered' ? knobs.undeliveredErrorCode : knobs.failedErrorCode;
    const errorCode = code === undefined ? fallback : Number(code);
    if (!Number.isInteger(errorCode)) throw new Error(`outcome ${text}: bad error code`);
    return { status, errorCode };
  }
  throw new Error(`unknown outcome ${text}`);
}
