import { pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * Fingerprints (HMAC-SHA-256, never the secrets) of the secrets every process on this database must share:
 * JWT_SECRET and ENCRYPTION_KEY. The first process to boot records them; a process whose secrets differ
 * refuses to start instead of issuing tokens the others reject or writing Twilio tokens they cannot read.
 */
export const installationSecrets = pgTable('installation_secrets', {
  name: varchar({ length: 40 }).primaryKey(),
  fingerprint: varchar({ length: 64 }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
