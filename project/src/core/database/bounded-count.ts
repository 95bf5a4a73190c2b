import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { TOTAL_EXACT_UP_TO } from 'src/core/http/pagination';
import { rowsOf, type DbOrTx } from './database.service';

export interface Total {
  total: number;
  totalExact: boolean;
}

/**
 * Counts the rows of `matching` (a select with the list's filter) up to TOTAL_EXACT_UP_TO + 1: exact for small
 * lists, never a scan of a million rows. Past the cap, `estimate` (the planner's guess) when given.
 */
export async function boundedTotal(
  db: DbOrTx,
  matching: (limit: number) => SQLWrapper,
  estimate?: () => Promise<number>,
  cap = TOTAL_EXACT_UP_TO,
): Promise<Total> {
  const result = await db.execute(sql`select count(*)::int as n from ${matching(cap + 1)} as counted`);
  const n = Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  if (n <= cap) return { total: n, totalExact: true };
  const guess = estimate ? await estimate() : 0;
  return { total: Math.max(cap + 1, Math.round(guess)), totalExact: false };
}

/** The planner's row estimate for `select 1 from … where …` (no execution; relies on ANALYZE statistics). */
export async function plannerEstimate(db: DbOrTx, query: SQL): Promise<number> {
  const result = await db.execute(sql`explain (format json) ${query}`);
  const [row] = rowsOf<Record<string, unknown>>(result);
  const raw = row ? Object.values(row)[0] : undefined;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}
