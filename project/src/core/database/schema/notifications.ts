import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { subAccounts } from './crm';

export type NotificationType =
  | 'campaign_completed'
  | 'campaign_stopped'
  | 'credentials_rejected'
  | 'spending_cap_80'
  | 'spending_cap_100'
  | 'dead_letters'
  | 'lead_reply';

/** In-app notifications, one row per recipient (a user or an admin). */
export const notifications = pgTable(
  'notifications',
  {
    id: serial().primaryKey(),
    subAccountId: integer()
      .notNull()
      .references(() => subAccounts.id, { onDelete: 'cascade' }),
    recipientKind: varchar({ length: 10 }).$type<'user' | 'admin'>().notNull(),
    recipientId: integer().notNull(),
    type: varchar({ length: 40 }).$type<NotificationType>().notNull(),
    title: varchar({ length: 200 }).notNull(),
    body: varchar({ length: 1000 }).notNull().default(''),
    /** Where the admin panel takes the reader, e.g. /admin/sms/campaigns/12. */
    link: varchar({ length: 300 }),
    /** Emitting the same event twice notifies once (e.g. `campaign_completed:12`). */
    dedupeKey: varchar({ length: 200 }).notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.recipientKind, t.recipientId, t.dedupeKey),
    index('notifications_recipient_idx').on(t.recipientKind, t.recipientId, t.createdAt, t.id),
  ],
);

/** Which notification types a user or admin does not want; absent means all of them. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    recipientKind: varchar({ length: 10 }).$type<'user' | 'admin'>().notNull(),
    recipientId: integer().notNull(),
    disabledTypes: jsonb().$type<NotificationType[]>().notNull().default([]),
    /** Dead-lettered messages in an hour that raise a notification. */
    deadLetterThreshold: integer().notNull().default(10),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recipientKind, t.recipientId] })],
);
