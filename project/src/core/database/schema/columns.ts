import { timestamp } from 'drizzle-orm/pg-core';

/** createdAt/updatedAt on every table; updatedAt is set by repositories on write. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
