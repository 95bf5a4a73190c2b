import { sql, type SQLWrapper } from 'drizzle-orm';
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
 * An unnamed statement: PostgreSQL plans it for each execution's values. A named one could settle on a generic plan
 * after five runs, which is wrong for skewed filters (a status 2% of rows have against one 90% have).
 */
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
): Promise<T> {
  const key = `${shape}|${values.shape}`;
  let compiled = compiledByDb.get(db);
  if (!compiled) compiledByDb.set(db, (compiled = new Map()));
  let query = compiled.get(key) as ReturnType<Preparable<T>['prepare']> | undefined;
  if (!query) {
    query = build().prepare(UNNAMED);
    useFlatRows(query, verify);
    if (compiled.size >= SHAPES_KEPT) compiled.clear();
    compiled.set(key, query);
  } else if (verify) {
    const text = build().prepare(UNNAMED).getQuery().sql;
    if (text !== query.getQuery().sql) throw new Error(`Query shape ${key} stands for two texts:\n${text}`);
  }
  return query.execute(values.values);
}
