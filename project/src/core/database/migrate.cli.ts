import { loadConfig } from 'src/core/config/app-config';
import { openDatabase } from './open-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await database.close();
  console.log(`Migrations applied (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
