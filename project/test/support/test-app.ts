import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp, initApp } from 'src/app.factory';
import { loadConfig, type AppConfig } from 'src/core/config/app-config';
import { Clock, SystemClock } from 'src/core/clock/clock';
import { recordServedRoutes, type Route } from './served-routes';
import type { DatabaseService } from 'src/core/database/database.service';

export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: path.join(os.tmpdir(), `loctelli-test-${process.pid}`),
    JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
    ENCRYPTION_KEY: '0'.repeat(63) + '1',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3001',
    SMS_ROLE: 'api',
    // Tests about quiet hours turn them on per SubAccount; others must not depend on the time of day.
    SMS_QUIET_HOURS_ENABLED: 'false',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    // A vacuum or analyze mid-test would change the plans and estimates tests read.
    DB_UPKEEP_SECONDS: '0',
    ...env,
  });
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Every route the app serves. */
  routes: Route[];
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export async function bootTestApp(options: {
  database: DatabaseService;
  clock?: Clock;
  env?: Record<string, string>;
}): Promise<TestApp> {
  const config = testConfig(options.env);
  const app = await createApp({
    config,
    database: options.database,
    clock: options.clock ?? new SystemClock(),
    logger: false,
  });
  const routes = recordServedRoutes(app);
  await initApp(app);
  return {
    app,
    config,
    routes,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
