import { and, desc, getTableColumns, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import { boundedTotal, type Total } from './bounded-count';
import { runCompiled, type PlanReuse, type QueryValues } from './compiled-queries';
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

/** The placeholders of a keyset window; each stands for one place in its text. */
const WINDOW = { offset: 'pageOffset', at: 'cursorAt', id: 'cursorId' } as const;

/** Where a page starts and how many rows it reads, as keysetWindow writes them. */
interface WindowBounds {
  limit: Placeholder;
  offset?: Placeholder;
}

/**
 * Names a page's values beside the filter's, before the window is compiled: the cursor, or an offset past the first
 * page; the page size is written into the text (QueryValues.count: a generic plan then knows it reads one page).
 */
function keysetValues(values: QueryValues, q: KeysetQuery): WindowBounds {
  const limit = values.count('pageLimit', q.limit + 1);
  if (q.cursor) {
    values.$(WINDOW.at, q.cursor.at);
    values.$(WINDOW.id, q.cursor.id);
    return { limit };
  }
  const offset = offsetOf(q);
  if (offset === 0) return { limit };
  values.$(WINDOW.offset, offset);
  return { limit, offset: sql.placeholder(WINDOW.offset) };
}

/** Rows strictly after the cursor; `(at, id) < (…)` is an index condition, so page 50,000 costs what page 1 does. */
const keysetAfter = (key: KeysetKey, q: KeysetQuery): SQL | undefined =>
  q.cursor
    ? sql`(${key.at}, ${key.id}) < (${sql.placeholder(WINDOW.at)}::timestamptz, ${sql.placeholder(WINDOW.id)})`
    : undefined;

/**
 * An offset page from its first row on. That row's sort key is found by a subquery that reads only the key (an
 * index-only scan once the table is vacuumed) up to the offset; the page's own columns are then read for its rows
 * alone, where `offset` read and built every row before the page too. Past the end the subquery finds no row, and
 * the page is empty.
 */
function offsetStart<S extends PgSelect>(list: KeysetList<S>, where: SQL | undefined, offset: Placeholder): SQL {
  const { at, id } = list.key;
  const first = list
    .matching({ at, id })
    .where(where)
    .orderBy(desc(at), desc(id))
    .limit(sql.raw('1') as unknown as Placeholder) // in the text, as QueryValues.count writes a page size
    .offset(offset);
  return sql`(${at}, ${id}) <= ${first}`;
}

/**
 * Filters, orders and bounds a select (built with `.$dynamic()`) to one page plus one row, to know if more follow.
 * Its values are placeholders: keysetValues names them.
 */
function keysetWindow<S extends PgSelect>(
  list: KeysetList<S>,
  where: SQL | undefined,
  q: KeysetQuery,
  bounds: WindowBounds,
): S {
  const { key } = list;
  const from = (start: SQL | undefined) =>
    list.rows().where(and(where, start)).orderBy(desc(key.at), desc(key.id)).limit(bounds.limit);
  if (!bounds.offset) return from(keysetAfter(key, q));
  if (list.offsetByKey === false) return from(undefined).offset(bounds.offset);
  return from(offsetStart(list, where, bounds.offset));
}

/** Cuts the rows keysetWindow read to the page, and names the next page's cursor (null on the last page). */
function keysetSlice<T extends { keysetAt: string; keysetId: number }>(
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

/** What a newest-first list reads, for keysetPage: each part built with `.$dynamic()`, compiled once per shape. */
export interface KeysetList<S extends PgSelect> {
  /** Names the list's compiled queries. */
  name: string;
  key: KeysetKey;
  /** The rows, with keysetColumns beside the list's own. */
  rows: () => S;
  /**
   * `fields` from the same tables and joins: `select 1` (MATCH) to count the matches, the sort key to find where an
   * offset page starts.
   */
  matching: (fields: SelectedFields) => PgSelect;
  /** The planner's guess of the matches, for a total past the cap (else "more than the cap"). */
  estimate?: () => Promise<number>;
  /** How far the total is counted exactly (TOTAL_EXACT_UP_TO unless given). */
  exactUpTo?: number;
  /** Whether one plan serves every value of this page's filter (PlanReuse; planned per values unless given). */
  plan?: PlanReuse;
  /**
   * Whether an offset page finds its first row by the sort key (offsetStart; the default). Off for a search: a rare
   * term's matches are found out of order and sorted, and the subquery would find and sort them a second time.
   */
  offsetByKey?: boolean;
}

/** What KeysetList.matching selects to count. */
export const MATCH = { one: sql`1` };

/** The KeysetList of one table's rows, every column of it. */
export const tableList = <T extends PgTable>(
  db: DbOrTx,
  name: string,
  table: T,
  key: KeysetKey,
  plan: PlanReuse = 'perValues',
) => ({
  name,
  key,
  plan,
  rows: () =>
    db
      .select({ ...getTableColumns(table), ...keysetColumns(key) })
      .from(table as PgTable)
      .$dynamic(),
  matching: (fields: SelectedFields) =>
    db
      .select(fields)
      .from(table as PgTable)
      .$dynamic(),
});

type KeysetRow = { keysetAt: string; keysetId: number };
type RowOf<S> = Awaited<S> extends (infer R)[] ? R : never;

/**
 * A newest-first list's page: the rows after the query's cursor (or at its offset) that `where` keeps, beside their
 * bounded total (rowsAndTotal: not counted when the first page holds the whole list, so narrow searches and short
 * lists, the common case, cost one statement). `where` is built with `values`' placeholders.
 */
export async function keysetPage<S extends PgSelect>(
  db: DbOrTx,
  list: KeysetList<S>,
  where: SQL | undefined,
  values: QueryValues,
  q: KeysetQuery,
): Promise<{ items: Omit<RowOf<S> & KeysetRow, keyof KeysetRow>[]; nextCursor: string | null } & Total> {
  const filter = values.copy();
  const bounds = keysetValues(values, q);
  const window = runCompiled(db, `${list.name} rows`, values, () => keysetWindow(list, where, q, bounds), list.plan);
  const { rows, ...total } = await rowsAndTotal(
    window as Promise<unknown> as Promise<(RowOf<S> & KeysetRow)[]>,
    q,
    () =>
      boundedTotal(db, list.name, filter, (limit) => list.matching(MATCH).where(where).limit(limit), {
        estimate: list.estimate,
        cap: list.exactUpTo,
        plan: list.plan,
      }),
  );
  return { ...keysetSlice(rows, q.limit), ...total };
}

/**
 * A page's rows (keysetWindow's query), then the list's total from `count` (a boundedTotal), which is skipped
 * when the first page holds the whole list: it is its own exact total.
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
