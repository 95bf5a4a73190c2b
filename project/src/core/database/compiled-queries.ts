import { createHash } from 'node:crypto';
import { sql, type Placeholder, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './database.service';
import { useFlatRows } from './flat-rows';

/**
 * The values of one query, each under a name. With placeholders in place of values, a query's text depends only on
 * which names it uses (its shape), so it is compiled once per shape: Drizzle spends 0.1–0.3 ms compiling a list's
 * select, more than PostgreSQL spends answering it. Rules that keep a shape to one text: a name stands for one place
 * in the text, and a condition that takes no value (`is null`) is named with `flag()`.
 */
export class QueryValues {
  readonly values: Record<string, unknown> = {};
  private readonly flags = new Set<string>();

  /** @param inline values written into the text (a statement run once, such as an EXPLAIN), not placeholders */
  constructor(private readonly inline = false) {}

  /** `value` in the query, as the placeholder `name`. */
  $(name: string, value: unknown): SQLWrapper {
    if (name in this.values && this.values[name] !== value) throw new Error(`Query value ${name} given twice`);
    this.values[name] = value;
    // sql.param: an array stays one value (inside sql`` it would be spread into a list).
    return this.inline ? sql.param(value) : sql.placeholder(name);
  }

  /** A part of the query that takes no value but changes its text. */
  flag(name: string): void {
    this.flags.add(name);
  }

  /**
   * A LIMIT written into the text, each number its own shape (a page size, a count's cap; not an offset, which would
   * make a statement per page). PostgreSQL costs a generic plan of `limit $1` as if it read a tenth of the rows, so
   * it never reuses that plan (PlanReuse); `limit 21` it costs as the page it is. Drizzle writes an SQL object given
   * to `.limit()` into the text as it is.
   */
  count(name: string, n: number): Placeholder {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Query count ${name} is not a whole number: ${n}`);
    this.flag(`${name}=${n}`);
    return sql.raw(String(n)) as unknown as Placeholder;
  }

  /** The same values and flags, to add others to without changing these. */
  copy(): QueryValues {
    const copy = new QueryValues(this.inline);
    Object.assign(copy.values, this.values);
    for (const f of this.flags) copy.flag(f);
    return copy;
  }

  get shape(): string {
    return [...Object.keys(this.values), ...[...this.flags].map((f) => `!${f}`)].sort().join(',');
  }
}

interface Preparable<T> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<T>; getQuery(): { sql: string } };
}
type Prepared = ReturnType<Preparable<unknown>['prepare']>;

/**
 * How PostgreSQL plans a compiled query. `perValues` (the default): an unnamed statement, parsed and planned for each
 * execution's values; a named one could settle on a generic plan after five runs, which is wrong for a value that
 * changes the best plan (a search term, a date range, `direction = 'inbound'` that a partial index names, a status
 * 2% of rows have against one 90% have without an index of its own). `reusable`: one plan serves every value (a
 * primary key, a SubAccount's newest rows by an index that matches the filter and the order), so the statement is
 * named, parsed once per connection, and PostgreSQL keeps a generic plan once it costs no more than a custom one:
 * 0.05–0.35 ms of PostgreSQL's time saved a run (campaigns' open counts 0.47 → 0.11 ms, a page of campaigns
 * 0.18 → 0.12, by pgbench).
 */
export type PlanReuse = 'perValues' | 'reusable';

const UNNAMED = '';
const SHAPES_KEPT = 1_000;
const compiledByDb = new WeakMap<DbOrTx, Map<string, Prepared>>();
/** Tests compile every query again and compare: a shape that could stand for two texts fails there, not in use. */
const verify = process.env.NODE_ENV === 'test';

/**
 * Runs the query `build` makes, compiled the first time `shape` is seen on this database handle and reused after.
 * `shape` must name everything that changes the text: the query's own name and `QueryValues.shape`.
 */
export async function runCompiled<T>(
  db: DbOrTx,
  shape: string,
  values: QueryValues,
  build: () => Preparable<T>,
  plan: PlanReuse = 'perValues',
): Promise<T> {
  const key = `${shape}|${values.shape}|${plan}`;
  let compiled = compiledByDb.get(db);
  if (!compiled) compiledByDb.set(db, (compiled = new Map()));
  let query = compiled.get(key) as ReturnType<Preparable<T>['prepare']> | undefined;
  if (!query) {
    query = compile(build, plan);
    useFlatRows(query, verify);
    if (compiled.size >= SHAPES_KEPT) compiled.clear();
    compiled.set(key, query);
  } else if (verify) {
    const text = build().prepare(UNNAMED).getQuery().sql;
    if (text !== query.getQuery().sql) throw new Error(`Query shape ${key} stands for two texts:\n${text}`);
  }
  return query.execute(values.values);
}

/** A reusable plan's statement is named after its text: one name, one text, on every connection of the pool. */
function compile<T>(build: () => Preparable<T>, plan: PlanReuse) {
  const unnamed = build().prepare(UNNAMED);
  if (plan === 'perValues') return unnamed;
  return build().prepare(`c_${createHash('sha1').update(unnamed.getQuery().sql).digest('hex').slice(0, 24)}`);
}
