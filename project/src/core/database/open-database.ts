import path from 'node:path';
import type { AppConfig } from 'src/core/config/app-config';
import { isDatabaseUnavailable } from './connection-errors';
import { DatabaseService } from './database.service';
import { runMigrations } from './migrate';

/** Opens the configured database (PGlite under DATA_DIR unless DATABASE_URL is set) and migrates it. */
export async function openDatabase(config: AppConfig): Promise<DatabaseService> {
  const database = await DatabaseService.connect({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  try {
    await runMigrations(database);
  } catch (e) {
    await database.close().catch(() => undefined);
    throw e;
  }
  return database;
}

const BOOT_WAIT_MS = 60_000;

/**
 * openDatabase, waiting (1 s, 2 s, 4 s… 10 s) while the server is unreachable: a process started during a
 * database outage comes up when the database does, instead of exiting. Gives up after a minute.
 */
export async function openDatabaseWhenReachable(
  config: AppConfig,
  onWait: (error: unknown, delayMs: number) => void,
): Promise<DatabaseService> {
  const deadline = Date.now() + BOOT_WAIT_MS;
  for (let delay = 1_000; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      return await openDatabase(config);
    } catch (e) {
      if (!isDatabaseUnavailable(e) || Date.now() + delay > deadline) throw e;
      onWait(e, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
