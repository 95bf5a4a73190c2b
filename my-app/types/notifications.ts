/** In-app notifications (`/api/notifications`): each is the API's own schema. */
import { everyOf, type QueryOf, type Schema } from './api';

export type AppNotification = Schema<'NotificationDto'>;
export type NotificationType = AppNotification['type'];
export const NOTIFICATION_TYPES = everyOf<NotificationType>()([
  'campaign_completed',
  'campaign_stopped',
  'credentials_rejected',
  'spending_cap_80',
  'spending_cap_100',
  'dead_letters',
  'lead_reply',
] as const);

export type NotificationListParams = QueryOf<'/api/notifications'>;
export type UnreadCount = Schema<'UnreadCountDto'>;
export type ReadAllResult = Schema<'ReadAllResultDto'>;
export type NotificationPreferences = Schema<'NotificationPreferencesDto'>;
export type UpdateNotificationPreferencesDto = Schema<'UpdateNotificationPreferencesDto'>;

/** What the settings page offers, in order. */
export const NOTIFICATION_TYPE_OPTIONS: { type: NotificationType; label: string; description: string }[] = [
  { type: 'campaign_completed', label: 'Campaign completed', description: 'Its last message was sent.' },
  {
    type: 'campaign_stopped',
    label: 'Campaign paused by the system',
    description: 'Sending stopped without anyone pausing it (rejected credentials).',
  },
  {
    type: 'credentials_rejected',
    label: 'Twilio credentials rejected',
    description: 'Twilio answered 20003 and sending is paused.',
  },
  { type: 'spending_cap_80', label: 'Spending cap at 80%', description: 'Once a month.' },
  { type: 'spending_cap_100', label: 'Spending cap reached', description: 'Once a month; new messages are refused.' },
  {
    type: 'dead_letters',
    label: 'Failed messages',
    description: 'When the failures of the last hour reach your threshold; once an hour.',
  },
  { type: 'lead_reply', label: 'Replies from my leads', description: 'A lead you own texted back (STOP included).' },
];
