import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessages } from 'src/core/database/schema';
import type { Headers } from '../campaigns/campaign-support';
import { createTenant, type Tenant } from '../support/fixtures';
import { createManager, createSystemAdmin, headersFor } from '../support/role-fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the Unassigned inbox', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let a: Tenant;
  let b: Tenant;
  let system: Headers;
  let others: Record<string, Headers>;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, knobs: { callbackDelayMs: 600_000 } });
    a = await createTenant(db.database, 'Inbox A');
    b = await createTenant(db.database, 'Inbox B');
    system = await headersFor(h, await createSystemAdmin(db.database));
    others = {
      subAccountAdmin: await headersFor(h, a.adminEmail, a.subAccountId),
      manager: await headersFor(h, await createManager(db.database, a, 'manager@inbox-a.test')),
      user: await headersFor(h, a.userEmail),
    };
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });

  const reply = (from: string, body: string) =>
    h.sim.injectInbound({
      accountSid: SIM_ACCOUNT_SID,
      from,
      to: SIM_FROM,
      body,
      url: `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`,
    });

  it('shows a system admin what no SubAccount could claim, and files it under the SubAccount they choose', async () => {
    const sent = await reply('+14155550601', 'Is this the roofer?');
    const list = await h.http().get('/api/sms/unassigned').set(system).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    const [entry] = list.body.items;
    expect(entry).toMatchObject({ fromNumber: '+14155550601', body: 'Is this the roofer?', assignedAt: null });

    const filed = await h
      .http()
      .post(`/api/sms/unassigned/${entry.id}/assign`)
      .set(system)
      .send({ subAccountId: b.subAccountId })
      .expect(200);
    expect(filed.body).toMatchObject({ assignedSubAccountId: b.subAccountId, assignedMessageId: expect.any(Number) });
    const [stored] = await db.database.db.select().from(smsMessages).where(eq(smsMessages.twilioSid, sent.messageSid));
    expect(stored).toMatchObject({
      subAccountId: b.subAccountId,
      direction: 'inbound',
      message: 'Is this the roofer?',
    });

    expect((await h.http().get('/api/sms/unassigned').set(system).expect(200)).body.total).toBe(0);
    expect((await h.http().get('/api/sms/unassigned?state=all').set(system).expect(200)).body.total).toBe(1);
    const twice = await h
      .http()
      .post(`/api/sms/unassigned/${entry.id}/assign`)
      .set(system)
      .send({ subAccountId: a.subAccountId });
    expect(twice.status).toBe(409);
  });

  it('names the field when the SubAccount is missing or unknown', async () => {
    await reply('+14155550602', 'hello?');
    const [entry] = (await h.http().get('/api/sms/unassigned').set(system).expect(200)).body.items;
    const missing = await h.http().post(`/api/sms/unassigned/${entry.id}/assign`).set(system).send({});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('subAccountId');
    const unknown = await h
      .http()
      .post(`/api/sms/unassigned/${entry.id}/assign`)
      .set(system)
      .send({ subAccountId: 999_999 });
    expect(unknown.status).toBe(404);
  });

  it('is closed to everyone but system admins', async () => {
    for (const [who, headers] of Object.entries(others)) {
      const res = await h.http().get('/api/sms/unassigned').set(headers);
      expect([who, res.status, res.body.message]).toEqual([who, 403, 'Only a system admin can do this']);
      const assign = await h.http().post('/api/sms/unassigned/1/assign').set(headers).send({ subAccountId: 1 });
      expect([who, assign.status]).toEqual([who, 403]);
    }
  });
});
