import { formatDateTime } from '@/lib/format';
import type { MessageWait } from '@/types/sms';

const REASONS: Record<MessageWait['reason'], string> = {
  rate_limit: 'rate limit',
  due: 'next in line',
  quiet_hours: 'quiet hours',
  retrying: 'retrying',
  scheduled: 'scheduled',
  sender_paused: 'sender paused',
  sender_not_configured: 'no Twilio account',
  campaign_paused: 'campaign paused',
  campaign_not_started: 'campaign not started',
  campaign_scheduled: 'campaign scheduled',
};

/** "about 2 min", "about 40 s", "about 3 h"; a day or more away: the date and time. */
export function aboutWhen(iso: string, now: number, timeZone?: string): string {
  const seconds = Math.max(0, Math.round((new Date(iso).getTime() - now) / 1000));
  if (seconds < 60) return seconds <= 1 ? 'any moment' : `about ${seconds} s`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `about ${Math.round(seconds / 3600)} h`;
  return formatDateTime(iso, timeZone);
}

/** What the badge says ("Waiting: rate limit — about 2 min") and its tooltip (the API's sentence and the time). */
export function describeWait(wait: MessageWait, now = Date.now()): { text: string; title: string } {
  const zone = wait.timeZone ?? undefined;
  const when = wait.estimatedAt ? aboutWhen(wait.estimatedAt, now, zone) : null;
  const atLeast = wait.queueAheadAtLeast && when ? ' or more' : '';
  const text = `Waiting: ${REASONS[wait.reason]}${when ? ` — ${when}${atLeast}` : ''}`;
  const at = wait.estimatedAt ? ` Expected to go at ${formatDateTime(wait.estimatedAt, zone)}.` : '';
  return { text, title: `${wait.detail}${at}` };
}
