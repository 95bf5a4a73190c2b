import { and, count, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { smsMessages } from 'src/core/database/schema';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The dispatcher running by itself (started), as in a worker: refill, lanes and fairness. */
describe('streaming dispatcher', () => {
  let db: TestDatabase;
  let h: EngineHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await h?.close();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function boot(env: Record<string, string>): Promise<void> {
    await db.reset();
    // Twilio answers in 50 ms; no status callbacks (the create calls are what these tests look at).
    h = await bootEngine({ database: db.database, env, knobs: { latencyMs: 50, callbackDelayMs: 600_000 } });
  }

  async function queue(t: Tenant, n: number, offset = 0, campaignId: number | null = null): Promise<void> {
    const rows = Array.from({ length: n }, (_, i) => ({
      subAccountId: t.subAccountId,
      campaignId,
      phoneNumber: `+1202${String(4_000_000 + offset + i)}`,
      message: `Stream ${offset + i}`,
      notBefore: new Date(Date.now() - 1_000),
    }));
    for (let i = 0; i < rows.length; i += 1_000)
      await db.database.db.insert(smsMessages).values(rows.slice(i, i + 1_000));
  }

  const left = async (t: Tenant) =>
    (
      await db.database.db
        .select({ n: count() })
        .from(smsMessages)
        .where(and(eq(smsMessages.subAccountId, t.subAccountId), inArray(smsMessages.status, ['pending', 'sending'])))
    )[0]!.n;

  it('refills a freed slot at once, not at the next poll', { timeout: 120_000 }, async () => {
    // Polls 5 s apart and 4 requests in flight: refilled only per poll, 40 messages would take 10 polls (45 s).
    await boot({ SMS_DISPATCH_INTERVAL_MS: '5000', SMS_MAX_IN_FLIGHT: '4' });
    const tenant = await createTenant(db.database, 'Stream Co');
    await queue(tenant, 40);
    const started = Date.now();
    h.dispatcher.start();
    await waitFor(async () => (await left(tenant)) === 0, 60_000, 'the queue to empty');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(h.sim.state().counters.created).toBe(40);
  });

  it(
    'sends a single send ahead of a campaign of the same SubAccount that is sending',
    { timeout: 120_000 },
    async () => {
      await boot({ SMS_RATE_LIMIT_PER_MINUTE: '1200' }); // 20 a second
      const tenant = await createTenant(db.database, 'Lane Co');
      const headers = await adminHeaders(h, tenant);
      const recipients = Array.from({ length: 1_000 }, (_, i) => `+1303${String(2_000_000 + i)}`);
      await h
        .http()
        .post('/api/sms/campaigns')
        .set(headers)
        .send({ name: 'Big', message: 'Sale', recipients })
        .expect(201);
      h.dispatcher.start();
      await waitFor(async () => h.sim.state().counters.created >= 40, 30_000, 'the campaign to be sending');
      const id = (
        await h
          .http()
          .post('/api/sms/send')
          .set(headers)
          .send({ phoneNumber: '+14155550300', message: 'Reply' })
          .expect(202)
      ).body.id as number;
      const sent = await waitFor(
        async () => {
          const [m] = await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, id));
          return m?.sentAt ? m : undefined;
        },
        30_000,
        'the single send',
      );
      // Behind the campaign it would wait for ~950 rows at 20/s (47 s). The target is 2 s (the benchmark's
      // (e) measures it); a test sharing two cores with other suites gets a margin, not the target.
      expect(sent.sentAt!.getTime() - sent.createdAt.getTime()).toBeLessThan(10_000);
      expect(await left(tenant)).toBeGreaterThan(500); // the campaign was still sending: it did not wait behind it
    },
  );

  it("does not hold one SubAccount's sends behind another's big queue", { timeout: 120_000 }, async () => {
    await boot({ SMS_MAX_IN_FLIGHT: '20' });
    const big = await createTenant(db.database, 'Big Co');
    const small = await createTenant(db.database, 'Small Co');
    await queue(big, 3_000);
    h.dispatcher.start();
    await waitFor(async () => h.sim.state().counters.created >= 50, 30_000, 'the big queue to be sending');
    await queue(small, 5, 10_000);
    await waitFor(async () => (await left(small)) === 0, 30_000, "the small SubAccount's sends");
    expect(await left(big)).toBeGreaterThan(1_000);
  });
});
