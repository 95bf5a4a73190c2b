import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, smsMessages, smsOptOuts, smsUnassignedInbound } from 'src/core/database/schema';
import { clearSms, type Headers } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NUMBER_A = '+14155550301';
const NUMBER_B = '+14155550302';

describe('which SubAccount a reply belongs to', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let a: Tenant;
  let b: Tenant;
  let adminA: Headers;
  let adminB: Headers;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({
      database: db.database,
      knobs: { callbackDelayMs: 600_000 },
      simSenders: { [SIM_ACCOUNT_SID]: { phoneNumbers: [NUMBER_A, NUMBER_B] } },
    });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
    a = await createTenant(db.database, 'Route A');
    b = await createTenant(db.database, 'Route B');
    adminA = await adminHeaders(h, a);
    adminB = await adminHeaders(h, b);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await clearSms(db.database);
    await db.database.db.delete(smsUnassignedInbound);
    await db.database.db.delete(leads);
    h.sim.reset();
  });

  const reply = (from: string, to: string, body: string) =>
    h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from, to, body, url: inboundUrl });
  const inbound = async () =>
    (
      await db.database.db
        .select()
        .from(smsMessages)
        .where(eq(smsMessages.direction, 'inbound'))
        .orderBy(smsMessages.id)
    ).map((m) => ({
      subAccountId: m.subAccountId,
      from: m.phoneNumber,
      to: m.fromNumber,
      body: m.message,
      leadId: m.leadId,
    }));
  const unassigned = () => db.database.db.select().from(smsUnassignedInbound).orderBy(smsUnassignedInbound.id);
  const send = (headers: Headers, phoneNumber: string) =>
    h.http().post('/api/sms/send').set(headers).send({ phoneNumber, message: 'Hello' }).expect(202);

  it("stores a reply in the SubAccount whose own sender number it was sent to, linked to that SubAccount's lead", async () => {
    // Both use the simulator's account, each with its own number.
    await h
      .http()
      .put('/api/sms/settings')
      .set(adminA)
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN, phoneNumber: NUMBER_A })
      .expect(200);
    await h
      .http()
      .put('/api/sms/settings')
      .set(adminB)
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN, phoneNumber: NUMBER_B })
      .expect(200);
    const person = '+14155550399';
    const [leadA] = await db.database.db
      .insert(leads)
      .values({ subAccountId: a.subAccountId, name: 'Pat at A', phone: person })
      .returning();
    const [leadB] = await db.database.db
      .insert(leads)
      .values({ subAccountId: b.subAccountId, name: 'Pat at B', phone: person })
      .returning();
    // B texted this person last: that must not matter when the reply names A's own number.
    await send(adminA, person);
    await send(adminB, person);

    expect((await reply(person, NUMBER_A, 'For A')).status).toBe(200);
    expect((await reply(person, NUMBER_B, 'For B')).status).toBe(200);
    expect(await inbound()).toEqual([
      { subAccountId: a.subAccountId, from: person, to: NUMBER_A, body: 'For A', leadId: leadA!.id },
      { subAccountId: b.subAccountId, from: person, to: NUMBER_B, body: 'For B', leadId: leadB!.id },
    ]);
    // A STOP to A's number opts out of A only.
    await reply(person, NUMBER_A, 'STOP');
    const list = await db.database.db.select().from(smsOptOuts);
    expect(list.map((o) => o.subAccountId)).toEqual([a.subAccountId]);
    await send(adminB, person);
  });

  it('files a reply to the shared sender under the one SubAccount that texted the person, never guessing among several', async () => {
    const person = '+14155550398';
    await send(adminA, person);
    await reply(person, SIM_FROM, 'Who is this?');
    await send(adminB, person);
    const res = await reply(person, SIM_FROM, 'Oh, you again');
    expect(res.status).toBe(200);
    expect((await inbound()).map((m) => [m.subAccountId, m.body])).toEqual([[a.subAccountId, 'Who is this?']]);
    expect(await unassigned()).toEqual([
      expect.objectContaining({
        fromNumber: person,
        toNumber: SIM_FROM,
        body: 'Oh, you again',
        candidateSubAccountIds: [a.subAccountId, b.subAccountId],
      }),
    ]);
  });

  it('files a reply under the SubAccount that owns a lead with that phone, even before any text', async () => {
    const person = '+14155550395';
    await db.database.db.insert(leads).values({ subAccountId: b.subAccountId, name: 'Lee at B', phone: person });
    await reply(person, SIM_FROM, 'Saw your ad');
    expect(await inbound()).toEqual([
      expect.objectContaining({ subAccountId: b.subAccountId, body: 'Saw your ad', leadId: expect.any(Number) }),
    ]);
  });

  it('keeps a first text nobody knows in the Unassigned inbox; its STOP opts out of every SubAccount on that sender', async () => {
    const person = '+14155550397';
    const res = await reply(person, SIM_FROM, 'STOP');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Response/>');
    expect(await inbound()).toEqual([]);
    expect(await unassigned()).toEqual([
      expect.objectContaining({ fromNumber: person, body: 'STOP', keyword: 'opt_out', candidateSubAccountIds: [] }),
    ]);
    const list = await db.database.db.select().from(smsOptOuts).orderBy(smsOptOuts.subAccountId);
    expect(list.map((o) => [o.subAccountId, o.source])).toEqual([
      [a.subAccountId, 'keyword'],
      [b.subAccountId, 'keyword'],
    ]);
    // Twilio would refuse these too (21610): nobody on the shared sender may text them any more.
    const refused = await h.http().post('/api/sms/send').set(adminB).send({ phoneNumber: person, message: 'Hi' });
    expect(refused.status).toBe(422);
  });

  it('applies a STOP and a START filed under one SubAccount to every SubAccount on the shared sender', async () => {
    const person = '+14155550394';
    await send(adminA, person);
    await reply(person, SIM_FROM, 'stop');
    expect((await inbound()).map((m) => m.subAccountId)).toEqual([a.subAccountId]);
    const subAccountsOptedOut = async () =>
      (await db.database.db.select().from(smsOptOuts).orderBy(smsOptOuts.subAccountId)).map((o) => o.subAccountId);
    expect(await subAccountsOptedOut()).toEqual([a.subAccountId, b.subAccountId]);
    await reply(person, SIM_FROM, 'START');
    expect(await subAccountsOptedOut()).toEqual([]);
  });

  it('does not let an opt-out on the shared sender reach a SubAccount that sends from its own number', async () => {
    await h
      .http()
      .put('/api/sms/settings')
      .set(adminB)
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: SIM_AUTH_TOKEN, phoneNumber: NUMBER_B })
      .expect(200);
    const person = '+14155550393';
    await send(adminA, person);
    await reply(person, SIM_FROM, 'STOP');
    expect((await db.database.db.select().from(smsOptOuts)).map((o) => o.subAccountId)).toEqual([a.subAccountId]);
  });

  it('answers HELP with empty TwiML when the SubAccount has no help text, and still records it', async () => {
    const person = '+14155550396';
    await send(adminA, person);
    await h.http().put('/api/sms/settings').set(adminA).send({ helpText: null }).expect(200);
    const res = await reply(person, SIM_FROM, 'help');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Response/>');
    expect(res.body).not.toContain('<Message>');
    const info = await reply(person, SIM_FROM, 'INFO');
    expect(info.body).toContain('<Response/>');
    expect((await inbound()).map((m) => [m.subAccountId, m.body])).toEqual([
      [a.subAccountId, 'help'],
      [a.subAccountId, 'INFO'],
    ]);
  });
});
