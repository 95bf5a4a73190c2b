import { and, count, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrincipalStateCache } from 'src/core/auth/principal-state.cache';
import { smsMessages } from 'src/core/database/schema';
import { startSimulator, type Simulator } from '../../../twilio-sim/src';
import { SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, SIM_FROM, waitFor } from '../support/engine-harness';
import { adminHeaders, createTenant, waitForCampaignStatus } from '../support/fixtures';
import { ensureProjectBuilt, startProductProcess, type ProductProcess } from '../support/product-processes';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 15: SIGTERM to a worker (`node dist/main.js`, SMS_ROLE=worker) while create calls are in flight at a
 * slow Twilio. The process must stop claiming, wait for the answers it is owed, record them, and exit 0 within
 * its grace period; a second worker then sends the rest, and nobody is texted twice.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL;
const RECIPIENTS = 60;
const CREATE_LATENCY_MS = 1_500; // every create call is answered this late: sends are in flight most of the time
const GRACE_MS = 10_000; // SHUTDOWN_GRACE_SECONDS below

if (!SERVER_URL) console.warn('graceful-shutdown.spec.ts skipped: set TEST_DATABASE_URL to run it on PostgreSQL');

describe.skipIf(!SERVER_URL)('graceful shutdown of a worker with sends in flight (needs TEST_DATABASE_URL)', () => {
  let db: TestDatabase;
  let sim: Simulator;
  let api: TestApp;
  const workers: ProductProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    ensureProjectBuilt();
    db = await createTestDatabase();
    sim = await startSimulator({
      port: 0,
      accounts: { [SIM_ACCOUNT_SID]: SIM_AUTH_TOKEN },
      // No API process receives callbacks here: the last send completes the campaign.
      knobs: { latencyMs: CREATE_LATENCY_MS, dropCallbackRate: 1 },
    });
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SMS_ROLE: 'worker',
      DATABASE_URL: db.database.url!,
      JWT_SECRET: 'shutdown-test-jwt-secret-0123456789abcdef',
      ENCRYPTION_KEY: 'cd'.repeat(32),
      PUBLIC_BASE_URL: 'http://127.0.0.1:9',
      TWILIO_ACCOUNT_SID: SIM_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: SIM_AUTH_TOKEN,
      TWILIO_PHONE_NUMBER: SIM_FROM,
      TWILIO_API_BASE_URL: sim.url,
      SMS_RATE_LIMIT_PER_MINUTE: '60000',
      SMS_MAX_IN_FLIGHT: '8',
      SMS_MAX_BATCH_SIZE: '8',
      SMS_LEASE_SECONDS: '10',
      SMS_DISPATCH_INTERVAL_MS: '100',
      SMS_QUIET_HOURS_ENABLED: 'false',
      SHUTDOWN_GRACE_SECONDS: String(GRACE_MS / 1000),
    };
    api = await bootTestApp({ database: db.database, env: { ...env, NODE_ENV: 'test', SMS_ROLE: 'api' } });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await api?.close();
    await sim?.close();
    await db?.destroy();
  });

  /** A fresh tenant's campaign to RECIPIENTS numbers, accepted by the in-process API; answers its id. */
  async function startCampaign(): Promise<number> {
    await Promise.all(workers.map((w) => w.stop()));
    await db.reset();
    api.app.get(PrincipalStateCache).clear();
    sim.reset();
    const tenant = await createTenant(db.database, 'Shutdown Tenant');
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `+1202${String(4_000_000 + i)}`);
    const created = await api
      .http()
      .post('/api/sms/campaigns')
      .set(await adminHeaders(api, tenant))
      .send({ name: 'Through a shutdown', message: 'Hello {{first_name|there}}', recipients })
      .expect(201);
    return (created.body as { campaignId: number }).campaignId;
  }

  /** Starts a worker, waits for sends in flight at the simulator, and sends it SIGTERM: answers its exit. */
  async function terminateMidCampaign(name: string, workerEnv: Record<string, string>) {
    const worker = startProductProcess(name, workerEnv);
    workers.push(worker);
    await waitFor(async () => (await messagesIn('sending')) >= 4, 120_000, 'sends in flight');
    const exited = new Promise<string>((resolve) => worker.child.once('exit', (c, s) => resolve(s ?? `exit ${c}`)));
    const stoppedAt = Date.now();
    worker.child.kill('SIGTERM');
    return { worker, how: await exited, tookMs: Date.now() - stoppedAt };
  }

  /**
   * Each recipient got exactly one text, and every message is recorded with its own sid (a message recovered by
   * asking Twilio takes the status Twilio reports then: delivered).
   */
  async function expectEachRecipientTextedOnce(): Promise<void> {
    const state = sim.state();
    expect(state.counters.created).toBe(RECIPIENTS);
    expect(new Set(state.messages.map((m) => m.to)).size).toBe(RECIPIENTS);
    const sent = await db.database.db
      .select({ n: count(), sids: countDistinct(smsMessages.twilioSid) })
      .from(smsMessages)
      .where(sql`${smsMessages.status} in ('sent', 'delivered')`);
    expect(sent).toEqual([{ n: RECIPIENTS, sids: RECIPIENTS }]);
  }

  const messagesIn = async (status: 'pending' | 'sending' | 'sent') =>
    (await db.database.db.select({ n: count() }).from(smsMessages).where(eq(smsMessages.status, status)))[0]!.n;

  it('finishes and records the sends in flight, exits 0, and a second worker sends the rest once', async () => {
    const campaignId = await startCampaign();
    const first = await terminateMidCampaign('worker 1', env);
    expect(first.how).toBe('exit 0');
    expect(first.tookMs).toBeLessThan(GRACE_MS);

    // Everything Twilio accepted is recorded as sent; nothing is left claimed.
    const accepted = sim.state().messages.map((m) => m.sid);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(RECIPIENTS);
    const recorded = await db.database.db
      .select({ n: count() })
      .from(smsMessages)
      .where(and(inArray(smsMessages.twilioSid, accepted), eq(smsMessages.status, 'sent')));
    expect(recorded[0]!.n).toBe(accepted.length);
    expect(await messagesIn('sending')).toBe(0);
    expect(await messagesIn('pending')).toBe(RECIPIENTS - accepted.length);
    expect(first.worker.output()).not.toMatch(/crashed|failed|Unhandled/i);

    // A second worker takes over the rest: the campaign completes, each recipient texted once.
    workers.push(startProductProcess('worker 2', env));
    await waitForCampaignStatus(db.database, campaignId, 'completed', 120_000);
    await expectEachRecipientTextedOnce();
  }, 300_000);

  it('exits 1 when the answers take longer than the grace period, and the leases recover its sends', async () => {
    const campaignId = await startCampaign();
    sim.setKnobs({ latencyMs: 60_000 }); // answered only after the provider's 5 s timeout
    const stuck = await terminateMidCampaign('worker 3', { ...env, SHUTDOWN_GRACE_SECONDS: '2' });
    expect(stuck.how).toBe('exit 1');
    expect(stuck.tookMs).toBeLessThan(5_000);
    expect(stuck.worker.output()).toContain('Shutdown took longer than 2 s');
    const accepted = sim.state().counters.created;
    expect(accepted).toBeGreaterThan(0);
    expect(await messagesIn('sending')).toBe(accepted);

    // Twilio is quick again; the next worker asks it about the claimed messages once their leases expire.
    sim.setKnobs({ latencyMs: 0 });
    workers.push(startProductProcess('worker 4', env));
    await waitForCampaignStatus(db.database, campaignId, 'completed', 120_000);
    await expectEachRecipientTextedOnce();
  }, 300_000);
});
