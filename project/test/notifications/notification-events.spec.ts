import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, notificationPreferences, smsMessages } from 'src/core/database/schema';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { headersFor } from '../support/role-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A number the simulated account owns, so a SubAccount admin may name it. */
const OWN_NUMBER = '+14155550900';
import { addSuperAdmin, backdateFailures, notificationRows, whoGot } from './notification-support';

describe('notifications raised by SMS events', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let other: Tenant;
  let headers: Record<string, string>;
  let rootId: number;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, simSenders: { [SIM_ACCOUNT_SID]: { phoneNumbers: [OWN_NUMBER] } } });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await h.sim.flushCallbacks();
    await db.reset();
    h.sim.reset();
    tenant = await createTenant(db.database, 'Notify Co');
    other = await createTenant(db.database, 'Elsewhere Co');
    rootId = await addSuperAdmin(db.database);
    headers = await adminHeaders(h, tenant);
  });

  const team = () => [`admin:${tenant.adminId}`, `admin:${rootId}`, `user:${tenant.userId}`].sort();
  const send = (phoneNumber: string, message = 'Hello') =>
    h.http().post('/api/sms/send').set(headers).send({ phoneNumber, message });
  const disable = (kind: 'user' | 'admin', id: number, types: string[], deadLetterThreshold = 10) =>
    db.database.db
      .insert(notificationPreferences)
      .values({ recipientKind: kind, recipientId: id, disabledTypes: types as never, deadLetterThreshold });
  const setCap = (spendingCapSegments: number) =>
    h.http().put('/api/sms/settings').set(headers).send({ spendingCapSegments }).expect(200);

  it("tells the SubAccount's users, its admin and super admins that a campaign completed, once, and no one else", async () => {
    await disable('admin', rootId, ['lead_reply']); // another type off changes nothing here
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Spring', message: 'Spring checks', recipients: ['+14155550001', '+14155550002'] })
      .expect(201);
    await h.dispatcher.drain();
    await h.dispatcher.settled();
    expect(await whoGot(db.database, 'campaign_completed')).toEqual(team());
    const [row] = await notificationRows(db.database);
    expect(row).toMatchObject({
      subAccountId: tenant.subAccountId,
      title: 'Campaign “Spring” completed',
      body: '2 of 2 recipients sent.',
      link: `/admin/sms/campaigns/${res.body.campaignId}`,
      readAt: null,
    });
    expect((await notificationRows(db.database)).map((r) => r.who)).not.toContain(`user:${other.userId}`);
  });

  it('leaves out whoever turned the type off', async () => {
    await disable('user', tenant.userId, ['campaign_completed']);
    await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Quiet', message: 'Hi', recipients: ['+14155550003'] })
      .expect(201);
    await h.dispatcher.drain();
    await h.dispatcher.settled();
    expect(await whoGot(db.database, 'campaign_completed')).toEqual([`admin:${tenant.adminId}`, `admin:${rootId}`]);
  });

  it('raises credentials rejected (20003) once for the sends that all saw it, linking to settings', async () => {
    await h
      .http()
      .put('/api/sms/settings')
      // Twilio refuses this token, so only a system admin can set a number with it (no ownership check).
      .set(await headersFor(h, 'root@loctelli.test', tenant.subAccountId))
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: 'notTheRightToken000000', phoneNumber: OWN_NUMBER })
      .expect(200);
    await send('+14155550011').expect(202);
    await send('+14155550012').expect(202);
    await h.dispatcher.drain();
    await h.dispatcher.settled();
    expect(await whoGot(db.database, 'credentials_rejected')).toEqual(team());
    const row = (await notificationRows(db.database)).find((r) => r.type === 'credentials_rejected')!;
    expect(row.title).toMatch(/Twilio rejected the credentials/);
    expect(row.link).toBe('/admin/sms/settings');
  });

  it('pauses sending campaigns when Twilio rejects the credentials, saying why, and notifies the team', async () => {
    await h
      .http()
      .put('/api/sms/settings')
      // Twilio refuses this token, so only a system admin can set a number with it (no ownership check).
      .set(await headersFor(h, 'root@loctelli.test', tenant.subAccountId))
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: 'notTheRightToken000000', phoneNumber: OWN_NUMBER })
      .expect(200);
    const created = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Stuck', message: 'Hi', recipients: ['+14155550031', '+14155550032'] })
      .expect(201);
    const id = created.body.campaignId as number;
    await h.dispatcher.drain();
    await h.dispatcher.settled();
    const campaign = (await h.http().get(`/api/sms/campaigns/${id}`).set(headers).expect(200)).body;
    expect(campaign.status).toBe('paused');
    expect(campaign.statusReason).toMatch(/^Paused by the system: Twilio rejected .*credentials \(20003\)/);
    expect(await whoGot(db.database, 'campaign_stopped')).toEqual(team());
    const row = (await notificationRows(db.database)).find((r) => r.type === 'campaign_stopped')!;
    expect(row.title).toBe('Campaign “Stuck” was paused by the system');
    expect(row.link).toBe(`/admin/sms/campaigns/${id}`);

    // Fixed credentials, then a resume: it sends, and the reason is gone.
    await h
      .http()
      .put('/api/sms/settings')
      .set(headers)
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN, phoneNumber: OWN_NUMBER })
      .expect(200);
    await h.http().post(`/api/sms/campaigns/${id}/resume`).set(headers).expect(200);
    const resumed = (await h.http().get(`/api/sms/campaigns/${id}`).set(headers).expect(200)).body;
    expect(resumed).toMatchObject({ status: 'sending', statusReason: null });
  });

  it('warns at 80% and at 100% of the monthly spending cap, once each, never 80% after 100%', async () => {
    await setCap(10);
    for (let i = 0; i < 7; i++) await send(`+1415555002${i}`).expect(202);
    expect(await whoGot(db.database, 'spending_cap_80')).toEqual([]);
    await send('+14155550027').expect(202); // 8 of 10
    expect(await whoGot(db.database, 'spending_cap_80')).toEqual(team());
    await send('+14155550028').expect(202); // 9 of 10: still only one 80% each
    expect(await whoGot(db.database, 'spending_cap_80')).toEqual(team());
    expect(await whoGot(db.database, 'spending_cap_100')).toEqual([]);
    await send('+14155550029').expect(202); // 10 of 10
    expect(await whoGot(db.database, 'spending_cap_100')).toEqual(team());
    await send('+14155550030').expect(422); // refused by the cap: nothing new
    const rows = await notificationRows(db.database);
    expect(rows).toHaveLength(team().length * 2);
    expect(rows.find((r) => r.type === 'spending_cap_100')!.body).toMatch(/^10 of 10 segments/);
    expect(rows.find((r) => r.type === 'spending_cap_80')!.dedupeKey).toMatch(
      new RegExp(`^spending_cap_80:${tenant.subAccountId}:\\d{4}-\\d{2}$`),
    );
  });

  it('counts a whole campaign toward the cap when it is accepted', async () => {
    await setCap(10);
    await disable('admin', rootId, ['spending_cap_80']);
    const recipients = Array.from({ length: 9 }, (_, i) => `+1415555004${i}`);
    await h.http().post('/api/sms/campaigns').set(headers).send({ name: 'Big', message: 'Hi', recipients }).expect(201);
    expect(await whoGot(db.database, 'spending_cap_80')).toEqual([`admin:${tenant.adminId}`, `user:${tenant.userId}`]);
  });

  it("notifies each recipient when the hour's dead letters reach their own threshold, once an hour", async () => {
    await disable('user', tenant.userId, [], 2);
    await disable('admin', rootId, ['dead_letters']);
    await send('+15005550009').expect(202); // 21614: fails for good at once
    await h.dispatcher.drain();
    expect(await whoGot(db.database, 'dead_letters')).toEqual([]);
    await send('+15005550009').expect(202);
    await h.dispatcher.drain();
    expect(await whoGot(db.database, 'dead_letters')).toEqual([`user:${tenant.userId}`]);
    const row = (await notificationRows(db.database)).find((r) => r.type === 'dead_letters')!;
    expect(row).toMatchObject({
      title: '2 messages failed in the last hour',
      link: '/admin/sms/history?status=failed',
    });
    await send('+15005550009').expect(202);
    await h.dispatcher.drain();
    expect(await whoGot(db.database, 'dead_letters')).toEqual([`user:${tenant.userId}`]);
  });

  it('does not count failures older than an hour', async () => {
    await disable('user', tenant.userId, [], 2);
    await send('+15005550009').expect(202);
    await h.dispatcher.drain();
    await backdateFailures(db.database, tenant.subAccountId, 61);
    await send('+15005550009').expect(202);
    await h.dispatcher.drain();
    expect(await whoGot(db.database, 'dead_letters')).toEqual([]);
  });

  describe('a reply from a lead', () => {
    /** A reply to a text this SubAccount sent (two SubAccounts share the sender: that is how it is routed). */
    const reply = async (from: string, body: string) => {
      await send(from, 'Are you free Tuesday?').expect(202);
      const res = await h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from, to: SIM_FROM, body, url: inboundUrl });
      expect(res.status).toBe(200);
    };
    const addLead = async (phone: string, ownerId: number | null) =>
      (
        await db.database.db
          .insert(leads)
          .values({ subAccountId: tenant.subAccountId, name: 'Jane Roe', phone, ownerId })
          .returning()
      )[0]!;

    it("tells only the lead's owner, with the text and a link to the lead", async () => {
      const lead = await addLead('+14155550177', tenant.userId);
      await reply('+14155550177', 'Yes, Tuesday works');
      const rows = await notificationRows(db.database);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        who: `user:${tenant.userId}`,
        type: 'lead_reply',
        title: 'Jane Roe replied',
        body: 'Yes, Tuesday works',
        link: `/admin/leads/${lead.id}`,
      });
    });

    it('says "opted out" for a STOP', async () => {
      await addLead('+14155550178', tenant.userId);
      await reply('+14155550178', 'STOP');
      const [row] = await notificationRows(db.database);
      expect(row?.title).toMatch(/^Jane Roe opted out/);
    });

    it('tells no one about a lead without an owner, an unknown number, or an owner who turned replies off', async () => {
      await addLead('+14155550179', null);
      await reply('+14155550179', 'hello?');
      await reply('+14155550180', 'who is this');
      await addLead('+14155550181', tenant.userId);
      await disable('user', tenant.userId, ['lead_reply']);
      await reply('+14155550181', 'call me');
      expect(await notificationRows(db.database)).toEqual([]);
      const inbound = await db.database.db.select().from(smsMessages).where(eq(smsMessages.direction, 'inbound'));
      expect(inbound.map((m) => m.subAccountId)).toEqual(Array(3).fill(tenant.subAccountId));
    });
  });
});
