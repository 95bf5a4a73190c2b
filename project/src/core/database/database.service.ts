import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Logger } from '@nestjs/common';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { isDatabaseUnavailable } from './connection-errors';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: repositories accept either. */
export type DbOrTx = Db | Tx;

/** The rows of a raw `execute()`: both drivers answer `{ rows }`, typed differently. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  poolSize?: number;
  /** How long a query waits for a connection before failing as an outage (default 5 s). */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const PING_TIMEOUT_MS = 3_000;

/**
 * The one database handle of a process. Both drivers speak the same schema and migrations;
 * `transaction` behaves the same on both (PGlite serialises transactions on its single connection).
 */
export class DatabaseService {
  private constructor(
    readonly db: Db,
    readonly driver: 'pglite' | 'postgres',
    /** The PostgreSQL URL (undefined for PGlite). */
    readonly url: string | undefined,
    private readonly closeDriver: () => Promise<void>,
  ) {}

  static async connect(options: DatabaseOptions): Promise<DatabaseService> {
    if (options.databaseUrl) {
      const pool = new Pool({
        connectionString: options.databaseUrl,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        keepAlive: true,
      });
      survivePoolErrors(pool);
      tuneSessions(pool);
      const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
      return new DatabaseService(db, 'postgres', options.databaseUrl, () => endPool(pool));
    }
    const dir = options.pgliteDir ?? 'memory://';
    if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(dir), { recursive: true });
    // pg_trgm serves history search (migration 0005), as on a PostgreSQL server.
    const client = await PGlite.create(dir, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return new DatabaseService(db, 'pglite', undefined, () => client.close());
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** `select 1`, failing after a few seconds rather than waiting on an unreachable server. */
  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Connection terminated: no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return rowsOf(await Promise.race([this.db.execute(sql`select 1 as ok`), timeout])).length === 1;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.closeDriver();
  }
}

/**
 * Each connection runs short queries, many at once: no parallel workers (a list the planner expected to read far, a
 * 3-digit search, was planned as a Gather Merge of two workers per query, waiting for the CPUs the other requests
 * need) and no JIT (compiling a count the planner overestimated took 28 ms, longer than running it).
 */
export const SESSION_SETTINGS = 'SET max_parallel_workers_per_gather = 0; SET jit = off';

function tuneSessions(pool: Pool): void {
  pool.on('connect', (client) => {
    client.query(SESSION_SETTINGS).catch((e: Error) => {
      new Logger('Database').warn(`Session settings not applied (${SESSION_SETTINGS}): ${e.message}`);
    });
  });
}

/**
 * A connection that drops (server restart, pg_terminate_backend, a network cut) makes pg emit 'error' on
 * the pool for an idle client and on the client itself for one checked out between two queries; an
 * unhandled 'error' event ends the process. Handled here, the broken client is discarded (pg-pool never
 * reuses a client that is not queryable), the query in progress fails into its caller's retry path, and the
 * next query opens a new connection.
 */
function survivePoolErrors(pool: Pool): void {
  const logger = new Logger('Database');
  const seen = new WeakSet<Error>(); // an idle client's error reaches both listeners
  const log = (where: string) => (error: Error) => {
    if (seen.has(error)) return;
    seen.add(error);
    const kind = isDatabaseUnavailable(error) ? 'connection lost' : 'error';
    logger.warn(`PostgreSQL ${kind} (${where}): ${error.message}`);
  };
  pool.on('error', log('idle connection'));
  pool.on('connect', (client) => client.on('error', log('connection in use')));
}

/**
 * pool.end() resolves once the pool has let go of its clients, before their connections are closed; a
 * database dropped (or a server stopped) right after would fail the ones still closing. This waits for them.
 */
async function endPool(pool: Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      if (--open <= 0) resolve();
    });
  });
  await pool.end();
  await closed;
}
