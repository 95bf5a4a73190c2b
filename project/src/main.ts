import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './core/config/app-config';
import { openDatabase } from './core/database/open-database';
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, seedDemo } from './core/database/seed-demo';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  for (const name of config.generatedSecrets) {
    logger.warn(`${name} is not set: generated one for development and kept it in ${config.dataDir}/secrets.json`);
  }
  const database = await openDatabase(config);
  if (!config.isProduction && (await seedDemo(database, config.demoPassword))) {
    logger.log(`Seeded demo data: ${DEMO_ADMIN_EMAIL} and ${DEMO_USER_EMAIL}`);
  }
  const app = await createApp({ config, database });
  await app.listen(config.port, '0.0.0.0');
  logger.log(`API listening on http://127.0.0.1:${config.port}/api (docs at /api/docs, ${database.driver})`);
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
}

bootstrap().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    console.error(e.message);
  } else {
    console.error(e);
  }
  process.exit(1);
});
