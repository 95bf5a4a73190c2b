import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { leads, subAccounts } from 'src/core/database/schema';
import { clearSms, type Headers } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_FROM, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ANN = '+14155550401';
const STRANGER = '+14155550499';

describe('Inbox: conversations, threads and read state', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let admin: Headers;
  let user: Headers;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
    tenant = await createTenant(db.database, 'Inbox Co');
    admin = await adminHeaders(h, tenant);
    user = await userHeaders(h, tenant);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await h.sim.flushCallbacks();
    await clearSms(db.database);
    await db.database.db.delete(leads);
    h.sim.reset();
  });

  const reply = async (from: string, body: string) => {
    await h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from, to: SIM_FROM, body, url: inboundUrl });
  };
  const createLead = async (body: Record<string, unknown>) =>
    (await h.http().post('/api/leads').set(admin).send(body).expect(201)).body as { id: number };
  const conversations = async (headers: Headers, query = '') =>
    (await h.http().get(`/api/sms/conversations${query}`).set(headers).expect(200)).body as {
      items: { id: number; phoneNumber: string; leadName: string | null; unreadCount: number; lastDirection: string }[];
      total: number;
    };

  it('shows a reply injected through the simulator in the Inbox and in the lead thread', async () => {
    const lead = await createLead({ name: 'Ann Archer', phone: ANN, ownerId: tenant.userId });
    await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ phoneNumber: ANN, leadId: lead.id, message: 'Hi Ann' })
      .expect(202);
    await h.dispatcher.drain();
    await reply(ANN, 'Yes, call me tomorrow');

    const inbox = await waitFor(async () => {
      const c = await conversations(admin);
      return c.items[0]?.lastDirection === 'inbound' && c;
    });
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({ phoneNumber: ANN, leadName: 'Ann Archer', unreadCount: 1 });

    const thread = await h.http().get(`/api/sms/conversations/${inbox.items[0]!.id}/messages`).set(admin).expect(200);
    expect(thread.body.items.map((m: { direction: string; message: string }) => [m.direction, m.message])).toEqual([
      ['inbound', 'Yes, call me tomorrow'],
      ['outbound', 'Hi Ann'],
    ]);
    // Another SubAccount's user does not learn the conversation exists. (That SubAccount is removed after: a second
    // one on the shared sender would change how the other tests' replies are routed.)
    const outside = await createTenant(db.database, 'Outside Co');
    const outsider = await userHeaders(h, outside);
    await h.http().get(`/api/sms/conversations/${inbox.items[0]!.id}/messages`).set(outsider).expect(404);
    await db.database.db.delete(subAccounts).where(eq(subAccounts.id, outside.subAccountId));
    const leadThread = await h.http().get(`/api/leads/${lead.id}/sms`).set(admin).expect(200);
    expect(leadThread.body.items.map((m: { message: string }) => m.message)).toEqual([
      'Yes, call me tomorrow',
      'Hi Ann',
    ]);

    const timeline = await h.http().get(`/api/leads/${lead.id}/timeline`).set(admin).expect(200);
    expect(timeline.body.items.map((i: { kind: string }) => i.kind)).toEqual(['sms', 'sms', 'event']);
    expect(timeline.body.items[2].event).toMatchObject({ type: 'created', actorKind: 'admin' });
  });

  it('keeps read state per reader, and filters unread and by assigned user', async () => {
    await createLead({ name: 'Ann Archer', phone: ANN, ownerId: tenant.userId });
    await reply(ANN, 'First');
    await reply(STRANGER, 'Who is this?');
    await waitFor(async () => (await conversations(admin)).total === 2);

    const annConversation = (await conversations(admin)).items.find((c) => c.phoneNumber === ANN)!;
    await h.http().post(`/api/sms/conversations/${annConversation.id}/read`).set(admin).expect(204);

    expect((await conversations(admin, '?unread=true')).items.map((c) => c.phoneNumber)).toEqual([STRANGER]);
    expect((await conversations(user, '?unread=true')).items.map((c) => c.phoneNumber).sort()).toEqual(
      [ANN, STRANGER].sort(),
    );
    expect((await h.http().get('/api/sms/conversations/unread').set(admin).expect(200)).body).toEqual({
      conversations: 1,
    });
    expect((await conversations(admin, `?ownerId=${tenant.userId}`)).items.map((c) => c.phoneNumber)).toEqual([ANN]);

    // a new reply makes it unread again
    await reply(ANN, 'Second');
    await waitFor(async () => (await conversations(admin, '?unread=true')).total === 2);
    const again = (await conversations(admin)).items.find((c) => c.phoneNumber === ANN)!;
    expect(again.unreadCount).toBe(1);
  });

  it('opens a conversation for a one-to-one send but not for a bulk campaign', async () => {
    await h.http().post('/api/sms/send').set(admin).send({ phoneNumber: ANN, message: 'One to one' }).expect(202);
    await h
      .http()
      .post('/api/sms/campaigns')
      .set(admin)
      .send({ name: 'Blast', message: 'Sale', recipients: ['+14155550411', '+14155550412'] })
      .expect(201);
    const inbox = await conversations(admin);
    expect(inbox.items.map((c) => [c.phoneNumber, c.lastDirection, c.unreadCount])).toEqual([[ANN, 'outbound', 0]]);
  });
});

describe('SMS on the lead: opt-out toggle, list column and filters, campaign from a filter', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let admin: Headers;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
    tenant = await createTenant(db.database, 'Lead SMS Co');
    admin = await adminHeaders(h, tenant);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await h.sim.flushCallbacks();
    await clearSms(db.database);
    await db.database.db.delete(leads);
    h.sim.reset();
  });

  const createLead = async (body: Record<string, unknown>) =>
    (await h.http().post('/api/leads').set(admin).send(body).expect(201)).body as { id: number };
  const listLeads = async (query = '') =>
    (await h.http().get(`/api/leads${query}`).set(admin).expect(200)).body.items as {
      id: number;
      name: string;
      optedOut: boolean;
      lastSms: { direction: string; status: string; preview: string } | null;
    }[];

  it('toggles the lead’s opt-out (audited), and a send to it is refused while it is on', async () => {
    const lead = await createLead({ name: 'Ann Archer', phone: ANN });
    const on = await h.http().put(`/api/leads/${lead.id}/sms-opt-out`).set(admin).send({ optedOut: true }).expect(200);
    expect(on.body).toMatchObject({ phoneNumber: ANN, optedOut: true, source: 'manual' });
    const refused = await h.http().post('/api/sms/send').set(admin).send({ phoneNumber: ANN, message: 'Hi' });
    expect(refused.status).toBe(422);
    const off = await h
      .http()
      .put(`/api/leads/${lead.id}/sms-opt-out`)
      .set(admin)
      .send({ optedOut: false })
      .expect(200);
    expect(off.body).toMatchObject({ optedOut: false, source: null });
    const audit = await h.http().get('/api/sms/audit?action=opt_out.').set(admin).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['opt_out.remove', 'opt_out.add']);

    const noPhone = await createLead({ name: 'No Phone' });
    const bad = await h.http().put(`/api/leads/${noPhone.id}/sms-opt-out`).set(admin).send({ optedOut: true });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/no phone/);
  });

  it('lists each lead with its last SMS and opt-out state, filtered by replied / opted out / never texted', async () => {
    const replied = await createLead({ name: 'Replied Rita', phone: '+14155550421' });
    const texted = await createLead({ name: 'Texted Tom', phone: '+14155550422' });
    const optedOut = await createLead({ name: 'Opted Olga', phone: '+14155550423' });
    await createLead({ name: 'Never Ned', phone: '+14155550424' });
    await createLead({ name: 'Phoneless Pat' });
    await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ leadId: texted.id, phoneNumber: '+14155550422', message: 'Hello' })
      .expect(202);
    await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ leadId: texted.id, phoneNumber: '+14155550422', message: 'Hello again' })
      .expect(202);
    await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ leadId: replied.id, phoneNumber: '+14155550421', message: 'Hello' })
      .expect(202);
    await h.dispatcher.drain();
    await h.sim.injectInbound({
      accountSid: SIM_ACCOUNT_SID,
      from: '+14155550421',
      to: SIM_FROM,
      body: 'Sounds good',
      url: inboundUrl,
    });
    await h.http().put(`/api/leads/${optedOut.id}/sms-opt-out`).set(admin).send({ optedOut: true }).expect(200);

    const all = await listLeads();
    const byName = Object.fromEntries(all.map((l) => [l.name, l]));
    expect(byName['Replied Rita']!.lastSms).toMatchObject({ direction: 'inbound', preview: 'Sounds good' });
    expect(byName['Texted Tom']!.lastSms).toMatchObject({ direction: 'outbound', preview: 'Hello again' });
    expect(byName['Never Ned']!.lastSms).toBeNull();
    expect(byName['Opted Olga']!.optedOut).toBe(true);
    expect(byName['Texted Tom']!.optedOut).toBe(false);

    const names = async (sms: string) => (await listLeads(`?sms=${sms}`)).map((l) => l.name).sort();
    expect(await names('replied')).toEqual(['Replied Rita']);
    expect(await names('opted_out')).toEqual(['Opted Olga']);
    expect(await names('never_texted')).toEqual(['Never Ned', 'Opted Olga', 'Phoneless Pat']);
    const bad = await h.http().get('/api/leads?sms=sometimes').set(admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/sms/);
  });

  it('starts a campaign from the leads filter, saying first how many will be skipped and why', async () => {
    const strategy = (await h.http().post('/api/strategies').set(admin).send({ name: 'Roofs' }).expect(201)).body;
    const inStrategy = { strategyId: strategy.id, status: 'qualified' };
    await createLead({ name: 'Ann Archer', phone: '+14155550431', ...inStrategy });
    await createLead({ name: 'Bo Baker', phone: '+14155550432', ...inStrategy });
    const olga = await createLead({ name: 'Olga Opted', phone: '+14155550433', ...inStrategy });
    await createLead({ name: 'Pat Phoneless', ...inStrategy });
    await createLead({ name: 'Dee Duplicate', phone: '+14155550431', ...inStrategy });
    await createLead({ name: 'Other Strategy', phone: '+14155550434', status: 'qualified' });
    await h.http().put(`/api/leads/${olga.id}/sms-opt-out`).set(admin).send({ optedOut: true }).expect(200);

    const body = {
      name: 'Qualified roofs',
      message: 'Hi {{first_name}}, your roof quote is ready.',
      filter: { strategyId: strategy.id, status: 'qualified' },
    };
    const dry = await h
      .http()
      .post('/api/sms/campaigns/from-leads')
      .set(admin)
      .send({ ...body, dryRun: true })
      .expect(201);
    expect(dry.body.campaignId).toBeNull();
    expect(dry.body.counts).toMatchObject({ leads: 5, noPhone: 1, valid: 2, optedOut: 1, duplicate: 1 });

    const real = await h.http().post('/api/sms/campaigns/from-leads').set(admin).send(body).expect(201);
    expect(real.body.counts).toMatchObject({ valid: 2, noPhone: 1 });
    const messages = await h.http().get(`/api/sms/campaigns/${real.body.campaignId}/messages`).set(admin).expect(200);
    expect(messages.body.items.map((m: { message: string }) => m.message).sort()).toEqual([
      'Hi Ann, your roof quote is ready.',
      'Hi Bo, your roof quote is ready.',
    ]);
    expect(messages.body.items.every((m: { leadId: number | null }) => m.leadId !== null)).toBe(true);

    const none = await h
      .http()
      .post('/api/sms/campaigns/from-leads')
      .set(admin)
      .send({ ...body, filter: { status: 'lost' } });
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/filter: no lead matches/);
  });

  it('puts status changes on the lead timeline', async () => {
    const lead = await createLead({ name: 'Ann Archer', phone: ANN });
    await h.http().patch(`/api/leads/${lead.id}`).set(admin).send({ status: 'contacted' }).expect(200);
    await h.http().patch(`/api/leads/${lead.id}`).set(admin).send({ notes: 'no status change' }).expect(200);
    const timeline = await h.http().get(`/api/leads/${lead.id}/timeline`).set(admin).expect(200);
    expect(
      timeline.body.items.map((i: { event: { type: string; details: unknown } }) => [i.event.type, i.event.details]),
    ).toEqual([
      ['status_changed', { from: 'new', to: 'contacted' }],
      ['created', { status: 'new' }],
    ]);
  });
});

describe('sending to a lead with its fields as variables', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let admin: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database });
    admin = await adminHeaders(h, await createTenant(db.database, 'Variables Co'));
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });

  it('renders {{first_name}}, {{company}}… from the lead, and names a field the lead lacks', async () => {
    const lead = (
      await h
        .http()
        .post('/api/leads')
        .set(admin)
        .send({ name: 'Ann Archer', phone: ANN, company: 'Archer Roofing' })
        .expect(201)
    ).body as { id: number };
    const sent = await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ leadId: lead.id, message: 'Hi {{first_name}} at {{company}}, {{email|no email on file}}' })
      .expect(202);
    const detail = await h.http().get(`/api/sms/messages/${sent.body.id}`).set(admin).expect(200);
    expect(detail.body.message).toBe('Hi Ann at Archer Roofing, no email on file');
    const missing = await h.http().post('/api/sms/send').set(admin).send({ leadId: lead.id, message: 'Hi {{email}}' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/message: the lead has no value for \{\{email\}\}/);
  });

  it('fills defaults in a send without a lead, and refuses a placeholder without one by name', async () => {
    const sent = await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ phoneNumber: ANN, message: 'Hi {{first_name|there}}, {{ company | our team }} here' })
      .expect(202);
    const detail = await h.http().get(`/api/sms/messages/${sent.body.id}`).set(admin).expect(200);
    expect(detail.body.message).toBe('Hi there, our team here');
    const refused = await h
      .http()
      .post('/api/sms/send')
      .set(admin)
      .send({ phoneNumber: ANN, message: 'Hi {{first_name}}' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { field: 'message', message: expect.stringMatching(/\{\{first_name\}\} needs a lead/) },
    ]);
  });
});
