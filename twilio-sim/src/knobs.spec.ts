import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOBS, mergeKnobs, parseOutcome } from './knobs';

describe('knobs', () => {
  it('parses per-recipient outcomes with and without an error code', () => {
    expect(parseOutcome('delivered', DEFAULT_KNOBS)).toEqual({ status: 'delivered', errorCode: null });
    expect(parseOutcome('undelivered:30005', DEFAULT_KNOBS)).toEqual({ status: 'undelivered', errorCode: 30005 });
    expect(parseOutcome('failed', DEFAULT_KNOBS)).toEqual({ status: 'failed', errorCode: 30008 });
  });

  it('rejects unknown knobs, bad values and unknown outcomes', () => {
    expect(() => mergeKnobs(DEFAULT_KNOBS, { nope: 1 } as never)).toThrow(/unknown knob/);
    expect(() => mergeKnobs(DEFAULT_KNOBS, { rate429: -1 })).toThrow(/rate429/);
    expect(() => mergeKnobs(DEFAULT_KNOBS, { outcomes: { '+15550001111': 'lost' } })).toThrow(/unknown outcome/);
  });

  it('merges a partial update without touching the other knobs', () => {
    const next = mergeKnobs(DEFAULT_KNOBS, { rate429: 0.5 });
    expect(next.rate429).toBe(0.5);
    expect(next.callbackDelayMs).toBe(DEFAULT_KNOBS.callbackDelayMs);
  });
});
