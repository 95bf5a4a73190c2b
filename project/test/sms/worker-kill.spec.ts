import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { count, countDistinct, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessages } from 'src/core/database/schema';
import { createTenant } from '../support/fixtures';
import {
  bootEngine,
  SIM_ACCOUNT_SID,
  SIM_AUTH_TOKEN,
  SIM_FROM,
  waitFor,
  type EngineHarness,
} from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Separate worker processes need a database server: PGlite lives inside one process.
const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const MESSAGES = 3_000;
const projectRoot = path.resolve(__dirname, '../..');

/** A real `SMS_ROLE=worker` process (src/main.ts) over the test database and the shared simulator. */
function startWorker(databaseUrl: string, h: EngineHarness): ChildProcess {
  return spawn(process.execPath, ['-r', './test/support/swc-register.cjs', 'src/main.ts'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      SMS_ROLE: 'worker',
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(os.tmpdir(), 'loctelli-worker-kill'),
      JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
      ENCRYPTION_KEY: '0'.repeat(63) + '1',
      PUBLIC_BASE_URL: h.config.publicBaseUrl,
      TWILIO_ACCOUNT_SID: SIM_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: SIM_AUTH_TOKEN,
      TWILIO_PHONE_NUMBER: SIM_FROM,
      TWILIO_API_BASE_URL: h.sim.url,
      SMS_RATE_SEGMENTS_PER_SECOND: '5000',
      SMS_MAX_IN_FLIGHT: '300',
      SMS_MAX_BATCH_SIZE: '200',
      SMS_LEASE_SECONDS: '5',
      SMS_QUIET_HOURS_ENABLED: 'false',
    },
  });
}

describe.skipIf(!ON_POSTGRES)('a worker process killed (SIGKILL) mid-batch at full speed', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // This process is the API (it receives callbacks; its dispatcher is not started). Twilio answers in 20 ms.
    h = await bootEngine({ database: db.database, knobs: { callbackDelayMs: 600_000, latencyMs: 20 } });
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await h?.close();
    await db?.destroy();
  });

  it(
    `sends each of ${MESSAGES} messages exactly once: 0 lost, 0 duplicated at the simulator`,
    { timeout: 240_000 },
    async () => {
      const tenant = await createTenant(db.database, 'Kill Co');
      const rows = Array.from({ length: MESSAGES }, (_, i) => ({
        subAccountId: tenant.subAccountId,
        phoneNumber: `+1202${String(3_000_000 + i)}`,
        message: `Kill ${i}`,
        notBefore: new Date(Date.now() - 1_000),
      }));
      for (let i = 0; i < rows.length; i += 1_000)
        await db.database.db.insert(smsMessages).values(rows.slice(i, i + 1_000));

      const url = db.database.url!;
      workers.push(startWorker(url, h), startWorker(url, h));
      // Mid-batch: once sends are flowing, the first worker dies with hundreds of requests in flight.
      await waitFor(async () => h.sim.state().counters.created >= 600, 120_000, 'sends to flow');
      workers[0]!.kill('SIGKILL');
      await waitFor(
        async () => {
          const [left] = await db.database.db
            .select({ n: count() })
            .from(smsMessages)
            .where(sql`${smsMessages.status} in ('pending', 'sending')`);
          return left!.n === 0;
        },
        200_000,
        'every message to leave the queue',
      );
      workers[1]!.kill('SIGTERM');

      const sim = h.sim.state();
      const outbound = sim.messages.filter((m) => m.direction === 'outbound-api');
      expect(new Set(outbound.map((m) => m.to)).size).toBe(MESSAGES); // none lost
      expect(outbound.length).toBe(MESSAGES); // none duplicated
      const statuses = await db.database.db
        .select({ status: smsMessages.status, n: count(), sids: countDistinct(smsMessages.twilioSid) })
        .from(smsMessages)
        .groupBy(smsMessages.status);
      expect(statuses).toEqual([{ status: 'sent', n: MESSAGES, sids: MESSAGES }]);
    },
  );
});
