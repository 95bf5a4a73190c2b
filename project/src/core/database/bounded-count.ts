import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { runCompiled, type PlanReuse, type QueryValues } from './compiled-queries';
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
const COUNT_LIMIT = 'countLimit';

/** A select of the matching rows (`select 1 from … where …`, built with `.$dynamic()`) cut at `limit`. */
type Matching = (limit: Placeholder) => PgSelect;

/**
 * Counts the rows of `matching` (built with `values`' placeholders) up to `cap` + 1: exact for small lists, never a
 * scan of a million rows. Past the cap, `estimate` (the planner's guess) when given, and that answer is reused for
 * LARGE_TOTAL_TTL_MS (an estimate need not be fresher; small totals are always counted). `name` names the count's
 * compiled query and its remembered totals.
 */
export async function boundedTotal(
  db: DbOrTx,
  name: string,
  values: QueryValues,
  matching: Matching,
  {
    estimate,
    cap = TOTAL_EXACT_UP_TO,
    plan,
  }: { estimate?: () => Promise<number>; cap?: number; plan?: PlanReuse } = {},
): Promise<Total> {
  const limit = values.count(COUNT_LIMIT, cap + 1);
  const key = `${name}|${values.shape}|${JSON.stringify(values.values, bigintAsText)}`;
  const known = largeTotals.get(key);
  if (known !== undefined) return { total: known, totalExact: false };
  const [row] = await runCompiled(
    db,
    `${name} count`,
    values,
    () => db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(matching(limit).as('counted')),
    plan,
  );
  const n = row?.n ?? 0;
  if (n <= cap) return { total: n, totalExact: true };
  const guess = estimate ? await estimate() : 0;
  const total = Math.max(cap + 1, Math.round(guess));
  largeTotals.keep(key, total);
  return { total, totalExact: false };
}

const bigintAsText = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/**
 * Answers of a bounded count that reached their cap ("more than N"), kept for LARGE_TOTAL_TTL_MS as large totals
 * are: a page polled every few seconds then does not count N rows again each time. Answers under the cap are exact
 * and cheap to count, and never kept.
 */
export class CappedAnswers<K, V> {
  private readonly kept = new Map<K, { value: V; at: number }>();

  /** @param reachedCap whether an answer is past its cap; by default every answer kept is (the caller checked) */
  constructor(private readonly reachedCap: (value: V) => boolean = () => true) {}

  get(key: K): V | undefined {
    const known = this.kept.get(key);
    const now = Date.now();
    return known && now - known.at < LARGE_TOTAL_TTL_MS && now >= known.at ? known.value : undefined;
  }

  keep(key: K, value: V): void {
    if (!this.reachedCap(value)) return;
    if (this.kept.size >= LARGE_TOTALS_KEPT) this.kept.clear();
    this.kept.set(key, { value, at: Date.now() });
  }

  clear(): void {
    this.kept.clear();
  }
}

/** Totals past their cap (estimates), by list, shape and values. */
const largeTotals = new CappedAnswers<string, number>();

/** Forgets every remembered large total (tests that truncate the tables and so reuse their ids). */
export function forgetLargeTotals(): void {
  largeTotals.clear();
}

/** The planner's row estimate for `select 1 from … where …` (no execution; relies on ANALYZE statistics). */
export async function plannerEstimate(db: DbOrTx, query: SQL): Promise<number> {
  const result = await db.execute(sql`explain (format json) ${query}`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  const raw = row ? Object.values(row)[0] : undefined;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}
