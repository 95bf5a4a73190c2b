import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessages } from 'src/core/database/schema';
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, seedDemo } from 'src/core/database/seed-demo';
import { login } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const PASSWORD = 'demo-password';

describe('the demo seed', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: Record<string, string>;
  let user: Record<string, string>;
  let seconds: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const started = performance.now();
    expect(await seedDemo(db.database, PASSWORD)).toBe(true);
    seconds = (performance.now() - started) / 1000;
    t = await bootTestApp({ database: db.database });
    const me = await t.http().post('/api/auth/login').send({ email: DEMO_ADMIN_EMAIL, password: PASSWORD });
    const subAccountId = String(me.body.user?.subAccountId ?? '');
    admin = { Authorization: `Bearer ${await login(t, DEMO_ADMIN_EMAIL, PASSWORD)}` };
    const subs = await t.http().get('/api/subaccounts').set(admin).expect(200);
    admin['X-SubAccount-Id'] = subAccountId || String((subs.body.items ?? subs.body)[0].id);
    user = { Authorization: `Bearer ${await login(t, DEMO_USER_EMAIL, PASSWORD)}` };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('seeds in well under the start-up budget and only once', async () => {
    expect(seconds).toBeLessThan(5);
    expect(await seedDemo(db.database, PASSWORD)).toBe(false);
  });

  it('gives the dashboard two weeks of traffic with prices, failures and a completed campaign', async () => {
    const stats = await t.http().get('/api/sms/stats').set(admin).expect(200);
    const days = Object.values(stats.body.dailyStats as Record<string, { sent: number }>).filter((d) => d.sent > 0);
    expect(days.length).toBeGreaterThanOrEqual(10);
    expect(stats.body.totalDelivered).toBeGreaterThan(20);
    expect(stats.body.totalFailed + stats.body.totalUndelivered).toBeGreaterThan(0);
    expect(stats.body.totalCost).toBeGreaterThan(0);
    const campaigns = await t.http().get('/api/sms/campaigns').set(admin).expect(200);
    expect(campaigns.body.items).toEqual([expect.objectContaining({ name: 'Spring roof check', status: 'completed' })]);
  });

  it("says a campaign's cost is still growing while a sent message waits for its price", async () => {
    const campaigns = await t.http().get('/api/sms/campaigns').set(admin).expect(200);
    const id = campaigns.body.items[0].id as number;
    expect(campaigns.body.items[0].awaitingPrice).toBe(0);
    const [priced] = await db.database.db
      .update(smsMessages)
      .set({ price: null, priceUnit: null })
      .where(and(eq(smsMessages.campaignId, id), eq(smsMessages.status, 'delivered')))
      .returning({ id: smsMessages.id });
    expect(priced).toBeDefined();
    const detail = await t.http().get(`/api/sms/campaigns/${id}`).set(admin).expect(200);
    expect(detail.body.awaitingPrice).toBeGreaterThan(0);
  });

  it('checks and estimates a campaign from a list without creating it (dryRun)', async () => {
    const res = await t
      .http()
      .post('/api/sms/campaigns')
      .set(admin)
      .send({ name: 'Estimate', message: 'Hi {{first_name|there}}', recipients: ['+14155550171'], dryRun: true })
      .expect(201);
    expect(res.body).toMatchObject({ campaignId: null, dryRun: true, counts: { valid: 1 } });
    expect(res.body.estimatedCost).toBeGreaterThan(0);
    const campaigns = await t.http().get('/api/sms/campaigns').set(admin).expect(200);
    expect(campaigns.body.items.map((c: { name: string }) => c.name)).not.toContain('Estimate');
  });

  it('has templates and a strategy whose sequence has two steps', async () => {
    const templates = await t.http().get('/api/sms/templates').set(admin).expect(200);
    expect((templates.body.items ?? templates.body).length).toBeGreaterThanOrEqual(3);
    const strategies = await t.http().get('/api/strategies').set(admin).expect(200);
    const estimate = (strategies.body.items ?? strategies.body).find(
      (s: { name: string }) => s.name === 'Estimate follow-up',
    );
    const sequence = await t.http().get(`/api/strategies/${estimate.id}/sms-sequence`).set(admin).expect(200);
    expect(sequence.body.steps).toHaveLength(2);
  });

  it('opens Inbox conversations with replies, read by the demo admin and unread for the demo user', async () => {
    const list = await t.http().get('/api/sms/conversations').set(admin).expect(200);
    expect(list.body.items).toHaveLength(3);
    const adminUnread = await t.http().get('/api/sms/conversations/unread').set(admin).expect(200);
    const userUnread = await t.http().get('/api/sms/conversations/unread').set(user).expect(200);
    expect(adminUnread.body.conversations).toBe(0);
    expect(userUnread.body.conversations).toBe(3);
  });
});
