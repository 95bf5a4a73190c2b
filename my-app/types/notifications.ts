/** In-app notifications (`/api/notifications`), as the API's NotificationDto and friends describe them. */

export const NOTIFICATION_TYPES = [
  'campaign_completed',
  'campaign_stopped',
  'credentials_rejected',
  'spending_cap_80',
  'spending_cap_100',
  'dead_letters',
  'lead_reply',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface AppNotification {
  id: number;
  subAccountId: number;
  /** The SubAccount it is about: an admin sees every SubAccount they manage. */
  subAccountName: string;
  type: NotificationType;
  title: string;
  body: string;
  /** Admin panel path to open, e.g. /admin/sms/campaigns/12. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationListParams {
  page?: number;
  limit?: number;
  search?: string;
  unread?: 'true';
}

export interface UnreadCount {
  count: number;
}

export interface ReadAllResult {
  updated: number;
}

export interface NotificationPreferences {
  disabledTypes: NotificationType[];
  deadLetterThreshold: number;
}

export type UpdateNotificationPreferencesDto = Partial<NotificationPreferences>;

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
