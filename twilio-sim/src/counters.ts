import type { SimCounters } from './types';

export function freshCounters(): SimCounters {
  return {
    createRequests: 0,
    created: 0,
    rejected: { byCode: {} },
    rate429: 0,
    rate5xx: 0,
    timeouts: 0,
    dropsBeforeCreate: 0,
    callbacksPosted: 0,
    callbacksFailed: 0,
    callbackFailures: {},
    callbacksLost: 0,
    callbacksDropped: 0,
    inboundPosted: 0,
  };
}

export function countRejection(counters: SimCounters, code: number): void {
  const key = String(code);
  counters.rejected.byCode[key] = (counters.rejected.byCode[key] ?? 0) + 1;
}

/** One failed callback attempt, under its reason (see SimCounters.callbackFailures). */
export function countCallbackFailure(counters: SimCounters, reason: string): void {
  counters.callbacksFailed++;
  counters.callbackFailures[reason] = (counters.callbackFailures[reason] ?? 0) + 1;
}
