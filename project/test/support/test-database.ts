import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { DatabaseService } from 'src/core/database/database.service';
import { runMigrations } from 'src/core/database/migrate';
import { forgetLargeTotals } from 'src/core/database/bounded-count';

export interface TestDatabase {
  database: DatabaseService;
  /** Empties every table (keeps the schema) so tests in one file start clean. */
  reset(): Promise<void>;
  destroy(): Promise<void>;
}

/** PGlite in memory, or a fresh database on TEST_DATABASE_URL's server (dropped afterwards). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let dropDatabase = async () => undefined as void;
  let database: DatabaseService;
  if (serverUrl) {
    const name = `loctelli_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await DatabaseService.connect({ databaseUrl: url.toString(), poolSize: 20 });
    dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    database = await DatabaseService.connect({ pgliteDir: 'memory://' });
  }
  await runMigrations(database);
  return {
    database,
    reset: () => truncateAll(database),
    destroy: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function truncateAll(database: DatabaseService): Promise<void> {
  const result = (await database.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public'`,
  )) as unknown as { rows: { tablename: string }[] };
  const tables = result.rows.map((r) => `"${r.tablename}"`).join(', ');
  if (tables) await database.db.execute(sql.raw(`truncate ${tables} restart identity cascade`));
  forgetLargeTotals();
}
