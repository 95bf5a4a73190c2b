import { describe, expect, it } from 'vitest';
import { ProviderError } from 'src/shared/sms/interfaces/sms-provider.interface';
import { decideOutcome, type OutcomePolicy } from './send-outcome';

const NOW = new Date('2026-03-02T15:00:00Z');
const policy = (over: Partial<OutcomePolicy> = {}): OutcomePolicy => ({
  now: NOW,
  attempts: 1,
  retryAttempts: 3,
  random: () => 0.5,
  ...over,
});
const twilioError = (status: number, code?: number, message = 'Twilio says no') =>
  new ProviderError(message, status, code);
const delayOf = (o: ReturnType<typeof decideOutcome>) =>
  o.action === 'retry' ? o.notBefore.getTime() - NOW.getTime() : NaN;

describe(decideOutcome.name, () => {
  it('looks at Twilio before anything else when no answer came', () => {
    const noAnswer = new ProviderError('No answer from Twilio: socket hang up', undefined, undefined, true);
    expect(decideOutcome(noAnswer, policy())).toEqual({ action: 'verify_at_twilio', message: noAnswer.message });
    // Even with retries used up: the message may exist at Twilio.
    expect(decideOutcome(noAnswer, policy({ attempts: 9 })).action).toBe('verify_at_twilio');
  });

  it('retries a 429 with backoff and marks it rate limited', () => {
    const outcome = decideOutcome(twilioError(429, 20429, 'Too Many Requests'), policy());
    expect(outcome).toMatchObject({ action: 'retry', code: 20429, rateLimited: true });
    expect(decideOutcome(twilioError(429), policy()).action).toBe('retry');
  });

  it('keeps the backoff within full-jitter bounds that double per attempt and stop at 10 minutes', () => {
    const err = twilioError(429, 20429);
    for (const attempts of [1, 2, 3]) {
      const ceiling = 2_000 * 2 ** (attempts - 1);
      expect(delayOf(decideOutcome(err, policy({ attempts, random: () => 0 })))).toBe(0);
      const high = delayOf(decideOutcome(err, policy({ attempts, random: () => 0.999 })));
      expect(high).toBeGreaterThan(ceiling * 0.99);
      expect(high).toBeLessThan(ceiling);
    }
    expect(delayOf(decideOutcome(err, policy({ attempts: 30, retryAttempts: 40, random: () => 0.999 })))).toBeLessThan(
      600_000,
    );
  });

  it('retries a 5xx without calling it rate limited', () => {
    for (const status of [500, 502, 503]) {
      expect(decideOutcome(twilioError(status, 20500), policy())).toMatchObject({
        action: 'retry',
        rateLimited: false,
      });
    }
  });

  it('waits at least the error’s own pause when Twilio names one (21611 queue full)', () => {
    expect(delayOf(decideOutcome(twilioError(400, 21611), policy({ random: () => 0 })))).toBeGreaterThanOrEqual(
      10 * 60_000,
    );
  });

  it('gives up once attempts exceed SMS_RETRY_ATTEMPTS', () => {
    expect(decideOutcome(twilioError(503, 20500), policy({ attempts: 3 })).action).toBe('retry');
    const outcome = decideOutcome(twilioError(503, 20500, 'Service Unavailable'), policy({ attempts: 4 }));
    expect(outcome).toMatchObject({ action: 'fail', code: 20500, optedOut: false });
    expect(outcome.message).toMatch(/^Gave up after 4 attempts: Service Unavailable/);
  });

  it('fails an invalid number (21211) at once with its code', () => {
    expect(decideOutcome(twilioError(400, 21211, "The 'To' number is not valid"), policy())).toEqual({
      action: 'fail',
      code: 21211,
      message: "The 'To' number is not valid",
      optedOut: false,
    });
  });

  it('fails a number that replied STOP (21610) and flags it opted out', () => {
    expect(decideOutcome(twilioError(400, 21610), policy())).toMatchObject({
      action: 'fail',
      code: 21610,
      optedOut: true,
    });
  });

  it('pauses the sender on rejected credentials (20003, or a bare 401)', () => {
    expect(decideOutcome(twilioError(401, 20003, 'Authenticate'), policy())).toEqual({
      action: 'pause_sender',
      code: 20003,
      message: 'Authenticate',
    });
    expect(decideOutcome(twilioError(401), policy()).action).toBe('pause_sender');
  });
});
