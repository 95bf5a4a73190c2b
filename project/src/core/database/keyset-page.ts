import { and, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect, PgTable } from 'drizzle-orm/pg-core';
import { boundedTotal, type Total } from './bounded-count';
import type { DbOrTx } from './database.service';
import { decodeCursor, encodeCursor, type KeysetPosition } from 'src/core/http/keyset-cursor';
import { offsetOf } from 'src/core/http/pagination';

/** A page of a newest-first list: by keyset position when given, else by page number (for old clients). */
export interface KeysetQuery {
  page: number;
  limit: number;
  cursor?: KeysetPosition;
}

/** The page a list query asks for; a 400 naming `cursor` when its cursor is not one this API gave out. */
export const keysetQueryOf = (q: { page: number; limit: number; cursor?: string }): KeysetQuery => ({
  page: q.page,
  limit: q.limit,
  cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
});

/** The sort key of a list ordered by (at desc, id desc). Its index should end in (…, at, id). */
export interface KeysetKey {
  at: PgColumn;
  id: PgColumn;
}

/**
 * Selected beside a list's own columns: the sort time as PostgreSQL prints it (a JS Date would cut the
 * microseconds and skip rows of the same millisecond) and the id, to name the next page's cursor.
 */
export const keysetColumns = (key: KeysetKey) => ({
  keysetAt: sql<string>`${key.at}::text`,
  keysetId: sql<number>`${key.id}`.mapWith(Number),
});

/** Rows strictly after the cursor; `(at, id) < (…)` is an index condition, so page 50,000 costs what page 1 does. */
export const keysetAfter = (key: KeysetKey, cursor?: KeysetPosition): SQL | undefined =>
  cursor ? sql`(${key.at}, ${key.id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined;

/** Filters, orders and bounds a select (built with `.$dynamic()`) to one page plus one row, to know if more follow. */
export function keysetWindow<T extends PgSelect>(select: T, key: KeysetKey, where: SQL | undefined, q: KeysetQuery): T {
  return select
    .where(and(where, keysetAfter(key, q.cursor)))
    .orderBy(desc(key.at), desc(key.id))
    .limit(q.limit + 1)
    .offset(q.cursor ? 0 : offsetOf(q));
}

/** Cuts the rows keysetWindow read to the page, and names the next page's cursor (null on the last page). */
export function keysetSlice<T extends { keysetAt: string; keysetId: number }>(
  rows: T[],
  limit: number,
): { items: Omit<T, 'keysetAt' | 'keysetId'>[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(({ keysetAt: _at, keysetId: _id, ...row }) => row),
    nextCursor: more && last ? encodeCursor({ at: last.keysetAt, id: last.keysetId }) : null,
  };
}

/**
 * A page's rows (keysetWindow's query), then the list's total from `count` (a boundedTotal), which is skipped
 * when the first page holds the whole list: it is its own exact total. Narrow searches and short lists, the
 * common case, then cost one query instead of two.
 */
export async function rowsAndTotal<R>(
  window: PromiseLike<R[]>,
  q: KeysetQuery,
  count: () => Promise<Total>,
): Promise<{ rows: R[] } & Total> {
  const rows = await window;
  const whole = !q.cursor && q.page === 1 && rows.length <= q.limit;
  return { rows, ...(whole ? { total: rows.length, totalExact: true } : await count()) };
}

type KeysetRow = { keysetAt: string; keysetId: number };
type RowOf<S> = Awaited<S> extends (infer R)[] ? R : never;

/**
 * A newest-first list's page: `select` (its columns and joins, with keysetColumns, built with `.$dynamic()`)
 * windowed after the query's cursor, beside the bounded total of `table`'s rows that `where` keeps.
 */
export async function keysetPage<S extends PgSelect>(
  db: DbOrTx,
  select: S,
  table: PgTable,
  key: KeysetKey,
  where: SQL | undefined,
  q: KeysetQuery,
): Promise<{ items: Omit<RowOf<S> & KeysetRow, keyof KeysetRow>[]; nextCursor: string | null } & Total> {
  const { rows, ...total } = await rowsAndTotal(keysetWindow(select, key, where, q), q, () =>
    boundedTotal(db, (limit) =>
      db
        .select({ one: sql`1` })
        .from(table)
        .where(where)
        .limit(limit),
    ),
  );
  return { ...keysetSlice(rows as unknown as (RowOf<S> & KeysetRow)[], q.limit), ...total };
}
