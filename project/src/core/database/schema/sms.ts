import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { adminUsers, leads, strategies, subAccounts, users } from './crm';

export type SmsMessageStatus =
  'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
export type SmsCampaignStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'canceled' | 'failed';

const subAccountId = () =>
  integer()
    .notNull()
    .references(() => subAccounts.id, { onDelete: 'cascade' });
const money = () => numeric({ precision: 14, scale: 5, mode: 'string' });

export const smsTemplates = pgTable(
  'sms_templates',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    strategyId: integer().references(() => strategies.id, { onDelete: 'set null' }),
    name: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    ...timestamps,
  },
  (t) => [index('sms_templates_sub_account_idx').on(t.subAccountId, t.name)],
);

export const smsCampaigns = pgTable(
  'sms_campaigns',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    adminUserId: integer().references(() => adminUsers.id, { onDelete: 'set null' }),
    templateId: integer().references(() => smsTemplates.id, { onDelete: 'set null' }),
    name: varchar({ length: 200 }).notNull(),
    message: text().notNull(),
    status: varchar({ length: 20 }).$type<SmsCampaignStatus>().notNull().default('draft'),
    statusReason: text(),
    /** Where the recipients came from: csv, list, leads. */
    source: varchar({ length: 10 }).notNull().default('list'),
    totalRecipients: integer().notNull().default(0),
    rejectedCount: integer().notNull().default(0),
    sentCount: integer().notNull().default(0),
    deliveredCount: integer().notNull().default(0),
    failedCount: integer().notNull().default(0),
    undeliveredCount: integer().notNull().default(0),
    canceledCount: integer().notNull().default(0),
    optedOutCount: integer().notNull().default(0),
    segments: integer().notNull().default(0),
    cost: money().notNull().default('0'),
    scheduledAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('sms_campaigns_sub_account_created_idx').on(t.subAccountId, t.createdAt, t.id),
    index('sms_campaigns_sub_account_status_idx').on(t.subAccountId, t.status),
  ],
);

export const smsMessages = pgTable(
  'sms_messages',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    adminUserId: integer().references(() => adminUsers.id, { onDelete: 'set null' }),
    campaignId: integer().references(() => smsCampaigns.id, { onDelete: 'cascade' }),
    leadId: integer().references(() => leads.id, { onDelete: 'set null' }),
    direction: varchar({ length: 10 }).$type<'outbound' | 'inbound'>().notNull().default('outbound'),
    /** The other party: the recipient of an outbound message, the sender of an inbound one. */
    phoneNumber: varchar({ length: 20 }).notNull(),
    fromNumber: varchar({ length: 34 }),
    message: text().notNull(),
    status: varchar({ length: 20 }).$type<SmsMessageStatus>().notNull().default('pending'),
    statusReason: varchar({ length: 40 }),
    twilioSid: varchar({ length: 34 }),
    errorCode: integer(),
    errorMessage: text(),
    segments: integer().notNull().default(1),
    encoding: varchar({ length: 8 }).$type<'GSM-7' | 'UCS-2'>().notNull().default('GSM-7'),
    price: money(),
    priceUnit: varchar({ length: 3 }),
    attempts: integer().notNull().default(0),
    notBefore: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    claimedAt: timestamp({ withTimezone: true }),
    idempotencyKey: varchar({ length: 200 }),
    ignoreQuietHours: boolean().notNull().default(false),
    statusChecks: integer().notNull().default(0),
    nextStatusCheckAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    /**
     * The month (UTC, first day) whose spending cap this outbound message's segments are charged to; null:
     * not charged (inbound). Triggers keep sms_spending equal to the charged segments (migration 0004).
     */
    spendMonth: date({ mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    // claimDue / subAccountsWithDueWork: a SubAccount's due pending rows in order
    index('sms_messages_claim_idx')
      .on(t.subAccountId, t.notBefore, t.id)
      .where(sql`status = 'pending'`),
    // claimDue's first lane: single sends, replies and automation steps (no campaign) go before bulk rows
    index('sms_messages_claim_direct_idx')
      .on(t.subAccountId, t.notBefore, t.id)
      .where(sql`status = 'pending' and campaign_id is null`),
    // reapExpiredLeases and the in-flight count per SubAccount
    index('sms_messages_lease_idx')
      .on(t.lockedUntil)
      .where(sql`status = 'sending'`),
    index('sms_messages_in_flight_idx')
      .on(t.subAccountId)
      .where(sql`status = 'sending'`),
    // StatusReconcilerService: lost callbacks and prices still to fetch
    index('sms_messages_status_check_idx')
      .on(t.nextStatusCheckAt)
      .where(sql`next_status_check_at is not null`),
    // Partial: a bulk import's rows have neither, and skipping them in these indexes makes the import cheaper.
    uniqueIndex('sms_messages_twilio_sid_idx')
      .on(t.twilioSid)
      .where(sql`twilio_sid is not null`),
    uniqueIndex('sms_messages_idempotency_idx')
      .on(t.subAccountId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    // The lists (SmsMessageHistoryRepository), newest first by (created_at, id) with keyset cursors.
    index('sms_messages_history_idx').on(t.subAccountId, t.createdAt, t.id),
    index('sms_messages_status_idx').on(t.subAccountId, t.status, t.createdAt, t.id),
    index('sms_messages_inbound_idx')
      .on(t.subAccountId, t.createdAt, t.id)
      .where(sql`direction = 'inbound'`),
    // a conversation's unread count (its inbound messages since the reader's last read): read from the index alone
    index('sms_messages_inbound_contact_idx')
      .on(t.subAccountId, t.phoneNumber, t.createdAt)
      .where(sql`direction = 'inbound'`),
    // Search: sms_message_search below (its pg_trgm GIN indexes are not rewritten by status changes).
    // a number's messages, newest first: inbound routing (who last texted it, in any SubAccount) and a
    // contact's thread (Inbox, lead page; the few rows of other SubAccounts are filtered out)
    index('sms_messages_contact_idx').on(t.phoneNumber, t.createdAt),
    // a campaign's messages by status (its page, cancel, retry) and all of them newest first; the SubAccount last
    // (no larger an entry, by alignment), so an offset page reads its start from the index alone (migration 0013)
    index('sms_messages_campaign_idx').on(t.campaignId, t.status, t.createdAt, t.id, t.subAccountId),
    index('sms_messages_campaign_recent_idx').on(t.campaignId, t.createdAt, t.id, t.subAccountId),
    // a campaign's messages waiting for quiet hours, counted on its page: only those rows are in it
    index('sms_messages_campaign_quiet_idx')
      .on(t.campaignId)
      .where(sql`status = 'pending' and status_reason = 'quiet_hours'`),
    // a campaign's sent messages whose price Twilio has not reported yet ("prices are still arriving")
    index('sms_messages_awaiting_price_idx')
      .on(t.campaignId)
      .where(sql`price is null and status in ('sent', 'delivered', 'undelivered')`),
    index('sms_messages_lead_idx')
      .on(t.leadId, t.createdAt)
      .where(sql`lead_id is not null`),
  ],
);

/** PostgreSQL's tsvector, read as its text form (lists never select it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What history search reads: each message's number and body, written once by triggers on sms_messages (migration
 * 0011), never by a status change. Its GIN indexes are created in SQL: sms_message_search_phone_grams_idx on the
 * number's windows (migration 0014) and sms_message_search_body_idx on the body's numbers and the pg_trgm trigrams of
 * its search key (migrations 0012, 0015). Trigram indexes of number and body sat on sms_messages before: every status
 * change (claim, send, each callback) wrote a new entry for each trigram into them, 40% of what an update cost, and
 * searches read the entries not yet merged (up to 4 MB) on every request.
 */
export const smsMessageSearch = pgTable(
  'sms_message_search',
  {
    /** sms_messages.id; kept by triggers rather than a foreign key, whose check would lock each new message. */
    messageId: integer().primaryKey(),
    subAccountId: integer().notNull(),
    /** sms_messages.created_at: a common term is found by reading a SubAccount's rows here newest first. */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    phoneNumber: varchar({ length: 20 }).notNull(),
    /**
     * The body as a search compares it (migration 0015): `sms_search_key(message)`, lowercased with each space as
     * 'Q', so `body_key LIKE sms_search_key(pattern)` is `message ILIKE pattern` and its trigrams span words.
     */
    bodyKey: text().notNull(),
    /** The body's numbers (runs of digits): a search looks up the numbers its term holds here. */
    numbers: tsvector().generatedAlwaysAs(sql`sms_search_numbers(body_key)`),
    /** The number's 4-character windows (migration 0014): a search for its digits looks them up here. */
    phoneGrams: tsvector().generatedAlwaysAs(sql`sms_phone_grams(phone_number)`),
  },
  (t) => [index('sms_message_search_recent_idx').on(t.subAccountId, t.createdAt, t.messageId)],
);

export const smsEvents = pgTable(
  'sms_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    subAccountId: subAccountId(),
    messageId: integer().references(() => smsMessages.id, { onDelete: 'cascade' }),
    type: varchar({ length: 40 }).notNull(),
    status: varchar({ length: 20 }),
    /** Dedupe key for webhooks (sid + status, or Twilio's idempotency token). */
    dedupeKey: varchar({ length: 200 }),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sms_events_message_idx').on(t.messageId, t.id),
    uniqueIndex('sms_events_dedupe_idx').on(t.subAccountId, t.dedupeKey),
  ],
);

export const smsDailyStats = pgTable(
  'sms_daily_stats',
  {
    subAccountId: subAccountId(),
    day: date({ mode: 'string' }).notNull(),
    sent: integer().notNull().default(0),
    delivered: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    undelivered: integer().notNull().default(0),
    segments: integer().notNull().default(0),
    cost: money().notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.subAccountId, t.day] })],
);

export const smsSettings = pgTable(
  'sms_settings',
  {
    subAccountId: integer()
      .primaryKey()
      .references(() => subAccounts.id, { onDelete: 'cascade' }),
    accountSid: varchar({ length: 34 }),
    authTokenEncrypted: text(),
    authTokenLast4: varchar({ length: 4 }),
    phoneNumber: varchar({ length: 20 }),
    messagingServiceSid: varchar({ length: 34 }),
    rateLimitPerMinute: integer(),
    /** Twilio's unit; when set it wins over rateLimitPerMinute. */
    rateSegmentsPerSecond: doublePrecision(),
    maxInFlight: integer(),
    spendingCapSegments: integer(),
    credentialsStatus: varchar({ length: 10 }).$type<'ok' | 'rejected' | 'unknown'>().notNull().default('unknown'),
    dispatchPausedReason: text(),
    /** null: the installation default (SMS_QUIET_HOURS_ENABLED). */
    quietHoursEnabled: boolean(),
    quietHoursStart: varchar({ length: 5 }).notNull().default('21:00'),
    quietHoursEnd: varchar({ length: 5 }).notNull().default('08:00'),
    /** ISO weekdays (1 = Monday … 7 = Sunday) the quiet window applies on. */
    quietHoursDays: integer()
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5,6,7}'::integer[]`),
    helpText: text(),
    ...timestamps,
  },
  // A number or Messaging Service is the sender of at most one SubAccount (the shared sender is never stored:
  // a SubAccount without its own sender uses it). Inbound routing relies on this.
  (t) => [
    uniqueIndex('sms_settings_phone_number_idx')
      .on(t.phoneNumber)
      .where(sql`phone_number is not null`),
    uniqueIndex('sms_settings_messaging_service_idx')
      .on(t.messagingServiceSid)
      .where(sql`messaging_service_sid is not null`),
  ],
);

/**
 * The spending cap's running counter: segments charged per SubAccount and month (UTC). An outbound message is
 * charged from accept (`spend_month`) until it is canceled or fails (Twilio bills neither). The accept paths add
 * to it with a conditional update (SmsSpendingRepository); statement-level triggers on sms_messages take
 * back what a cancel, failure or delete releases and add what a retry or body change charges again.
 */
export const smsSpending = pgTable(
  'sms_spending',
  {
    subAccountId: subAccountId(),
    month: date({ mode: 'string' }).notNull(),
    segments: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subAccountId, t.month] })],
);

/** The sender's token bucket and in-flight cap, shared by every dispatcher process. */
export const smsRateBuckets = pgTable('sms_rate_buckets', {
  subAccountId: integer()
    .primaryKey()
    .references(() => subAccounts.id, { onDelete: 'cascade' }),
  tokens: doublePrecision().notNull(),
  refilledAt: timestamp({ withTimezone: true }).notNull(),
  inFlightCap: integer(),
  inFlightCapUntil: timestamp({ withTimezone: true }),
});

export const smsOptOuts = pgTable(
  'sms_opt_outs',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    phoneNumber: varchar({ length: 20 }).notNull(),
    source: varchar({ length: 20 }).$type<'keyword' | 'error_21610' | 'manual' | 'import'>().notNull(),
    createdByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdByAdminId: integer().references(() => adminUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sms_opt_outs_number_idx').on(t.subAccountId, t.phoneNumber),
    index('sms_opt_outs_recent_idx').on(t.subAccountId, t.createdAt, t.id),
  ],
);

export const smsAuditLog = pgTable(
  'sms_audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    subAccountId: subAccountId(),
    actorKind: varchar({ length: 10 }).$type<'user' | 'admin' | 'system' | 'twilio'>().notNull(),
    actorId: integer(),
    action: varchar({ length: 60 }).notNull(),
    targetType: varchar({ length: 40 }),
    targetId: varchar({ length: 64 }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    requestId: varchar({ length: 64 }),
    ip: varchar({ length: 64 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_audit_sub_account_idx').on(t.subAccountId, t.createdAt, t.id)],
);

/** Status callbacks that arrived before the send that created their sid committed; applied when it does. */
export const smsEarlyCallbacks = pgTable(
  'sms_early_callbacks',
  {
    twilioSid: varchar({ length: 34 }).notNull(),
    dedupeKey: varchar({ length: 200 }).primaryKey(),
    params: jsonb().$type<Record<string, string>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_early_callbacks_sid_idx').on(t.twilioSid)],
);

/** Every row an import rejected, for GET /sms/campaigns/:id/rejections.csv. */
export const smsCampaignRejections = pgTable(
  'sms_campaign_rejections',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    campaignId: integer()
      .notNull()
      .references(() => smsCampaigns.id, { onDelete: 'cascade' }),
    row: integer().notNull(),
    value: text(),
    reason: varchar({ length: 40 }).notNull(),
    message: text().notNull(),
  },
  (t) => [index('sms_campaign_rejections_campaign_idx').on(t.campaignId, t.row)],
);

/**
 * One per contact (SubAccount + number) that has texted in or been texted one-to-one: the Inbox's rows.
 * Bulk campaign messages do not open one (they show in the thread once a conversation exists).
 */
export const smsConversations = pgTable(
  'sms_conversations',
  {
    id: serial().primaryKey(),
    subAccountId: subAccountId(),
    phoneNumber: varchar({ length: 20 }).notNull(),
    leadId: integer().references(() => leads.id, { onDelete: 'set null' }),
    lastMessageId: integer(),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastDirection: varchar({ length: 10 }).$type<'outbound' | 'inbound'>().notNull(),
    lastMessagePreview: varchar({ length: 200 }).notNull().default(''),
    lastInboundAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sms_conversations_contact_idx').on(t.subAccountId, t.phoneNumber),
    index('sms_conversations_recent_idx').on(t.subAccountId, t.lastMessageAt, t.id),
  ],
);

/** Read state is per reader: how far each user or admin has read a conversation. */
export const smsConversationReads = pgTable(
  'sms_conversation_reads',
  {
    conversationId: integer()
      .notNull()
      .references(() => smsConversations.id, { onDelete: 'cascade' }),
    readerKind: varchar({ length: 10 }).$type<'user' | 'admin'>().notNull(),
    readerId: integer().notNull(),
    lastReadAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.readerKind, t.readerId] })],
);

/**
 * Failures and undelivered outcomes per SubAccount, day, campaign (0: none) and Twilio error code (0: none
 * given), kept current with the statuses like sms_daily_stats, so failure reports never scan messages.
 */
export const smsErrorStats = pgTable(
  'sms_error_stats',
  {
    subAccountId: subAccountId(),
    day: date({ mode: 'string' }).notNull(),
    campaignId: integer().notNull().default(0),
    errorCode: integer().notNull().default(0),
    outcome: varchar({ length: 12 }).$type<'failed' | 'undelivered'>().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subAccountId, t.day, t.campaignId, t.errorCode, t.outcome] })],
);

/**
 * Messages older than SMS_RETENTION_MONTHS, moved out of sms_messages by housekeeping so the hot table stays
 * small. The whole row is kept as JSON (to_jsonb), so the archive survives later column changes; the roll-ups
 * (daily stats, error stats, campaign counters) are separate tables and keep counting archived messages.
 */
export const smsMessagesArchive = pgTable(
  'sms_messages_archive',
  {
    id: integer().primaryKey(),
    subAccountId: integer().notNull(),
    campaignId: integer(),
    phoneNumber: varchar({ length: 20 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    archivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    row: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('sms_messages_archive_sub_account_idx').on(t.subAccountId, t.createdAt)],
);
