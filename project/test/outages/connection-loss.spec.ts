import { Client } from 'pg';
import { count, countDistinct, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessages } from 'src/core/database/schema';
import { startSimulator, type Simulator } from '../../../twilio-sim/src';
import { SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, SIM_FROM, waitFor } from '../support/engine-harness';
import { createTenant, PASSWORD, waitForCampaignStatus, type Tenant } from '../support/fixtures';
import { ensureProjectBuilt, startProductProcess, type ProductProcess } from '../support/product-processes';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 15: one API and two worker processes (real `node dist/main.js` children) reach PostgreSQL through a
 * TCP proxy. Mid-campaign the proxy is cut (every connection reset, new ones refused) and later every backend
 * of the product is terminated (pg_terminate_backend, SQLSTATE 57P01). No process may exit, the API must
 * answer 503 (not 500, not hang) while the database is unreachable, and every recipient gets exactly one text.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL;
const RECIPIENTS = 300;
const CUT_MS = 3_000; // how long the outage lasts (a fault's length, not a wait for state)
const PORTS = { proxy: 4641, api: 4642 }; // this branch's port range (4600-4699)
/** The product's connections carry this name, so the test terminates theirs and not its own pool's. */
const PRODUCT_APP_NAME = 'loctelli-outage-product';

if (!SERVER_URL) console.warn('connection-loss.spec.ts skipped: set TEST_DATABASE_URL to run it on PostgreSQL');

describe.skipIf(!SERVER_URL)('database outages under 1 API and 2 worker processes (needs TEST_DATABASE_URL)', () => {
  let db: TestDatabase;
  let sim: Simulator;
  let proxy: TcpProxy;
  let tenant: Tenant;
  const processes: ProductProcess[] = [];
  const api = `http://127.0.0.1:${PORTS.api}`;

  beforeAll(async () => {
    ensureProjectBuilt();
    db = await createTestDatabase();
    sim = await startSimulator({
      port: 0,
      accounts: { [SIM_ACCOUNT_SID]: SIM_AUTH_TOKEN },
      knobs: { latencyMs: 60, callbackDelayMs: 20 },
    });
    const dbUrl = new URL(db.database.url!);
    proxy = await startTcpProxy({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) }, PORTS.proxy);
    tenant = await createTenant(db.database, 'Outage Tenant');
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: withAppName(proxy.wrap(db.database.url!)),
      JWT_SECRET: 'outage-test-jwt-secret-0123456789abcdef',
      ENCRYPTION_KEY: 'ab'.repeat(32),
      PORT: String(PORTS.api),
      PUBLIC_BASE_URL: api,
      TWILIO_ACCOUNT_SID: SIM_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: SIM_AUTH_TOKEN,
      TWILIO_PHONE_NUMBER: SIM_FROM,
      TWILIO_API_BASE_URL: sim.url,
      SMS_RATE_LIMIT_PER_MINUTE: '60000',
      SMS_MAX_IN_FLIGHT: '4',
      SMS_MAX_BATCH_SIZE: '10',
      SMS_LEASE_SECONDS: '5',
      SMS_DISPATCH_INTERVAL_MS: '100',
      SMS_QUIET_HOURS_ENABLED: 'false',
    };
    processes.push(startProductProcess('api', { ...env, SMS_ROLE: 'api' }));
    for (const n of [1, 2]) processes.push(startProductProcess(`worker ${n}`, { ...env, SMS_ROLE: 'worker' }));
    await waitFor(() => get('/api/health').then((r) => r.status === 200), 60_000, 'the API to come up');
  }, 240_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await sim?.close();
    await proxy?.close();
    await db?.destroy();
  });

  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`${api}${p}`, { headers, signal: AbortSignal.timeout(15_000) }).catch(() => ({ status: 0 }) as Response);

  it('keeps every process up, answers 503 during the outage, and sends each text exactly once', async () => {
    const login = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.adminEmail, password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { Authorization: `Bearer ${accessToken}`, 'X-SubAccount-Id': String(tenant.subAccountId) };
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `+1202${String(3_000_000 + i)}`);
    const created = await fetch(`${api}/api/sms/campaigns`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Through the outage', message: 'Hello {{first_name|there}}', recipients }),
    });
    expect(created.status).toBe(201);
    const campaignId = ((await created.json()) as { campaignId: number }).campaignId;
    const sent = () => sim.state().counters.created;

    // 1. The network to the database goes away mid-campaign.
    await waitFor(async () => sent() >= RECIPIENTS * 0.15, 120_000, 'the campaign to be under way');
    proxy.cut();
    expect(sent()).toBeLessThan(RECIPIENTS);
    const started = Date.now();
    const duringCut = await Promise.all([
      get('/api/health'),
      get(`/api/sms/campaigns/${campaignId}`, headers),
      get('/api/sms/messages', headers),
      fetch(`${api}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: tenant.adminEmail, password: PASSWORD }),
        signal: AbortSignal.timeout(15_000),
      }).catch(() => ({ status: 0, headers: new Headers() }) as Response),
    ]);
    expect(duringCut.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(duringCut.map((r) => r.headers.get('retry-after'))).toEqual(['5', '5', '5', '5']);
    expect(Date.now() - started).toBeLessThan(10_000); // answered, not hung
    await new Promise((r) => setTimeout(r, Math.max(0, CUT_MS - (Date.now() - started))));
    proxy.restore();

    // 2. Every backend of the product is terminated by the server (the crash of the issue: 57P01).
    const before = sent();
    await waitFor(async () => sent() > before + 10, 120_000, 'sending to resume after the cut');
    const terminated = await terminateProductBackends(SERVER_URL!);
    expect(terminated).toBeGreaterThan(0);

    // 3. The campaign finishes; nobody is texted twice or not at all.
    await waitForCampaignStatus(db.database, campaignId, 'completed', 240_000);
    expect(processes.map((p) => [p.name, p.exited()])).toEqual([
      ['api', undefined],
      ['worker 1', undefined],
      ['worker 2', undefined],
    ]);
    for (const p of processes) expect(p.output()).not.toContain("Unhandled 'error' event");
    const state = sim.state();
    expect(state.counters.created).toBe(RECIPIENTS);
    expect(new Set(state.messages.map((m) => m.to)).size).toBe(RECIPIENTS);
    const statuses = await db.database.db
      .select({ n: count(), sids: countDistinct(smsMessages.twilioSid) })
      .from(smsMessages)
      .where(sql`${smsMessages.status} in ('sent', 'delivered')`);
    expect(statuses).toEqual([{ n: RECIPIENTS, sids: RECIPIENTS }]);
    expect((await get('/api/health')).status).toBe(200);
  }, 420_000);
});

function withAppName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', PRODUCT_APP_NAME);
  return u.toString();
}

/** Terminates the product's backends only: the test's own pool polls the same database and must live on. */
async function terminateProductBackends(serverUrl: string): Promise<number> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const res = await client.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1',
      [PRODUCT_APP_NAME],
    );
    return res.rows.filter((r: { ok: boolean }) => r.ok).length;
  } finally {
    await client.end();
  }
}
