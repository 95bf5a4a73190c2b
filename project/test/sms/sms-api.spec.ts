import { Logger } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { decryptSecret } from 'src/core/crypto/secret-box';
import {
  smsAuditLog,
  smsCampaigns,
  smsDailyStats,
  smsEvents,
  smsMessages,
  smsSettings,
} from 'src/core/database/schema';
import { createTenant, login, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, type EngineHarness } from '../support/engine-harness';
import { bootTestApp, TEST_METRICS_TOKEN, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type MessageInsert = typeof smsMessages.$inferInsert;
type Headers = Record<string, string>;

const fieldsOf = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];
const ago = (ms: number) => new Date(Date.now() - ms);
const DAY = 86_400_000;

async function clearSmsTables(db: TestDatabase): Promise<void> {
  for (const table of [smsEvents, smsMessages, smsCampaigns, smsDailyStats, smsSettings, smsAuditLog])
    await db.database.db.delete(table);
}

async function insertMessage(db: TestDatabase, values: MessageInsert) {
  const [row] = await db.database.db.insert(smsMessages).values(values).returning();
  return row!;
}

describe('SMS API over the database', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let aAdmin: Headers;
  let aUser: Headers;
  let bAdmin: Headers;
  let bUser: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    a = await createTenant(db.database, 'Alpha Gutters');
    b = await createTenant(db.database, 'Beta Siding');
    // Logins are throttled (20 a minute): log in once for the whole file.
    aAdmin = { Authorization: `Bearer ${await login(t, a.adminEmail)}`, 'X-SubAccount-Id': String(a.subAccountId) };
    aUser = { Authorization: `Bearer ${await login(t, a.userEmail)}` };
    bAdmin = { Authorization: `Bearer ${await login(t, b.adminEmail)}`, 'X-SubAccount-Id': String(b.subAccountId) };
    bUser = { Authorization: `Bearer ${await login(t, b.userEmail)}` };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(() => clearSmsTables(db));

  describe('history', () => {
    let ids: Record<string, number>;
    let campaignId: number;

    beforeEach(async () => {
      const [campaign] = await db.database.db
        .insert(smsCampaigns)
        .values({ subAccountId: a.subAccountId, name: 'Spring promo', message: 'Spring gutter cleaning' })
        .returning();
      campaignId = campaign!.id;
      const rows: Record<string, Omit<MessageInsert, 'subAccountId'>> = {
        oldDelivered: {
          phoneNumber: '+14155550101',
          message: 'Your estimate is ready',
          status: 'delivered',
          createdAt: ago(10 * DAY),
        },
        failed: {
          phoneNumber: '+14155550102',
          message: 'Gutter crew arrives at 8',
          status: 'failed',
          errorCode: 21614,
          createdAt: ago(5 * DAY),
        },
        campaign: {
          phoneNumber: '+14155550103',
          message: 'Spring gutter cleaning',
          status: 'sent',
          campaignId,
          createdAt: ago(3 * DAY),
        },
        inbound: {
          phoneNumber: '+14155550104',
          message: 'Yes please, call me',
          status: 'received',
          direction: 'inbound',
          createdAt: ago(2 * DAY),
        },
        newest: {
          phoneNumber: '+14155550105',
          message: 'Thanks for choosing Alpha',
          status: 'pending',
          createdAt: ago(DAY),
        },
      };
      ids = {};
      for (const [name, values] of Object.entries(rows))
        ids[name] = (await insertMessage(db, { subAccountId: a.subAccountId, ...values })).id;
      await insertMessage(db, {
        subAccountId: b.subAccountId,
        phoneNumber: '+14155550101',
        message: 'Beta estimate is ready',
        status: 'delivered',
      });
    });

    const list = async (query: string, headers: Headers = aAdmin) =>
      (await t.http().get(`/api/sms/messages${query}`).set(headers).expect(200)).body;
    const idsOf = (page: { items: { id: number }[] }) => page.items.map((m) => m.id);

    it('lists the SubAccount newest first as { items, total, page, limit }', async () => {
      const page = await list('');
      expect(page).toMatchObject({ total: 5, page: 1, limit: 20 });
      expect(idsOf(page)).toEqual([ids.newest, ids.inbound, ids.campaign, ids.failed, ids.oldDelivered]);
      const second = await list('?limit=2&page=2', aUser);
      expect(second).toMatchObject({ total: 5, page: 2, limit: 2 });
      expect(idsOf(second)).toEqual([ids.campaign, ids.failed]);
    });

    it('filters by status, direction and campaign', async () => {
      expect(idsOf(await list('?status=failed'))).toEqual([ids.failed]);
      expect(idsOf(await list('?direction=inbound'))).toEqual([ids.inbound]);
      expect(idsOf(await list('?direction=outbound'))).not.toContain(ids.inbound);
      expect(idsOf(await list(`?campaignId=${campaignId}`))).toEqual([ids.campaign]);
      expect(await list('?status=delivered&direction=inbound')).toMatchObject({ items: [], total: 0 });
    });

    it('searches by phone number and by text, case-insensitively, within the SubAccount', async () => {
      expect(idsOf(await list('?search=5550102'))).toEqual([ids.failed]);
      expect(idsOf(await list(`?search=${encodeURIComponent('+14155550104')}`))).toEqual([ids.inbound]);
      expect(idsOf(await list('?search=GUTTER'))).toEqual([ids.campaign, ids.failed]);
      expect(idsOf(await list('?search=estimate'))).toEqual([ids.oldDelivered]);
      expect((await list('?search=100%25')).total).toBe(0); // % is literal, not a wildcard
    });

    it('filters by a created-at date range', async () => {
      const from = ago(6 * DAY).toISOString();
      const to = ago(1.5 * DAY).toISOString();
      expect(idsOf(await list(`?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`))).toEqual([
        ids.inbound,
        ids.campaign,
        ids.failed,
      ]);
      expect(idsOf(await list(`?from=${encodeURIComponent(ago(1.5 * DAY).toISOString())}`))).toEqual([ids.newest]);
      expect(idsOf(await list(`?to=${encodeURIComponent(ago(7 * DAY).toISOString())}`))).toEqual([ids.oldDelivered]);
    });

    it('shows one message with its events in order', async () => {
      await db.database.db.insert(smsEvents).values([
        {
          subAccountId: a.subAccountId,
          messageId: ids.failed!,
          type: 'accepted',
          status: 'pending',
          payload: { segments: 1 },
        },
        {
          subAccountId: a.subAccountId,
          messageId: ids.failed!,
          type: 'send_failed',
          status: 'failed',
          payload: { code: 21614 },
        },
      ]);
      const res = await t.http().get(`/api/sms/messages/${ids.failed}`).set(aUser).expect(200);
      expect(res.body).toMatchObject({
        id: ids.failed,
        status: 'failed',
        errorCode: 21614,
        phoneNumber: '+14155550102',
        subAccountId: a.subAccountId,
      });
      expect(res.body.events.map((e: { type: string; status: string }) => [e.type, e.status])).toEqual([
        ['accepted', 'pending'],
        ['send_failed', 'failed'],
      ]);
      expect(res.body.events[1].payload).toEqual({ code: 21614 });
    });
  });

  describe('tenant isolation', () => {
    /** Every route naming one message, from the routes served, so a new one joins the walk. */
    const messageRoutes = () => t.routes.filter((r) => r.path.startsWith('/api/sms/messages/:id'));

    it("answers 404 without A's data on every message route aimed at A's messages", async () => {
      const pending = await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550111',
        message: 'Alpha secret pending',
        status: 'pending',
      });
      const failed = await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550112',
        message: 'Alpha secret failed',
        status: 'failed',
      });
      await db.database.db.insert(smsEvents).values({
        subAccountId: a.subAccountId,
        messageId: pending.id,
        type: 'accepted',
        payload: { note: 'Alpha secret event' },
      });
      const routes = messageRoutes();
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'get /api/sms/messages/:id',
          'post /api/sms/messages/:id/retry',
          'post /api/sms/messages/:id/cancel',
        ]),
      );
      for (const route of routes) {
        for (const target of [pending, failed]) {
          for (const [who, headers] of [
            ['B admin', bAdmin],
            ['B user', bUser],
          ] as const) {
            const res = await t
              .http()
              [route.method](route.path.replace(':id', String(target.id)))
              .set(headers)
              .send({});
            const label = `${route.method.toUpperCase()} ${route.path} (${target.status}) as ${who}`;
            expect(res.status, label).toBe(404);
            const text = JSON.stringify(res.body);
            for (const secret of ['Alpha secret', '+1415555011', 'Alpha Gutters'])
              expect(text, label).not.toContain(secret);
          }
        }
      }
      const after = await db.database.db.select().from(smsMessages).where(eq(smsMessages.subAccountId, a.subAccountId));
      expect(after.map((m) => [m.id, m.status, m.attempts]).sort()).toEqual(
        [
          [pending.id, 'pending', 0],
          [failed.id, 'failed', 0],
        ].sort(),
      );
      expect(await db.database.db.select().from(smsAuditLog)).toEqual([]);
      // A itself reaches them
      await t.http().get(`/api/sms/messages/${pending.id}`).set(aUser).expect(200);
    });

    it("keeps B's list, export and stats free of A's messages", async () => {
      await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550113',
        message: 'Alpha only',
        status: 'delivered',
      });
      await db.database.db
        .insert(smsDailyStats)
        .values({ subAccountId: a.subAccountId, day: new Date().toISOString().slice(0, 10), sent: 7, delivered: 7 });
      expect((await t.http().get('/api/sms/messages?search=Alpha').set(bAdmin).expect(200)).body.total).toBe(0);
      expect((await t.http().get('/api/sms/messages/export.csv').set(bUser).expect(200)).text).not.toContain(
        'Alpha only',
      );
      expect((await t.http().get('/api/sms/stats').set(bUser).expect(200)).body.totalSent).toBe(0);
    });
  });

  describe('CSV export', () => {
    it('streams the current filter with a header row and neutralises formula-looking cells', async () => {
      const formula = '=HYPERLINK("http://evil.example/x","Click me")';
      const sneaky = "-1+1+cmd|' /C calc'!A0";
      const rows = [
        {
          phoneNumber: '+14155550121',
          message: formula,
          status: 'failed' as const,
          price: '-0.00750',
          priceUnit: 'USD',
        },
        { phoneNumber: '+14155550122', message: sneaky, status: 'failed' as const },
        { phoneNumber: '+14155550123', message: '@SUM(A1:A9)', status: 'failed' as const },
        { phoneNumber: '+14155550124', message: 'Delivered fine', status: 'delivered' as const },
      ];
      const inserted = [];
      for (const r of rows) inserted.push(await insertMessage(db, { subAccountId: a.subAccountId, ...r }));
      await insertMessage(db, {
        subAccountId: b.subAccountId,
        phoneNumber: '+14155550125',
        message: 'Beta failed',
        status: 'failed',
      });

      const res = await t.http().get('/api/sms/messages/export.csv?status=failed').set(aUser).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="sms-history-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean);
      const header = lines[0]!.split(',');
      expect(header.slice(0, 8)).toEqual([
        'id',
        'createdAt',
        'direction',
        'phoneNumber',
        'fromNumber',
        'status',
        'statusReason',
        'message',
      ]);
      expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(inserted.slice(0, 3).map((m) => m.id));
      expect(res.text).not.toContain('Delivered fine');
      expect(res.text).not.toContain('Beta failed');

      // No cell may start with a formula character unless it is a plain number (phones, prices).
      expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example/x"",""Click me"")"`);
      expect(res.text).toContain(`'${sneaky}`);
      expect(res.text).toContain(`'@SUM(A1:A9)`);
      expect(res.text).toContain(',+14155550121,');
      expect(res.text).toContain(',-0.00750,USD,');
      expect(res.text).not.toMatch(/(^|,)"?[=@]/m);
      expect(res.text).not.toMatch(/(^|,)"?[+-](?![\d.]+(,|\r?$))/m);

      const audit = await db.database.db.select().from(smsAuditLog).where(eq(smsAuditLog.action, 'sms.export'));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ subAccountId: a.subAccountId, actorKind: 'user', actorId: a.userId });
      expect(audit[0]!.details).toMatchObject({ filter: { status: 'failed' } });
    });

    it('exports the messages a search finds: a phrase in any case, across words, not another tenant’s', async () => {
      const bodies = ['Roof check TODAY at 9', 'roof checkup today', 'check today, roof', 'ROOF  CHECK today'];
      const inserted = [];
      for (const message of bodies) {
        inserted.push(await insertMessage(db, { subAccountId: a.subAccountId, phoneNumber: '+14155550131', message }));
      }
      await insertMessage(db, {
        subAccountId: b.subAccountId,
        phoneNumber: '+14155550132',
        message: 'Roof check today',
      });

      const res = await t.http().get('/api/sms/messages/export.csv?search=roof%20check%20t').set(aUser).expect(200);
      const ids = res.text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .map((l) => Number(l.split(',')[0]));
      expect(ids).toEqual([inserted[0]!.id]);
    });
  });

  describe('settings', () => {
    const TOKEN = 'SecretAuthToken0123456789wxyz';
    const put = (body: object, headers: Headers = aAdmin) => t.http().put('/api/sms/settings').set(headers).send(body);

    it('stores the auth token encrypted and only ever shows its last 4 characters', async () => {
      const res = await put({ accountSid: 'AC' + 'b'.repeat(32), authToken: TOKEN }).expect(200);
      expect(res.body).toMatchObject({
        accountSid: 'AC' + 'b'.repeat(32),
        authTokenLast4: 'wxyz',
        phoneNumber: null,
        credentialsSource: 'subaccount',
        credentialsStatus: 'unknown',
      });
      expect(res.body).not.toHaveProperty('authToken');
      expect(JSON.stringify(res.body)).not.toContain(TOKEN);
      const got = await t.http().get('/api/sms/settings').set(aUser).expect(200);
      expect(got.body.authTokenLast4).toBe('wxyz');
      expect(got.body).not.toHaveProperty('authToken');
      expect(got.body).not.toHaveProperty('authTokenEncrypted');
      expect(JSON.stringify(got.body)).not.toContain(TOKEN);

      const [row] = await db.database.db.select().from(smsSettings).where(eq(smsSettings.subAccountId, a.subAccountId));
      expect(row!.authTokenEncrypted).toBeTruthy();
      expect(row!.authTokenEncrypted).not.toContain(TOKEN);
      expect(row!.authTokenEncrypted).not.toContain(Buffer.from(TOKEN).toString('base64url').slice(0, 12));
      expect(decryptSecret(t.config.encryptionKey, row!.authTokenEncrypted!)).toBe(TOKEN);
    });

    it('records a settings change by field names, never the token', async () => {
      await put({ accountSid: 'AC' + 'b'.repeat(32), authToken: TOKEN, rateLimitPerMinute: 30 }).expect(200);
      const audit = await db.database.db.select().from(smsAuditLog).where(eq(smsAuditLog.action, 'settings.update'));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ subAccountId: a.subAccountId, actorKind: 'admin', actorId: a.adminId });
      expect((audit[0]!.details as { fields: string[] }).fields.sort()).toEqual([
        'accountSid',
        'authToken',
        'rateLimitPerMinute',
      ]);
      expect(JSON.stringify(audit)).not.toContain(TOKEN);
      expect(JSON.stringify(audit)).not.toContain('wxyz');
    });

    it('rejects a bad accountSid, phoneNumber or rateLimitPerMinute, naming the field', async () => {
      const cases: [object, string][] = [
        [{ accountSid: 'AC123' }, 'accountSid'],
        [{ accountSid: 'SK' + 'b'.repeat(32) }, 'accountSid'],
        [{ phoneNumber: '4155550100' }, 'phoneNumber'],
        [{ phoneNumber: '+1 415 555 0100' }, 'phoneNumber'],
        [{ rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
        [{ rateLimitPerMinute: 'fast' }, 'rateLimitPerMinute'],
        [{ rateLimitPerMinute: 60_001 }, 'rateLimitPerMinute'],
        [{ authToken: 'short' }, 'authToken'],
      ];
      for (const [body, field] of cases) {
        const res = await put(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(res.body), JSON.stringify(body)).toEqual([field]);
        expect(res.body.message).toContain(field);
      }
      expect(await db.database.db.select().from(smsSettings)).toEqual([]);
    });

    it('lifts a dispatch pause when the credentials change, and only then', async () => {
      await db.database.db.insert(smsSettings).values({
        subAccountId: a.subAccountId,
        accountSid: 'AC' + 'b'.repeat(32),
        credentialsStatus: 'rejected',
        dispatchPausedReason: 'Twilio rejected the credentials (20003)',
      });
      expect((await t.http().get('/api/sms/settings').set(aAdmin).expect(200)).body).toMatchObject({
        dispatchPaused: true,
        credentialsStatus: 'rejected',
      });
      const unrelated = await put({ rateLimitPerMinute: 10 }).expect(200);
      expect(unrelated.body).toMatchObject({ dispatchPaused: true, credentialsStatus: 'rejected' });
      const fixed = await put({ authToken: TOKEN }).expect(200);
      expect(fixed.body).toMatchObject({
        dispatchPaused: false,
        dispatchPausedReason: null,
        credentialsStatus: 'unknown',
      });
    });

    it('reports missing credentials on a connection test', async () => {
      const res = await t.http().post('/api/sms/settings/test').set(aAdmin).expect(200);
      expect(res.body).toEqual({ ok: false, message: expect.stringMatching(/No Twilio credentials/) });
    });
  });

  describe('stats', () => {
    it('computes totals, months, days and delivery rate from the daily roll-up', async () => {
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
      const rows = [
        { day: day(0), sent: 10, delivered: 8, failed: 1, undelivered: 1, segments: 12, cost: '0.09000' },
        { day: day(40), sent: 5, delivered: 4, failed: 1, undelivered: 0, segments: 5, cost: '0.03750' },
        { day: day(400), sent: 2, delivered: 1, failed: 0, undelivered: 1, segments: 4, cost: '0.03000' },
      ];
      await db.database.db.insert(smsDailyStats).values(rows.map((r) => ({ subAccountId: a.subAccountId, ...r })));
      await db.database.db.insert(smsDailyStats).values({
        subAccountId: b.subAccountId,
        day: day(0),
        sent: 100,
        delivered: 100,
        segments: 100,
        cost: '1.00000',
      });
      // Messages alone do not count: stats come from the roll-up, not a scan.
      await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550131',
        message: 'x',
        status: 'delivered',
      });

      const stats = (await t.http().get('/api/sms/stats').set(aUser).expect(200)).body;
      expect(stats).toMatchObject({
        totalSent: 17,
        totalDelivered: 13,
        totalFailed: 2,
        totalUndelivered: 2,
        totalSegments: 21,
        totalCost: 0.1575,
      });
      expect(stats.deliveryRate).toBeCloseTo(13 / 17, 4);
      const month = (d: string) => d.slice(0, 7);
      expect(stats.monthlyStats[month(rows[0]!.day)]).toEqual({
        sent: 10,
        delivered: 8,
        failed: 1,
        undelivered: 1,
        segments: 12,
        cost: 0.09,
      });
      expect(stats.monthlyStats[month(rows[1]!.day)]).toMatchObject({ sent: 5, delivered: 4, failed: 1 });
      expect(stats.monthlyStats[month(rows[2]!.day)]).toMatchObject({ sent: 2, delivered: 1, failed: 0 });
      expect(stats.thisMonth).toMatchObject({ sent: 10, delivered: 8 });
      expect(Object.keys(stats.dailyStats)).toEqual([rows[0]!.day]);

      const asAdmin = (await t.http().get('/api/sms/stats').set(aAdmin).expect(200)).body;
      expect(asAdmin).toEqual(stats);
    });

    it('answers zeros and a 0 delivery rate with no traffic', async () => {
      const stats = (await t.http().get('/api/sms/stats').set(bUser).expect(200)).body;
      expect(stats).toMatchObject({ totalSent: 0, deliveryRate: 0, totalCost: 0, monthlyStats: {}, dailyStats: {} });
    });
  });

  describe('health and metrics', () => {
    it('reports dispatcher lag and provider mode in /api/health', async () => {
      await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550141',
        message: 'late',
        status: 'pending',
        notBefore: ago(120_000),
      });
      await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550142',
        message: 'later',
        status: 'pending',
        notBefore: new Date(Date.now() + DAY),
      });
      const res = await t.http().get('/api/health').expect(200);
      expect(res.body.checks.dispatcher).toMatchObject({ status: 'ok', role: 'api', running: false });
      expect(res.body.checks.dispatcher.lagSeconds).toBeGreaterThanOrEqual(119);
      expect(res.body.checks.dispatcher.lagSeconds).toBeLessThan(180);
      expect(res.body.checks.provider).toMatchObject({ status: 'ok', mode: 'live', environmentCredentials: false });
    });

    it('serves Prometheus text with messages by status and send outcomes', async () => {
      await insertMessage(db, {
        subAccountId: a.subAccountId,
        phoneNumber: '+14155550143',
        message: 'a',
        status: 'pending',
      });
      await insertMessage(db, {
        subAccountId: b.subAccountId,
        phoneNumber: '+14155550144',
        message: 'b',
        status: 'pending',
      });
      await insertMessage(db, {
        subAccountId: b.subAccountId,
        phoneNumber: '+14155550145',
        message: 'c',
        status: 'delivered',
      });
      const res = await t.http().get('/api/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/^sms_messages\{status="pending"\} 2$/m);
      expect(res.text).toMatch(/^sms_messages\{status="delivered"\} 1$/m);
      expect(res.text).toMatch(/^# TYPE sms_send_outcomes_total counter$/m);
      expect(res.text).toMatch(/^# TYPE sms_dispatcher_lag_seconds gauge$/m);
      expect(res.text).not.toContain('+1415555014');
    });
  });
});

describe('SMS API against the Twilio simulator', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Headers;
  let logged: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database });
    tenant = await createTenant(db.database, 'Sim Roofing');
    headers = {
      Authorization: `Bearer ${await login(h, tenant.adminEmail)}`,
      'X-SubAccount-Id': String(tenant.subAccountId),
    };
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await clearSmsTables(db);
    h.sim.reset();
    logged = [];
    // The app is booted with logger: false; every Nest logger call still passes through these methods.
    for (const level of ['log', 'warn', 'error', 'debug', 'verbose'] as const) {
      vi.spyOn(Logger.prototype, level).mockImplementation(
        (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
      );
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it('tests the SubAccount credentials against the provider: ok, then rejected with a wrong token', async () => {
    await h
      .http()
      .put('/api/sms/settings')
      .set(headers)
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN })
      .expect(200);
    const ok = await h.http().post('/api/sms/settings/test').set(headers).expect(200);
    expect(ok.body).toEqual({ ok: true, message: expect.stringContaining(SIM_ACCOUNT_SID) });
    expect(ok.body.message).toMatch(/simulator/);
    expect((await h.http().get('/api/sms/settings').set(headers).expect(200)).body.credentialsStatus).toBe('ok');

    await h.http().put('/api/sms/settings').set(headers).send({ authToken: 'WrongToken0123456789abcdef' }).expect(200);
    const rejected = await h.http().post('/api/sms/settings/test').set(headers).expect(200);
    expect(rejected.body).toEqual({ ok: false, message: expect.stringMatching(/rejected the credentials/) });
    const settings = (await h.http().get('/api/sms/settings').set(headers).expect(200)).body;
    expect(settings).toMatchObject({ credentialsStatus: 'rejected', mode: 'simulator', authTokenLast4: 'cdef' });
  });

  it('reports simulator mode in /api/health', async () => {
    const res = await h.http().get('/api/health').expect(200);
    expect(res.body.checks.provider).toMatchObject({ mode: 'simulator', environmentCredentials: true });
  });

  it('masks phone numbers in the log of a failed send, Twilio error text included', async () => {
    const res = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+15005550009', message: 'not mobile' })
      .expect(202);
    await h.dispatcher.drain();
    const m = (await h.http().get(`/api/sms/messages/${res.body.id}`).set(headers).expect(200)).body;
    expect(m).toMatchObject({ status: 'failed', errorCode: 21614 });

    const lines = logged.filter((l) => l.includes(`message ${res.body.id}`));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('+1500***0009');
    expect(logged.join('\n')).not.toContain('5005550009');

    const metrics = await h.http().get('/api/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toMatch(/^sms_send_outcomes_total\{outcome="fail"\} 1$/m);
    expect(metrics.text).toMatch(/^sms_messages\{status="failed"\} 1$/m);
  });
});
