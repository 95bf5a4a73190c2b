import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { adminUsers, subAccounts } from './crm';

/**
 * Replies that no single SubAccount can claim (to the shared sender from a person none or several SubAccounts
 * know, or to a number nobody sends from): kept here for a system admin, never dropped, never guessed.
 */
export const smsUnassignedInbound = pgTable(
  'sms_unassigned_inbound',
  {
    id: serial().primaryKey(),
    fromNumber: varchar({ length: 20 }).notNull(),
    toNumber: varchar({ length: 34 }),
    messagingServiceSid: varchar({ length: 34 }),
    body: text().notNull(),
    twilioSid: varchar({ length: 34 }),
    /** The SubAccounts that could claim it (several texted or own a lead with this phone); empty: none. */
    candidateSubAccountIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** opt_out, opt_in, help, or null: a keyword was already applied to every SubAccount on that sender. */
    keyword: varchar({ length: 10 }),
    payload: jsonb().$type<Record<string, string>>().notNull().default({}),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    assignedSubAccountId: integer().references(() => subAccounts.id, { onDelete: 'set null' }),
    assignedMessageId: integer(),
    assignedByAdminId: integer().references(() => adminUsers.id, { onDelete: 'set null' }),
    assignedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sms_unassigned_inbound_sid_idx')
      .on(t.twilioSid)
      .where(sql`twilio_sid is not null`),
    // the system admin's inbox: what is still open, newest first
    index('sms_unassigned_inbound_open_idx')
      .on(t.receivedAt, t.id)
      .where(sql`assigned_at is null`),
    index('sms_unassigned_inbound_recent_idx').on(t.receivedAt, t.id),
  ],
);
