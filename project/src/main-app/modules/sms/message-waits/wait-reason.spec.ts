import { describe, expect, it } from 'vitest';
import { explainWait, type WaitFacts } from './wait-reason';

const NOW = new Date('2026-11-11T17:00:00Z');
const facts = (over: Partial<WaitFacts> = {}): WaitFacts => ({
  now: NOW,
  message: { id: 1, notBefore: NOW, statusReason: null, attempts: 0, errorCode: null },
  sender: { pausedReason: null, configured: true, segmentsPerSecond: 2 },
  campaign: null,
  timeZone: 'America/Chicago',
  quietUntil: null,
  queue: { messages: 0, segments: 0, atLeast: false },
  bucket: { tokens: 2, updatedAt: NOW },
  ...over,
});

describe(explainWait.name, () => {
  it('says a SubAccount without a Twilio account cannot send', () => {
    expect(
      explainWait(facts({ sender: { pausedReason: null, configured: false, segmentsPerSecond: 1 } })),
    ).toMatchObject({ reason: 'sender_not_configured', estimatedAt: null });
  });

  it('puts a paused sender before a paused campaign', () => {
    const paused = facts({
      sender: { pausedReason: 'Credentials rejected', configured: true, segmentsPerSecond: 1 },
      campaign: { status: 'paused', scheduledAt: null, statusReason: null },
    });
    expect(explainWait(paused).reason).toBe('sender_paused');
  });

  it('a send scheduled into quiet hours goes when they end, and says so', () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    const morning = new Date(NOW.getTime() + 12 * 3_600_000);
    const wait = explainWait(facts({ message: { ...facts().message, notBefore: later }, quietUntil: morning }));
    expect(wait).toMatchObject({ reason: 'scheduled', estimatedAt: morning, timeZone: 'America/Chicago' });
    expect(wait.detail).toContain('then for quiet hours (America/Chicago)');
  });

  it('says "at least" when the queue count stopped at its limit', () => {
    const wait = explainWait(facts({ queue: { messages: 5_000, segments: 5_000, atLeast: true } }));
    expect(wait).toMatchObject({ reason: 'rate_limit', queueAhead: 5_000, queueAheadAtLeast: true });
    expect(wait.detail).toContain('at least 5000 messages ahead');
    // 5,000 segments ahead plus its own token, 2 already in the bucket, at 2 segments/s.
    expect(wait.estimatedAt!.getTime() - NOW.getTime()).toBe(2_499_500);
  });

  it('waits out the bucket’s debt even with nothing ahead', () => {
    const wait = explainWait(facts({ bucket: { tokens: -3, updatedAt: NOW } }));
    expect(wait).toMatchObject({ reason: 'rate_limit', queueAhead: 0 });
    expect(wait.estimatedAt!.getTime() - NOW.getTime()).toBe(2_000);
  });
});
