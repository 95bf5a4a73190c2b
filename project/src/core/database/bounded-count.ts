import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { TOTAL_EXACT_UP_TO } from 'src/core/http/pagination';
import { rowsOf, type DbOrTx } from './database.service';

export interface Total {
  total: number;
  totalExact: boolean;
}

/**
 * How long a total past the cap (an estimate) is reused for the same count: paging through a million-row
 * list then costs one query a page instead of three (rows, the bounded count, the planner's estimate).
 */
export const LARGE_TOTAL_TTL_MS = 10_000;
const LARGE_TOTALS_KEPT = 10_000;
const largeTotals = new Map<string, { total: number; at: number }>();
/** Compiles a count to its text and parameters, only to name it in largeTotals. */
const keyDialect = new PgDialect();

/**
 * Counts the rows of `matching` (a select with the list's filter) up to TOTAL_EXACT_UP_TO + 1: exact for small
 * lists, never a scan of a million rows. Past the cap, `estimate` (the planner's guess) when given, and that
 * answer is reused for LARGE_TOTAL_TTL_MS (an estimate need not be fresher; small totals are always counted).
 */
export async function boundedTotal(
  db: DbOrTx,
  matching: (limit: number) => SQLWrapper,
  estimate?: () => Promise<number>,
  cap = TOTAL_EXACT_UP_TO,
): Promise<Total> {
  const counting = sql`select count(*)::int as n from ${matching(cap + 1)} as counted`;
  const key = keyOf(counting);
  const known = largeTotals.get(key);
  const now = Date.now();
  if (known && now - known.at < LARGE_TOTAL_TTL_MS && now >= known.at) return { total: known.total, totalExact: false };
  const result = await db.execute(counting);
  const n = Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  if (n <= cap) return { total: n, totalExact: true };
  const guess = estimate ? await estimate() : 0;
  const total = Math.max(cap + 1, Math.round(guess));
  if (largeTotals.size >= LARGE_TOTALS_KEPT) largeTotals.clear();
  largeTotals.set(key, { total, at: now });
  return { total, totalExact: false };
}

/** Forgets every remembered large total (tests that truncate the tables and so reuse their ids). */
export function forgetLargeTotals(): void {
  largeTotals.clear();
}

function keyOf(query: SQL): string {
  const { sql: text, params } = keyDialect.sqlToQuery(query);
  return `${text}\n${JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`;
}

/** The planner's row estimate for `select 1 from … where …` (no execution; relies on ANALYZE statistics). */
export async function plannerEstimate(db: DbOrTx, query: SQL): Promise<number> {
  const result = await db.execute(sql`explain (format json) ${query}`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  const raw = row ? Object.values(row)[0] : undefined;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}
