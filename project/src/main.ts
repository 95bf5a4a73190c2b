import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createApp } from './app.factory';
import { SystemClock } from './core/clock/clock';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { isDatabaseUnavailable } from './core/database/connection-errors';
import { SecretsMismatchError, assertSharedSecrets } from './core/database/installation-secrets';
import { openDatabaseWhenReachable } from './core/database/open-database';
import type { DatabaseService } from './core/database/database.service';
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, seedDemo } from './core/database/seed-demo';
import { createLogger } from './core/logging/app-logger';

/** SMS_ROLE=all|api serves HTTP (all also dispatches); worker runs the dispatcher alone. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const appLogger = createLogger(config);
  Logger.overrideLogger(appLogger);
  const logger = new Logger('Bootstrap');
  for (const name of config.generatedSecrets) {
    logger.warn(`${name} is not set: generated one for development and kept it in ${config.dataDir}/secrets.json`);
  }
  survivePromiseRejections(logger);
  const database = await openDatabaseWhenReachable(config, (e, delay) =>
    logger.warn(`Database unreachable (${String(e)}); trying again in ${delay / 1000} s`),
  );
  await assertSharedSecrets(database, { JWT_SECRET: config.jwtSecret, ENCRYPTION_KEY: config.encryptionKey });
  if (!config.isProduction && (await seedDemo(database, config.demoPassword))) {
    logger.log(`Seeded demo data: ${DEMO_ADMIN_EMAIL} and ${DEMO_USER_EMAIL}`);
  }
  const close =
    config.sms.role === 'worker'
      ? await startWorker(config, database, appLogger)
      : await startApi(config, database, appLogger);
  const stop = () =>
    stopGracefully(logger, config.shutdownGraceMs, async () => {
      await close();
      await database.close();
    });
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/**
 * Stops claiming, waits for the sends in flight to be answered and recorded, and exits 0. Past the grace period
 * (or on an error while closing) it exits 1 at once: what is still claimed is recovered by its lease.
 */
async function stopGracefully(logger: Logger, graceMs: number, close: () => Promise<void>): Promise<never> {
  logger.log('Shutting down: no new claims, finishing messages in flight');
  const overdue = setTimeout(() => {
    logger.error(`Shutdown took longer than ${graceMs / 1000} s; exiting with work in flight (its leases recover it)`);
    process.exit(1);
  }, graceMs);
  try {
    await close();
  } catch (e) {
    logger.error(`Shutdown failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  clearTimeout(overdue);
  process.exit(0);
}

async function startApi(config: AppConfig, database: DatabaseService, logger: ReturnType<typeof createLogger>) {
  const app = await createApp({ config, database, logger: ['error', 'warn', 'log'] });
  app.useLogger(logger);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Bootstrap').log(
    `API listening on http://127.0.0.1:${config.port}/api (docs at /api/docs, ${database.driver}, role ${config.sms.role})`,
  );
  return () => app.close();
}

async function startWorker(config: AppConfig, database: DatabaseService, logger: ReturnType<typeof createLogger>) {
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, database, clock: new SystemClock() }),
    { logger },
  );
  await app.init();
  new Logger('Bootstrap').log(`Dispatcher worker running (${database.driver})`);
  return () => app.close();
}

/**
 * A database error that escapes every handler (a promise nobody awaited) must not end the process during an
 * outage: the loops retry and the outbox keeps the work. Any other stray rejection still ends it, as Node
 * would, so a supervisor restarts it from a known state.
 */
function survivePromiseRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn(`Database unreachable (unhandled): ${String(reason)}`);
      return;
    }
    logger.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
    process.exit(1);
  });
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof SecretsMismatchError ? e.message : e);
  process.exit(1);
});
