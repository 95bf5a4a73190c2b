import { fillPlaceholders } from 'drizzle-orm';
import { vi } from 'vitest';
import { rowsOf, type DatabaseService } from 'src/core/database/database.service';

export interface Statement {
  sql: string;
  params: unknown[];
}

interface Session {
  prepareQuery(query: Statement, ...rest: unknown[]): { execute(): Promise<unknown> };
}

/** The Drizzle session of the database handle: statements sent through it can be run or EXPLAINed as sent. */
export const sessionOf = (database: DatabaseService) => (database.db as unknown as { session: Session }).session;

type Run = (this: Prepared, values?: Record<string, unknown>) => Promise<unknown>;
interface Prepared {
  getQuery(): Statement;
  execute: Run;
  all: Run;
}

/**
 * Runs `work` and returns every statement the process sent meanwhile (begin, savepoints and commit included where
 * the driver sends them as statements), in order, with the values they ran with. Spied on the prepared queries'
 * class when each runs: a transaction gets a session of its own, and a compiled list query is prepared only once.
 */
export async function statementsOf(database: DatabaseService, work: () => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const probe = sessionOf(database).prepareQuery({ sql: 'select 1', params: [] }) as unknown as Prepared;
  const prepared = Object.getPrototypeOf(probe) as Prepared;
  const spies = (['execute', 'all'] as const).map((method) => {
    const original = prepared[method];
    return vi.spyOn(prepared, method).mockImplementation(function (this: Prepared, values) {
      const { sql, params } = this.getQuery();
      sent.push({ sql, params: fillPlaceholders(params, values ?? {}) });
      return original.call(this, values);
    });
  });
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return sent;
}

/** A node of PostgreSQL's plan (EXPLAIN, FORMAT JSON), with the fields the specs read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  /** With EXPLAIN ANALYZE: the rows the node returned. */
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

/** Every node of a plan, the plan first, then each subplan's nodes in order (depth first). */
export const nodesOf = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];

/** PostgreSQL's plan for a statement as it was sent (its text and values): without running it, unless `analyze`. */
export async function planOf(
  database: DatabaseService,
  statement: Statement,
  { analyze = false } = {},
): Promise<PlanNode> {
  const options = analyze ? 'analyze, format json' : 'format json';
  const explained = await sessionOf(database)
    .prepareQuery({ sql: `explain (${options}) ${statement.sql}`, params: statement.params })
    .execute();
  const raw = Object.values(rowsOf<Record<string, unknown>>(explained as never)[0]!)[0];
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return json[0]!.Plan;
}
