import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, serial, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { leads, strategies, subAccounts, type LeadStatus } from './crm';
import { smsMessages, smsTemplates } from './sms';

const subAccountId = () =>
  integer()
    .notNull()
    .references(() => subAccounts.id, { onDelete: 'cascade' });

/** A strategy's follow-up sequence: at most one per strategy. */
export const smsSequences = pgTable(
  'sms_sequences',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    strategyId: integer()
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    enabled: boolean().notNull().default(true),
    /** A lead reaching one of these statuses leaves the sequence. */
    stopStatuses: jsonb().$type<LeadStatus[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [uniqueIndex('sms_sequences_strategy_idx').on(t.strategyId)],
);

export const smsSequenceSteps = pgTable(
  'sms_sequence_steps',
  {
    id: serial().primaryKey(),
    sequenceId: integer()
      .notNull()
      .references(() => smsSequences.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    templateId: integer()
      .notNull()
      .references(() => smsTemplates.id, { onDelete: 'restrict' }),
    /** After enrolment (step 0) or after the previous step was sent. */
    delayMinutes: integer().notNull().default(0),
    /** Optional send window in the recipient's local time, minutes after midnight. */
    windowStartMinute: integer(),
    windowEndMinute: integer(),
  },
  (t) => [uniqueIndex('sms_sequence_steps_position_idx').on(t.sequenceId, t.position)],
);

export const smsSequenceEnrollments = pgTable(
  'sms_sequence_enrollments',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    sequenceId: integer()
      .notNull()
      .references(() => smsSequences.id, { onDelete: 'cascade' }),
    leadId: integer()
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    status: varchar({ length: 12 }).$type<'active' | 'completed' | 'stopped'>().notNull().default('active'),
    /** replied, opted_out, strategy_changed, status:<status>, manual, no_phone… */
    stopReason: varchar({ length: 40 }),
    /** The position of the next step to send. */
    nextPosition: integer().notNull().default(0),
    nextDueAt: timestamp({ withTimezone: true }),
    lastMessageId: integer().references(() => smsMessages.id, { onDelete: 'set null' }),
    /** Claims of the current step (0 again once it is sent): the runner gives up after a few that failed. */
    attempts: integer().notNull().default(0),
    enrolledByKind: varchar({ length: 10 }).$type<'user' | 'admin' | 'system'>().notNull(),
    enrolledById: integer(),
    ...timestamps,
  },
  (t) => [
    // one active enrolment per lead and sequence
    uniqueIndex('sms_sequence_enrollments_active_idx')
      .on(t.sequenceId, t.leadId)
      .where(sql`status = 'active'`),
    index('sms_sequence_enrollments_due_idx')
      .on(t.nextDueAt)
      .where(sql`status = 'active'`),
    index('sms_sequence_enrollments_lead_idx').on(t.leadId, t.createdAt),
  ],
);

/** "When a lead is created / its status becomes X, send template T after delay D". */
export const smsTriggers = pgTable(
  'sms_triggers',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    name: varchar({ length: 200 }).notNull(),
    event: varchar({ length: 20 }).$type<'lead_created' | 'status_changed'>().notNull(),
    toStatus: varchar({ length: 20 }).$type<LeadStatus>(),
    templateId: integer()
      .notNull()
      .references(() => smsTemplates.id, { onDelete: 'restrict' }),
    delayMinutes: integer().notNull().default(0),
    enabled: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index('sms_triggers_sub_account_idx').on(t.subAccountId, t.event)],
);

/**
 * A trigger's firing for one lead and transition, stored in the transaction that changed the lead, so a
 * restart before the delayed send loses nothing; the unique key makes a second firing impossible.
 */
export const smsTriggerFirings = pgTable(
  'sms_trigger_firings',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    triggerId: integer()
      .notNull()
      .references(() => smsTriggers.id, { onDelete: 'cascade' }),
    leadId: integer()
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** `created`, or `<from>-><to>` for a status change. */
    transition: varchar({ length: 50 }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: varchar({ length: 12 }).$type<'pending' | 'sent' | 'skipped'>().notNull().default('pending'),
    reason: varchar({ length: 200 }),
    messageId: integer().references(() => smsMessages.id, { onDelete: 'set null' }),
    /** Claims so far: the runner gives up after a few that failed. */
    attempts: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sms_trigger_firings_once_idx').on(t.triggerId, t.leadId, t.transition),
    index('sms_trigger_firings_due_idx')
      .on(t.dueAt)
      .where(sql`status = 'pending'`),
  ],
);
