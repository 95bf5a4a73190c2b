import { describe, expect, it } from 'vitest';
import { campaignCompleted, leadReply, spendingCap } from './notification-drafts';

const campaign = {
  id: 7,
  subAccountId: 3,
  name: 'Spring',
  totalRecipients: 5,
  sentCount: 3,
  failedCount: 0,
  canceledCount: 0,
};

describe('notification drafts', () => {
  it('says how a completed campaign went, naming failures and cancellations only when there are some', () => {
    expect(campaignCompleted(campaign).body).toBe('3 of 5 recipients sent.');
    expect(campaignCompleted({ ...campaign, failedCount: 1, canceledCount: 1 }).body).toBe(
      '3 of 5 recipients sent, 1 failed, 1 canceled.',
    );
    expect(campaignCompleted({ ...campaign, totalRecipients: 1, sentCount: 1 }).body).toBe('1 of 1 recipient sent.');
  });

  it('keys SubAccount-wide notifications by SubAccount and UTC month, so one admin of two SubAccounts gets both', () => {
    const now = new Date('2026-12-31T23:30:00-05:00'); // already January in UTC
    expect(spendingCap(3, 80, 8, 10, now).dedupeKey).toBe('spending_cap_80:3:2027-01');
    expect(spendingCap(4, 80, 8, 10, now).dedupeKey).toBe('spending_cap_80:4:2027-01');
  });

  it('fits a long reply into the columns: the title at 200 characters, the body at 1000', () => {
    const d = leadReply(1, { id: 2, name: 'N'.repeat(300) }, 9, 'x'.repeat(1500), null);
    expect(d.title).toHaveLength(200);
    expect(d.title.endsWith('…')).toBe(true);
    expect(d.body).toHaveLength(1000);
    expect(leadReply(1, { id: 2, name: 'Jane' }, 9, 'STOP', 'opt_out').title).toBe('Jane opted out (replied STOP)');
  });
});
