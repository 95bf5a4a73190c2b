import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const adminUsers = pgTable('admin_users', {
  id: serial().primaryKey(),
  email: varchar({ length: 320 }).notNull().unique(),
  name: varchar({ length: 200 }).notNull(),
  passwordHash: text().notNull(),
  role: varchar({ length: 20 }).$type<'admin' | 'super_admin'>().notNull().default('admin'),
  /** Raised on demotion, disabling and password change: access tokens carrying an older one stop working. */
  tokenVersion: integer().notNull().default(0),
  disabledAt: timestamp({ withTimezone: true }),
  ...timestamps,
});

export const subAccounts = pgTable('sub_accounts', {
  id: serial().primaryKey(),
  name: varchar({ length: 200 }).notNull(),
  timeZone: varchar({ length: 64 }).notNull().default('America/New_York'),
  defaultCountry: varchar({ length: 2 }).notNull().default('US'),
  createdByAdminId: integer().references(() => adminUsers.id, { onDelete: 'set null' }),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    subAccountId: integer()
      .notNull()
      .references(() => subAccounts.id, { onDelete: 'cascade' }),
    email: varchar({ length: 320 }).notNull().unique(),
    name: varchar({ length: 200 }).notNull(),
    passwordHash: text().notNull(),
    role: varchar({ length: 20 }).$type<'user' | 'manager'>().notNull().default('user'),
    /** Raised on demotion, disabling and password change: access tokens carrying an older one stop working. */
    tokenVersion: integer().notNull().default(0),
    disabledAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('users_sub_account_idx').on(t.subAccountId)],
);

export const strategies = pgTable(
  'strategies',
  {
    id: serial().primaryKey(),
    subAccountId: integer()
      .notNull()
      .references(() => subAccounts.id, { onDelete: 'cascade' }),
    name: varchar({ length: 200 }).notNull(),
    description: text(),
    tag: varchar({ length: 100 }),
    ...timestamps,
  },
  (t) => [index('strategies_sub_account_idx').on(t.subAccountId)],
);

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'customer', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const leads = pgTable(
  'leads',
  {
    id: serial().primaryKey(),
    subAccountId: integer()
      .notNull()
      .references(() => subAccounts.id, { onDelete: 'cascade' }),
    ownerId: integer().references(() => users.id, { onDelete: 'set null' }),
    strategyId: integer().references(() => strategies.id, { onDelete: 'set null' }),
    name: varchar({ length: 200 }).notNull(),
    email: varchar({ length: 320 }),
    phone: varchar({ length: 20 }),
    company: varchar({ length: 200 }),
    timeZone: varchar({ length: 64 }),
    status: varchar({ length: 20 }).$type<LeadStatus>().notNull().default('new'),
    notes: text(),
    ...timestamps,
  },
  (t) => [
    index('leads_sub_account_created_idx').on(t.subAccountId, t.createdAt),
    index('leads_sub_account_phone_idx').on(t.subAccountId, t.phone),
    index('leads_sub_account_status_idx').on(t.subAccountId, t.status),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: serial().primaryKey(),
    tokenHash: varchar({ length: 64 }).notNull(),
    principalKind: varchar({ length: 10 }).$type<'admin' | 'user'>().notNull(),
    principalId: integer().notNull(),
    familyId: varchar({ length: 36 }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_idx').on(t.tokenHash),
    index('refresh_tokens_family_idx')
      .on(t.familyId)
      .where(sql`revoked_at is null`),
  ],
);

/**
 * Failed sign-ins per (email as typed, client address): the lock is per pair, so nobody can lock an
 * account from another address. Unknown emails are counted too, so the answer does not tell them apart.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    email: varchar({ length: 320 }).notNull(),
    ip: varchar({ length: 64 }).notNull(),
    failures: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.email, t.ip] }), index('login_attempts_updated_idx').on(t.updatedAt)],
);

/** What happened to a lead, for its timeline (SMS come from sms_messages beside these). Append-only. */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: serial().primaryKey(),
    subAccountId: integer()
      .notNull()
      .references(() => subAccounts.id, { onDelete: 'cascade' }),
    leadId: integer()
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** created, status_changed, strategy_changed, sequence_enrolled, sequence_stopped, opted_out, opted_in… */
    type: varchar({ length: 40 }).notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actorKind: varchar({ length: 10 }).$type<'user' | 'admin' | 'system' | 'twilio'>().notNull(),
    actorId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_events_lead_idx').on(t.leadId, t.createdAt)],
);
