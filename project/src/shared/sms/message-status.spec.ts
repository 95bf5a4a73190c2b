import { describe, expect, it } from 'vitest';
import {
  canTransition,
  canTransitionCampaign,
  isCampaignFinal,
  isFinal,
  mapTwilioStatus,
  SMS_STATUSES,
} from 'src/shared/sms/message-status';

describe('canTransition', () => {
  it.each([
    ['pending', 'sending'],
    ['sending', 'sent'],
    ['sent', 'delivered'],
    ['sent', 'undelivered'],
    ['pending', 'failed'],
    ['sending', 'failed'],
    ['sent', 'failed'],
    ['pending', 'canceled'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('does not move a delivered message back to sent', () => {
    expect(canTransition('delivered', 'sent')).toBe(false);
  });

  it('ignores a repeated status', () => {
    for (const s of SMS_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('never leaves a final status', () => {
    for (const from of ['delivered', 'undelivered', 'failed', 'canceled'] as const) {
      for (const to of SMS_STATUSES) expect(canTransition(from, to)).toBe(false);
    }
  });

  it('cancels only a pending message', () => {
    expect(canTransition('sending', 'canceled')).toBe(false);
    expect(canTransition('sent', 'canceled')).toBe(false);
  });

  it('never goes backwards, so a retry back to pending is not a status transition', () => {
    expect(canTransition('sending', 'pending')).toBe(false);
    expect(canTransition('sent', 'sending')).toBe(false);
  });

  it('keeps inbound messages out of the outbound machine', () => {
    expect(canTransition('pending', 'received')).toBe(false);
    expect(canTransition('received', 'delivered')).toBe(false);
  });
});

describe('isFinal', () => {
  it('is true for the outcomes and false while in flight', () => {
    expect(SMS_STATUSES.filter(isFinal)).toEqual(['delivered', 'undelivered', 'failed', 'canceled', 'received']);
  });
});

describe('mapTwilioStatus', () => {
  it.each([
    ['queued', 'sent'],
    ['accepted', 'sent'],
    ['scheduled', 'sent'],
    ['sending', 'sent'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
    ['receiving', 'received'],
    ['received', 'received'],
    ['DELIVERED', 'delivered'],
  ])('maps Twilio %s to %s', (twilio, ours) => {
    expect(mapTwilioStatus(twilio)).toBe(ours);
  });

  it('returns null for a status it does not know', () => {
    expect(mapTwilioStatus('partially_delivered')).toBeNull();
    expect(mapTwilioStatus('')).toBeNull();
  });
});

describe('canTransitionCampaign', () => {
  it.each([
    ['draft', 'scheduled'],
    ['draft', 'sending'],
    ['scheduled', 'sending'],
    ['sending', 'paused'],
    ['paused', 'sending'],
    ['sending', 'completed'],
    ['paused', 'completed'],
    ['sending', 'failed'],
    ['scheduled', 'canceled'],
    ['paused', 'canceled'],
    ['scheduled', 'paused'],
    ['paused', 'scheduled'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransitionCampaign(from, to)).toBe(true);
  });

  it.each([
    ['scheduled', 'draft'],
    ['sending', 'scheduled'],
    ['completed', 'sending'],
    ['canceled', 'sending'],
    ['failed', 'sending'],
    ['sending', 'sending'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransitionCampaign(from, to)).toBe(false);
  });

  it('ends at completed, canceled and failed', () => {
    expect(isCampaignFinal('completed') && isCampaignFinal('canceled') && isCampaignFinal('failed')).toBe(true);
    expect(isCampaignFinal('paused')).toBe(false);
  });
});
