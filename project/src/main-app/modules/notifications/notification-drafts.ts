import type { smsCampaigns } from 'src/core/database/schema';
import type { NotificationDraft } from './notification-types';

type Campaign = Pick<
  typeof smsCampaigns.$inferSelect,
  'id' | 'subAccountId' | 'name' | 'totalRecipients' | 'sentCount' | 'failedCount' | 'canceledCount'
>;

const TITLE_MAX = 200;
const BODY_MAX = 1000;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** UTC month and hour of a time, the windows of the cap and dead-letter notifications. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);
export const hourOf = (d: Date) => d.toISOString().slice(0, 13);

function draft(d: NotificationDraft): NotificationDraft {
  return { ...d, title: clip(d.title, TITLE_MAX), body: clip(d.body, BODY_MAX) };
}

export function campaignCompleted(c: Campaign): NotificationDraft {
  // It completes on its last send: deliveries are still coming in, so they are not counted here.
  const extra = [c.failedCount && `${c.failedCount} failed`, c.canceledCount && `${c.canceledCount} canceled`];
  return draft({
    subAccountId: c.subAccountId,
    type: 'campaign_completed',
    title: `Campaign “${c.name}” completed`,
    body:
      [`${c.sentCount} of ${plural(c.totalRecipients, 'recipient')} sent`, ...extra.filter(Boolean)].join(', ') + '.',
    link: `/admin/sms/campaigns/${c.id}`,
    dedupeKey: `campaign_completed:${c.id}`,
  });
}

/** The system paused or failed a campaign (e.g. rejected credentials); `at` keeps a second stop a new notice. */
export function campaignStopped(c: Campaign, status: 'paused' | 'failed', reason: string, at: Date): NotificationDraft {
  return draft({
    subAccountId: c.subAccountId,
    type: 'campaign_stopped',
    title: `Campaign “${c.name}” ${status === 'failed' ? 'failed' : 'was paused by the system'}`,
    body: reason,
    link: `/admin/sms/campaigns/${c.id}`,
    dedupeKey: `campaign_stopped:${c.id}:${at.toISOString()}`,
  });
}

export function credentialsRejected(
  subAccountId: number,
  twilioMessage: string,
  sendingCampaigns: number,
  now: Date,
): NotificationDraft {
  const waiting = sendingCampaigns ? ` ${plural(sendingCampaigns, 'campaign')} and every queued message wait.` : '';
  return draft({
    subAccountId,
    type: 'credentials_rejected',
    title: 'Twilio rejected the credentials: sending is paused',
    body: `Twilio answered 20003 (${twilioMessage}).${waiting} Fix the Account SID and Auth Token in SMS settings to resume.`,
    link: '/admin/sms/settings',
    // Several sends in flight see the same rejection: one notification an hour at most.
    dedupeKey: `credentials_rejected:${subAccountId}:${hourOf(now)}`,
  });
}

export function spendingCap(
  subAccountId: number,
  threshold: 80 | 100,
  used: number,
  cap: number,
  now: Date,
): NotificationDraft {
  return draft({
    subAccountId,
    type: threshold === 80 ? 'spending_cap_80' : 'spending_cap_100',
    title: threshold === 80 ? 'Spending cap 80% used this month' : 'Spending cap reached: new messages will be refused',
    body: `${used} of ${cap} segments used or queued in ${monthOf(now)} (UTC).${
      threshold === 100 ? ' Raise the cap in SMS settings to send more this month.' : ''
    }`,
    link: '/admin/sms/settings',
    dedupeKey: `spending_cap_${threshold}:${subAccountId}:${monthOf(now)}`,
  });
}

export function deadLetters(subAccountId: number, failed: number, now: Date): NotificationDraft {
  return draft({
    subAccountId,
    type: 'dead_letters',
    title: `${plural(failed, 'message')} failed in the last hour`,
    body: 'They failed for good (permanent error or retries exhausted). Review them in History and retry the ones worth it.',
    link: '/admin/sms/history?status=failed',
    dedupeKey: `dead_letters:${subAccountId}:${hourOf(now)}`,
  });
}

export function leadReply(
  subAccountId: number,
  lead: { id: number; name: string },
  messageId: number,
  text: string,
  keyword: 'opt_out' | 'opt_in' | 'help' | null,
): NotificationDraft {
  const titles = {
    opt_out: `${lead.name} opted out (replied ${text.trim() || 'STOP'})`,
    opt_in: `${lead.name} opted back in`,
    help: `${lead.name} asked for help`,
    reply: `${lead.name} replied`,
  };
  return draft({
    subAccountId,
    type: 'lead_reply',
    title: titles[keyword ?? 'reply'],
    body: text,
    link: `/admin/leads/${lead.id}`,
    dedupeKey: `lead_reply:${messageId}`,
  });
}
