import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Every tenant-owned query starts here: the SubAccount filter, then the rest. */
export function inTenant(column: PgColumn, subAccountId: number, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(column, subAccountId), ...conditions)!;
}
