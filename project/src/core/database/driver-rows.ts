import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { rowsOf } from './database.service';

type Columns = { key: string; name: string; column: Column }[];
const columnsByTable = new WeakMap<Table, Columns>();

/** Each column's key and its name in SQL (the database is opened with `casing: 'snake_case'`), once per table. */
function columnsOf(table: Table): Columns {
  let columns = columnsByTable.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      name: column.keyAsName ? toSnakeCase(column.name) : column.name,
      column,
    }));
    columnsByTable.set(table, columns);
  }
  return columns;
}

/**
 * A row of a hand-written statement (`execute()`: snake_case names, values as the driver gives them) as Drizzle's
 * own select would give it: camelCase keys, each value through its column's mapping (timestamps as Dates).
 */
export function rowFromDriver<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const { key, name, column } of columnsOf(table)) {
    const value = raw[name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/** Every row of an `execute()` result, as rowFromDriver reads one. */
export const rowsFromDriver = <T extends Table>(table: T, result: unknown): T['$inferSelect'][] =>
  rowsOf<Record<string, unknown>>(result).map((raw) => rowFromDriver(table, raw));
