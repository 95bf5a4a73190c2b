import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';

/** The column's name in SQL: the database is opened with `casing: 'snake_case'` (database.service.ts). */
const sqlName = (column: Column) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

/**
 * A row of a hand-written statement (`execute()`: snake_case names, values as the driver gives them) as Drizzle's
 * own select would give it: camelCase keys, each value through its column's mapping (timestamps as Dates).
 */
export function rowFromDriver<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[sqlName(column)];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
