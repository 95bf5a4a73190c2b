import type { NotificationType } from 'src/core/database/schema';

/** Every type a recipient can turn off, in the order the settings page lists them. */
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'campaign_completed',
  'campaign_stopped',
  'credentials_rejected',
  'spending_cap_80',
  'spending_cap_100',
  'dead_letters',
  'lead_reply',
];

export const DEFAULT_DEAD_LETTER_THRESHOLD = 10;

/** Who gets a notification, with what they asked for. */
export interface Recipient {
  kind: 'user' | 'admin';
  id: number;
  disabledTypes: NotificationType[];
  deadLetterThreshold: number;
}

/** A notification before it is fanned out to its recipients. */
export interface NotificationDraft {
  subAccountId: number;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  /** Unique per recipient: the same draft twice notifies once. Name the SubAccount in SubAccount-wide keys. */
  dedupeKey: string;
}

export const wants = (r: Recipient, type: NotificationType) => !r.disabledTypes.includes(type);
