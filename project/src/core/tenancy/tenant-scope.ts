import { and, eq, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Every tenant-owned query starts here: the SubAccount filter, then the rest. `subAccountId` may be a placeholder
 * (QueryValues) of a compiled query.
 */
export function inTenant(column: PgColumn, subAccountId: number | SQLWrapper, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(column, subAccountId), ...conditions)!;
}
