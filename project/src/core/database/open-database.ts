import path from 'node:path';
import type { AppConfig } from 'src/core/config/app-config';
import { DatabaseService } from './database.service';
import { runMigrations } from './migrate';

/** Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openDatabase(config: AppConfig): Promise<DatabaseService> {
  const database = await DatabaseService.connect({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  await runMigrations(database);
  return database;
}
