import { count, countDistinct, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService } from 'src/core/database/database.service';
import { smsDailyStats, smsMessages } from 'src/core/database/schema';
import { createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// PGlite is one connection in one process: a smaller run there; the full one on a PostgreSQL server.
const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const INSTANCES = ON_POSTGRES ? 4 : 2;
const MESSAGES = ON_POSTGRES ? 5_000 : 500;
// PGlite runs every query on the event loop the in-process simulator and the SDK share, one at a time: a
// busy machine starves the SDK's answers past its 15 s timeout (the engine then rightly waits a lease before
// re-checking). Fewer sends in flight, slower ticks and a longer SDK timeout keep that artefact out of this test;
// lease-recovery.spec.ts covers the no-answer path. Small batches leave every instance room to claim.
const IN_FLIGHT_PER_TENANT = ON_POSTGRES ? 50 : 8;
const BATCH = ON_POSTGRES ? 100 : 4;
const TICK_MS = ON_POSTGRES ? 200 : 250;
const PROVIDER_TIMEOUT_MS = ON_POSTGRES ? undefined : 45_000;
const TENANTS = 4;

describe(`${INSTANCES} dispatcher instances over one database`, () => {
  let db: TestDatabase;
  const instances: EngineHarness[] = [];
  const ownPools: DatabaseService[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      SMS_MAX_IN_FLIGHT: String(IN_FLIGHT_PER_TENANT),
      SMS_MAX_BATCH_SIZE: String(BATCH),
      SMS_DISPATCH_INTERVAL_MS: String(TICK_MS),
    };
    // No status callbacks during the run: 2 per message would only slow it; the create calls are what count.
    const first = await bootEngine({
      database: db.database,
      env,
      knobs: { callbackDelayMs: 600_000 },
      providerTimeoutMs: PROVIDER_TIMEOUT_MS,
    });
    instances.push(first);
    for (let i = 1; i < INSTANCES; i++) {
      // On PostgreSQL each instance has its own pool, as separate processes would.
      const database = db.database.url
        ? await DatabaseService.connect({ databaseUrl: db.database.url, poolSize: 10 })
        : db.database;
      if (database !== db.database) ownPools.push(database);
      instances.push(await bootEngine({ database, env, sim: first.sim, providerTimeoutMs: PROVIDER_TIMEOUT_MS }));
    }
  });
  afterAll(async () => {
    for (const h of [...instances].reverse()) await h.close();
    for (const pool of ownPools) await pool.close();
    await db?.destroy();
  });

  it(`sends each of ${MESSAGES} messages exactly once`, { timeout: 300_000 }, async () => {
    const tenants: Tenant[] = [];
    for (let t = 0; t < TENANTS; t++) tenants.push(await createTenant(db.database, `Tenant ${t}`));
    const rows = Array.from({ length: MESSAGES }, (_, i) => ({
      subAccountId: tenants[i % TENANTS]!.subAccountId,
      phoneNumber: `+1202${String(2_000_000 + i)}`,
      message: `Message ${i}`,
      notBefore: new Date(Date.now() - 1_000),
    }));
    for (let i = 0; i < rows.length; i += 1_000)
      await db.database.db.insert(smsMessages).values(rows.slice(i, i + 1_000));

    for (const h of instances) h.dispatcher.start();
    await waitFor(
      async () => {
        const [left] = await db.database.db
          .select({ n: count() })
          .from(smsMessages)
          .where(sql`${smsMessages.status} in ('pending', 'sending')`);
        return left!.n === 0;
      },
      // Generous: the run is CPU-bound (about 30 s of CPU for 5,000 on PostgreSQL), and a shared machine may
      // give it a fraction of a core.
      280_000,
      'every message to leave the queue',
    );
    // Stop every loop (as at shutdown) so nothing moves while we look.
    await Promise.all(instances.map((h) => h.dispatcher.beforeApplicationShutdown()));

    const sim = instances[0]!.sim.state();
    expect(sim.counters.created).toBe(MESSAGES);
    expect(new Set(sim.messages.map((m) => m.to)).size).toBe(MESSAGES);
    // Every instance took part: each gave its own StatusCallback URL.
    const byInstance = new Map<string, number>();
    for (const m of sim.messages) byInstance.set(m.statusCallback!, (byInstance.get(m.statusCallback!) ?? 0) + 1);
    expect(byInstance.size).toBe(INSTANCES);

    // Attempts may exceed 1 where a send got no answer and was settled at Twilio: still one text each.
    const statuses = await db.database.db
      .select({ status: smsMessages.status, n: count(), sids: countDistinct(smsMessages.twilioSid) })
      .from(smsMessages)
      .groupBy(smsMessages.status);
    expect(statuses).toEqual([{ status: 'sent', n: MESSAGES, sids: MESSAGES }]);
    const [daily] = await db.database.db
      .select({ sent: sql<number>`sum(${smsDailyStats.sent})::int` })
      .from(smsDailyStats);
    expect(daily!.sent).toBe(MESSAGES);
  });
});
