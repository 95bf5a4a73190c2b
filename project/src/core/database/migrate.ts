import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { Client } from 'pg';
import type { DatabaseService } from './database.service';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../drizzle');
const MIGRATION_LOCK = 727_001;

/** Applies the committed drizzle-kit migrations. Safe to run from several processes at once. */
export async function runMigrations(database: DatabaseService): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // A session-level advisory lock on one dedicated connection serialises concurrent boots.
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzle(client), config);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
