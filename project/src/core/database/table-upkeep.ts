import type { Client } from 'pg';

/**
 * Vacuum and analyze, by autovacuum's own rules, for a PostgreSQL server whose autovacuum is off. The product's
 * reads lean on both: ANALYZE statistics choose each list's plan and give the totals past 1,000 rows, and VACUUM
 * removes the row versions every status change leaves and marks pages all-visible (an offset page's start and a
 * count are read from the index alone only then). With autovacuum off nothing else does either: after a bulk
 * import the planner has no statistics at all, and after a million callbacks every list reads past dead rows.
 */

/** The server's autovacuum thresholds (postgresql.conf), each overridden per table by its storage options. */
export interface AutovacuumSettings {
  vacuumThreshold: number;
  vacuumScaleFactor: number;
  /** -1: inserts alone never make a table due for vacuum. */
  insertThreshold: number;
  insertScaleFactor: number;
  analyzeThreshold: number;
  analyzeScaleFactor: number;
}

/** A table's activity since its last vacuum and analyze (pg_stat_user_tables) and its storage options. */
export interface TableActivity {
  table: string;
  /** pg_class.reltuples: -1 before the table's first vacuum or analyze. */
  rows: number;
  deadRows: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyze: number;
  /** pg_class.reloptions, e.g. { autovacuum_vacuum_scale_factor: '0.02' } (migration 0005). */
  options: Record<string, string>;
}

export type UpkeepAction = 'vacuum' | 'analyze';

/**
 * What autovacuum would do to the table now: vacuum (and analyze) when its dead rows, or its rows inserted since
 * the last vacuum, pass threshold + scale factor × rows; analyze alone when its changes since the last analyze do.
 * A table whose own `autovacuum_enabled` is false is left alone, as autovacuum would leave it.
 */
export function upkeepDue(t: TableActivity, server: AutovacuumSettings): UpkeepAction | undefined {
  if (t.options.autovacuum_enabled === 'false' || t.options.autovacuum_enabled === 'off') return undefined;
  const rows = Math.max(t.rows, 0);
  const setting = (name: string, fallback: number) => {
    const v = Number(t.options[`autovacuum_${name}`]);
    return t.options[`autovacuum_${name}`] !== undefined && Number.isFinite(v) ? v : fallback;
  };
  const dead =
    setting('vacuum_threshold', server.vacuumThreshold) +
    setting('vacuum_scale_factor', server.vacuumScaleFactor) * rows;
  const insertThreshold = setting('vacuum_insert_threshold', server.insertThreshold);
  const inserted = insertThreshold + setting('vacuum_insert_scale_factor', server.insertScaleFactor) * rows;
  const changed =
    setting('analyze_threshold', server.analyzeThreshold) +
    setting('analyze_scale_factor', server.analyzeScaleFactor) * rows;
  if (t.deadRows > dead || (insertThreshold >= 0 && t.insertedSinceVacuum > inserted)) return 'vacuum';
  if (t.modifiedSinceAnalyze > changed) return 'analyze';
  return undefined;
}

export interface UpkeepDone {
  table: string;
  action: UpkeepAction;
  ms: number;
}

/**
 * One pass over the current schema's tables on `client` (a connection of its own: a vacuum runs for seconds, and
 * closing the connection stops it). Nothing when the server's autovacuum is on. SKIP_LOCKED: a table another
 * process is vacuuming is skipped, so any number of processes may run this.
 */
export async function runTableUpkeep(client: Client): Promise<UpkeepDone[]> {
  const settings = await client.query<{ autovacuum: string } & Record<string, string>>(SETTINGS);
  const s = settings.rows[0];
  if (s.autovacuum === 'on') return [];
  const server: AutovacuumSettings = {
    vacuumThreshold: Number(s.vacuum_threshold),
    vacuumScaleFactor: Number(s.vacuum_scale_factor),
    insertThreshold: Number(s.insert_threshold),
    insertScaleFactor: Number(s.insert_scale_factor),
    analyzeThreshold: Number(s.analyze_threshold),
    analyzeScaleFactor: Number(s.analyze_scale_factor),
  };
  const activity = await client.query<ActivityRow>(ACTIVITY);
  const done: UpkeepDone[] = [];
  for (const row of activity.rows) {
    const action = upkeepDue(activityOf(row), server);
    if (!action) continue;
    const started = Date.now();
    const table = client.escapeIdentifier(row.table);
    await client.query(
      action === 'vacuum' ? `VACUUM (ANALYZE, SKIP_LOCKED) ${table}` : `ANALYZE (SKIP_LOCKED) ${table}`,
    );
    done.push({ table: row.table, action, ms: Date.now() - started });
  }
  return done;
}

const SETTINGS = `
  select current_setting('autovacuum') as autovacuum,
         current_setting('autovacuum_vacuum_threshold') as vacuum_threshold,
         current_setting('autovacuum_vacuum_scale_factor') as vacuum_scale_factor,
         current_setting('autovacuum_vacuum_insert_threshold') as insert_threshold,
         current_setting('autovacuum_vacuum_insert_scale_factor') as insert_scale_factor,
         current_setting('autovacuum_analyze_threshold') as analyze_threshold,
         current_setting('autovacuum_analyze_scale_factor') as analyze_scale_factor`;

interface ActivityRow {
  table: string;
  rows: string;
  dead_rows: string;
  inserted_since_vacuum: string;
  modified_since_analyze: string;
  options: string[] | null;
}

const ACTIVITY = `
  select s.relname as "table", c.reltuples as rows, s.n_dead_tup as dead_rows,
         s.n_ins_since_vacuum as inserted_since_vacuum, s.n_mod_since_analyze as modified_since_analyze,
         c.reloptions as options
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
   where s.schemaname = current_schema()
   order by s.relname`;

function activityOf(row: ActivityRow): TableActivity {
  const options: Record<string, string> = {};
  for (const o of row.options ?? []) {
    const at = o.indexOf('=');
    options[o.slice(0, at)] = o.slice(at + 1);
  }
  return {
    table: row.table,
    rows: Number(row.rows),
    deadRows: Number(row.dead_rows),
    insertedSinceVacuum: Number(row.inserted_since_vacuum),
    modifiedSinceAnalyze: Number(row.modified_since_analyze),
    options,
  };
}
