import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from 'src/app.factory';
import { recordServedRoutes, type Route } from './served-routes';
import type { AppConfig } from 'src/core/config/app-config';
import { Clock, SystemClock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { SmsDispatcherService } from 'src/shared/sms/dispatch/sms-dispatcher.service';
import { SMS_PROVIDER } from 'src/shared/sms/interfaces/sms-provider.interface';
import type { TwilioProviderOptions } from 'src/shared/sms/provider/twilio.provider';
import { startSimulator, type AccountSenders, type Knobs, type Simulator } from '../../../twilio-sim/src';
import { testConfig } from './test-app';

export const SIM_ACCOUNT_SID = 'AC' + 'a'.repeat(32);
export const SIM_AUTH_TOKEN = 'simAuthToken0123456789abcdef';
export const SIM_FROM = '+15005550006';

export interface EngineHarness {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Every route the app serves. */
  routes: Route[];
  sim: Simulator;
  dispatcher: SmsDispatcherService;
  database: DatabaseService;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * A real app listening on loopback (so the simulator can call back), with the provider pointed at a
 * Twilio simulator through the real SDK. The dispatcher does not run by itself: tests drive it.
 */
export async function bootEngine(options: {
  database: DatabaseService;
  clock?: Clock;
  env?: Record<string, string>;
  knobs?: Partial<Knobs>;
  /** More simulated Twilio accounts (sid -> token) besides SIM_ACCOUNT_SID, and the senders each owns. */
  simAccounts?: Record<string, string>;
  simSenders?: Record<string, AccountSenders>;
  /** Share another harness's simulator (several app instances, one Twilio); this harness won't close it. */
  sim?: Simulator;
  /** The SDK's HTTP timeout (not an env setting): short, so "no answer from Twilio" is quick to provoke. */
  providerTimeoutMs?: number;
}): Promise<EngineHarness> {
  const ownSim = !options.sim;
  const sim =
    options.sim ??
    (await startSimulator({
      port: 0,
      accounts: { [SIM_ACCOUNT_SID]: SIM_AUTH_TOKEN, ...options.simAccounts },
      senders: options.simSenders,
      knobs: { callbackDelayMs: 20, ...options.knobs },
    }));
  const port = await freePort();
  const config = testConfig({
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    TWILIO_ACCOUNT_SID: SIM_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: SIM_AUTH_TOKEN,
    TWILIO_PHONE_NUMBER: SIM_FROM,
    TWILIO_API_BASE_URL: sim.url,
    SMS_RATE_LIMIT_PER_MINUTE: '60000',
    SMS_MAX_IN_FLIGHT: '50',
    ...options.env,
  });
  const app = await createApp({
    config,
    database: options.database,
    clock: options.clock ?? new SystemClock(),
    logger: false,
  });
  const routes = recordServedRoutes(app);
  await app.listen(port, '127.0.0.1');
  if (options.providerTimeoutMs !== undefined) {
    // The provider reads its options when it first builds an SDK client, i.e. after this.
    (app.get(SMS_PROVIDER) as unknown as { options: TwilioProviderOptions }).options.timeoutMs =
      options.providerTimeoutMs;
  }
  const dispatcher = app.get(SmsDispatcherService);
  dispatcher.random = () => 0; // retries become due at once
  return {
    app,
    config,
    routes,
    sim,
    dispatcher,
    database: options.database,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (ownSim) await sim.close();
    },
  };
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `check` returns a value, or fails after the deadline. No fixed sleeps. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
