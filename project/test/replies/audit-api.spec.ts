import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsAuditLog } from 'src/core/database/schema';
import { type Headers } from '../campaigns/campaign-support';
import { expectErrorShape } from '../foundation/error-shape';
import { adminHeaders, createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface Entry {
  id: number;
  subAccountId: number;
  actorKind: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  createdAt: string;
}

const TOKEN = 'AuditSecretToken0123456789QZXW';
const PHONES = ['+14155550201', '+14155550202', '+14155550203', '+14155550204', '+14155550205', '+14155550206'];

/** Every route the app serves, as "METHOD /path". */
const routesOf = (h: EngineHarness): string[] => h.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);

describe('GET /api/sms/audit', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let a: Tenant;
  let b: Tenant;
  let adminA: Headers;
  let userA: Headers;
  let adminB: Headers;
  /** Between the first actions (settings, sends) and the rest. */
  let boundary: Date;

  const get = (headers: Headers, query = '') => h.http().get(`/api/sms/audit${query}`).set(headers);
  const entries = async (headers: Headers, query = '') =>
    (await get(headers, query).expect(200)).body as { items: Entry[]; total: number; page: number; limit: number };
  const actions = async (headers: Headers, query = '') => (await entries(headers, query)).items.map((e) => e.action);

  beforeAll(async () => {
    db = await createTestDatabase();
    // Nothing is dispatched here: the audit log records what people did.
    h = await bootEngine({ database: db.database });
    a = await createTenant(db.database, 'Audit A');
    b = await createTenant(db.database, 'Audit B');
    adminA = await adminHeaders(h, a);
    userA = await userHeaders(h, a);
    adminB = await adminHeaders(h, b);

    const ok = (status: number) => (res: { status: number; text: string }) => {
      if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    };
    await h
      .http()
      .put('/api/sms/settings')
      .set(adminA)
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: TOKEN, helpText: 'Reply STOP to opt out' })
      .then(ok(200));
    await h
      .http()
      .post('/api/sms/send')
      .set({ ...adminA, 'X-Request-Id': 'req-audit-1' })
      .send({ phoneNumber: PHONES[0], message: 'From the admin' })
      .then(ok(202));
    await h
      .http()
      .post('/api/sms/send')
      .set(userA)
      .send({ phoneNumber: PHONES[1], message: 'From the user' })
      .then(ok(202));

    // Every entry so far was created before `boundary`; every later one after it.
    boundary = new Date(Date.now() + 1);
    await waitFor(async () => Date.now() > boundary.getTime() + 1, 5_000, 'the clock to pass the boundary');

    const created = await h
      .http()
      .post('/api/sms/campaigns')
      .set(adminA)
      .send({ name: 'Audited', message: 'Hi', recipients: [PHONES[2], PHONES[3]] });
    ok(201)(created);
    const id = created.body.campaignId as number;
    await h.http().post(`/api/sms/campaigns/${id}/pause`).set(adminA).then(ok(200));
    await h.http().post(`/api/sms/campaigns/${id}/resume`).set(adminA).then(ok(200));
    await h.http().post(`/api/sms/campaigns/${id}/cancel`).set(adminA).then(ok(200));
    const optOut = await h.http().post('/api/sms/opt-outs').set(adminA).send({ phoneNumber: PHONES[4] });
    ok(201)(optOut);
    await h.http().delete(`/api/sms/opt-outs/${optOut.body.id}`).set(adminA).then(ok(204));
    // Searches for a number, as typed in E.164 and as bare digits.
    await h
      .http()
      .get(`/api/sms/messages/export.csv?search=${encodeURIComponent(PHONES[0]!)}`)
      .set(adminA)
      .then(ok(200));
    await h
      .http()
      .get(`/api/sms/messages/export.csv?status=pending&search=${PHONES[1]!.slice(2)}`)
      .set(adminA)
      .then(ok(200));
    await h.http().post('/api/sms/send').set(adminB).send({ phoneNumber: PHONES[5], message: 'From B' }).then(ok(202));
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });

  it('lists every action in the SubAccount, newest first, with who, what, request id and IP', async () => {
    const page = await entries(adminA, '?limit=100');
    expect(page).toMatchObject({ total: 11, page: 1, limit: 100 });
    expect(page.items.map((e) => e.action)).toEqual([
      'sms.export',
      'sms.export',
      'opt_out.remove',
      'opt_out.add',
      'campaign.cancel',
      'campaign.resume',
      'campaign.pause',
      'campaign.create',
      'sms.send',
      'sms.send',
      'settings.update',
    ]);
    for (const e of page.items) {
      expect(e.subAccountId).toBe(a.subAccountId);
      expect(e.requestId).toBeTruthy();
      expect(e.ip).toMatch(/127\.0\.0\.1/);
    }
    const byAction = (action: string) => page.items.filter((e) => e.action === action);
    expect(
      byAction('sms.send').map((e) => [e.actorKind, e.actorId, e.actorName, e.requestId === 'req-audit-1']),
    ).toEqual([
      ['user', a.userId, 'Audit A User', false],
      ['admin', a.adminId, 'Audit A Admin', true],
    ]);
    expect(byAction('campaign.create')[0]).toMatchObject({
      targetType: 'sms_campaign',
      details: { recipients: 2, scheduled: false },
    });
    expect(byAction('campaign.cancel')[0]!.targetId).toBe(byAction('campaign.create')[0]!.targetId);
    expect((byAction('settings.update')[0]!.details.fields as string[]).sort()).toEqual([
      'accountSid',
      'authToken',
      'helpText',
    ]);
    expect(byAction('sms.export').map((e) => e.details.filter)).toEqual([
      expect.objectContaining({ status: 'pending', search: '******0202' }),
      expect.objectContaining({ search: '+1415***0201' }),
    ]);
  });

  it('never holds the auth token or a whole phone number, in any column of any row', async () => {
    const everything = JSON.stringify(await db.database.db.select().from(smsAuditLog));
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(-4));
    for (const phone of PHONES) {
      expect(everything).not.toContain(phone);
      expect(everything).not.toContain(phone.slice(2));
    }
    expect(everything).toContain('+1415***0205'); // the opt-out, masked like the logs
  });

  it('filters by actor kind, actor id, exact action, action prefix, and time', async () => {
    expect(await actions(adminA, '?actor=user')).toEqual(['sms.send']);
    expect(await actions(adminA, `?actor=user:${a.userId}`)).toEqual(['sms.send']);
    expect(await actions(adminA, `?actor=user:${a.userId + 1000}`)).toEqual([]);
    expect((await entries(adminA, `?actor=admin:${a.adminId}&limit=100`)).total).toBe(10);
    expect(await actions(adminA, '?actor=twilio')).toEqual([]);
    expect(await actions(adminA, '?action=campaign.pause')).toEqual(['campaign.pause']);
    expect(await actions(adminA, '?action=campaign.')).toEqual([
      'campaign.cancel',
      'campaign.resume',
      'campaign.pause',
      'campaign.create',
    ]);
    expect(await actions(adminA, '?action=campaign')).toEqual([]); // exact unless it ends in "."
    expect(await actions(adminA, '?action=opt_out.&actor=admin')).toEqual(['opt_out.remove', 'opt_out.add']);
    const at = encodeURIComponent(boundary.toISOString());
    expect(await actions(adminA, `?to=${at}`)).toEqual(['sms.send', 'sms.send', 'settings.update']);
    expect((await entries(adminA, `?from=${at}`)).total).toBe(8);
    expect(await actions(adminA, `?from=${at}&action=sms.`)).toEqual(['sms.export', 'sms.export']);
    expect(await actions(adminA, `?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual(
      [],
    );
    for (const bad of ['actor=root', 'actor=admin:x', 'from=yesterday', 'limit=0', 'page=0']) {
      expectErrorShape((await get(adminA, `?${bad}`).expect(400)).body, 400);
    }
  });

  it('pages through the entries', async () => {
    const all = (await entries(adminA, '?limit=100')).items.map((e) => e.id);
    const page2 = await entries(adminA, '?page=2&limit=3');
    expect(page2).toMatchObject({ total: 11, page: 2, limit: 3 });
    expect(page2.items.map((e) => e.id)).toEqual(all.slice(3, 6));
    expect((await entries(adminA, '?page=4&limit=3')).items.map((e) => e.id)).toEqual(all.slice(9));
    expect((await entries(adminA, '?page=5&limit=3')).items).toEqual([]);
  });

  it("is for admins, and shows an admin only the selected SubAccount's entries", async () => {
    expectErrorShape((await get(userA).expect(403)).body, 403);
    await h.http().get('/api/sms/audit').expect(401);
    expect((await entries(adminB)).items.map((e) => [e.subAccountId, e.action])).toEqual([
      [b.subAccountId, 'sms.send'],
    ]);
    // A's admin cannot pick B's SubAccount.
    expectErrorShape((await get({ ...adminA, 'X-SubAccount-Id': String(b.subAccountId) }).expect(403)).body, 403);
  });

  it('has no route that changes or deletes an entry', async () => {
    const routes = routesOf(h);
    expect(routes).toContain('GET /api/sms/audit');
    expect(routes).toContain('DELETE /api/sms/opt-outs/:id'); // the walk does see other methods
    expect(routes.filter((r) => /audit/i.test(r))).toEqual(['GET /api/sms/audit']);
    const before = (await entries(adminA)).total;
    const id = (await entries(adminA)).items[0]!.id;
    for (const method of ['put', 'patch', 'delete'] as const) {
      await h.http()[method]('/api/sms/audit').set(adminA).send({}).expect(404);
      await h.http()[method](`/api/sms/audit/${id}`).set(adminA).send({}).expect(404);
    }
    await h.http().post('/api/sms/audit').set(adminA).send({ action: 'sms.send' }).expect(404);
    expect((await entries(adminA)).total).toBe(before);
  });
});
