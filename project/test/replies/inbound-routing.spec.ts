import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, smsMessages, smsOptOuts } from 'src/core/database/schema';
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
    h = await bootEngine({ database: db.database, knobs: { callbackDelayMs: 600_000 } });
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

  it('stores a reply to the shared sender in the SubAccount that last texted that person', async () => {
    const person = '+14155550398';
    await send(adminA, person);
    await send(adminB, person);
    await reply(person, SIM_FROM, 'Who is this?');
    await send(adminA, person);
    await reply(person, SIM_FROM, 'Oh, you again');
    expect((await inbound()).map((m) => [m.subAccountId, m.body])).toEqual([
      [b.subAccountId, 'Who is this?'],
      [a.subAccountId, 'Oh, you again'],
    ]);
  });

  it('answers but stores nothing when a reply to the shared sender matches no single SubAccount', async () => {
    const res = await reply('+14155550397', SIM_FROM, 'STOP');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Response/>');
    expect(await inbound()).toEqual([]);
    expect(await db.database.db.select().from(smsOptOuts)).toEqual([]);
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
