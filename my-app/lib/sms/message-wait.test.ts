import { describe, expect, it } from 'vitest';
import { describeWait } from '@/lib/sms/message-wait';
import type { MessageWait } from '@/types/sms';

const NOW = Date.parse('2026-11-11T17:00:00Z');
const wait = (over: Partial<MessageWait>): MessageWait => ({
  id: 1,
  reason: 'rate_limit',
  detail: 'Rate limit: 119 messages ahead, at 1 segment per second.',
  estimatedAt: new Date(NOW + 120_000).toISOString(),
  timeZone: null,
  queueAhead: 119,
  queueAheadAtLeast: false,
  segmentsPerSecond: 1,
  ...over,
});

describe('describeWait', () => {
  it('says the reason and about how long, with the API’s sentence as the tooltip', () => {
    const d = describeWait(wait({}), NOW);
    expect(d.text).toBe('Waiting: rate limit — about 2 min');
    expect(d.title).toMatch(/^Rate limit: 119 messages ahead.*Expected to go at Nov 11, 2026/);
  });

  it('says "or more" when the queue count stopped at its limit', () => {
    expect(describeWait(wait({ queueAheadAtLeast: true }), NOW).text).toBe('Waiting: rate limit — about 2 min or more');
  });

  it('gives quiet hours’ end in the recipient’s zone when it is a day or more away', () => {
    const d = describeWait(
      wait({ reason: 'quiet_hours', estimatedAt: '2026-11-13T13:00:00Z', timeZone: 'America/Chicago' }),
      NOW,
    );
    expect(d.text).toBe('Waiting: quiet hours — Nov 13, 2026, 07:00:00 AM CST');
  });

  it('names what someone must do when nothing moves by itself', () => {
    const d = describeWait(
      wait({ reason: 'campaign_paused', estimatedAt: null, detail: 'Its campaign is paused.' }),
      NOW,
    );
    expect(d).toEqual({ text: 'Waiting: campaign paused', title: 'Its campaign is paused.' });
  });
});
