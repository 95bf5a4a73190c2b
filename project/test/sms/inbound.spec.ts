import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leads, smsOptOuts } from 'src/core/database/schema';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('inbound replies and opt-out keywords', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    // Callbacks of the previous test must land before the tables are emptied under them.
    await h.dispatcher.settled();
    await h.sim.flushCallbacks();
    await db.reset();
    h.sim.reset();
    tenant = await createTenant(db.database, 'Inbound Co');
    headers = await adminHeaders(h, tenant);
  });

  const inject = (from: string, body: string, extra: { optOutType?: 'STOP' | 'START' | 'HELP' } = {}) =>
    h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from, to: SIM_FROM, body, url: inboundUrl, ...extra });
  const inbox = async () => (await h.http().get('/api/sms/messages?direction=inbound').set(headers).expect(200)).body;
  const optedOut = async () =>
    (await db.database.db.select().from(smsOptOuts)).map((o) => `${o.phoneNumber}:${o.source}`);

  it('stores a signed reply in the only SubAccount, linked to the lead with that number, and answers empty TwiML', async () => {
    const [lead] = await db.database.db
      .insert(leads)
      .values({ subAccountId: tenant.subAccountId, name: 'Jane', phone: '+14155550177' })
      .returning();
    const res = await inject('+14155550177', 'Yes, Tuesday works');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Response/>');
    const list = await inbox();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      direction: 'inbound',
      status: 'received',
      phoneNumber: '+14155550177',
      message: 'Yes, Tuesday works',
      leadId: lead!.id,
      twilioSid: res.messageSid,
    });
  });

  it('stores a repeated webhook (same MessageSid) once', async () => {
    const first = await inject('+14155550178', 'hello');
    const again = await h.http().post('/api/sms/webhooks/twilio/inbound').type('form').send({});
    expect(again.status).toBe(403); // unsigned: refused, nothing stored
    const { twilioSignature } = await import('../../../twilio-sim/src');
    const params = {
      MessageSid: first.messageSid,
      AccountSid: SIM_ACCOUNT_SID,
      From: '+14155550178',
      To: SIM_FROM,
      Body: 'hello',
      NumSegments: '1',
    };
    const signature = twilioSignature(h.sim.accounts[SIM_ACCOUNT_SID]!, inboundUrl, params);
    await h
      .http()
      .post('/api/sms/webhooks/twilio/inbound')
      .type('form')
      .set('X-Twilio-Signature', signature)
      .send(params)
      .expect(200);
    expect((await inbox()).total).toBe(1);
  });

  it('opts out on STOP (any case, trimmed) and refuses the next send; START opts back in', async () => {
    await inject('+14155550179', '  stop ');
    expect(await optedOut()).toEqual(['+14155550179:keyword']);
    const refused = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550179', message: 'promo' })
      .expect(422);
    expect(refused.body.message).toMatch(/opted out/);
    await inject('+14155550179', 'START');
    expect(await optedOut()).toEqual([]);
    await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550179', message: 'welcome back' })
      .expect(202);
  });

  it('does not treat a sentence containing STOP as an opt-out, but honours Twilio OptOutType', async () => {
    await inject('+14155550180', 'please stop calling me at work');
    expect(await optedOut()).toEqual([]);
    await inject('+14155550180', 'ARRET', { optOutType: 'STOP' });
    expect(await optedOut()).toEqual(['+14155550180:keyword']);
  });

  it('answers HELP with the SubAccount help text', async () => {
    await h
      .http()
      .put('/api/sms/settings')
      .set(headers)
      .send({ helpText: 'Demo Roofing: reply STOP to opt out. Call 555-0100 & ask <us>.' })
      .expect(200);
    const res = await inject('+14155550181', 'help');
    expect(res.body).toContain(
      '<Response><Message>Demo Roofing: reply STOP to opt out. Call 555-0100 &amp; ask &lt;us&gt;.</Message></Response>',
    );
  });

  it('refuses an inbound webhook signed with the wrong token', async () => {
    const { twilioSignature } = await import('../../../twilio-sim/src');
    const params = {
      MessageSid: 'SM' + 'b'.repeat(32),
      AccountSid: SIM_ACCOUNT_SID,
      From: '+14155550182',
      To: SIM_FROM,
      Body: 'STOP',
    };
    const signature = twilioSignature('not-the-token', inboundUrl, params);
    await h
      .http()
      .post('/api/sms/webhooks/twilio/inbound')
      .type('form')
      .set('X-Twilio-Signature', signature)
      .send(params)
      .expect(403);
    expect(await optedOut()).toEqual([]);
    expect((await inbox()).total).toBe(0);
  });
});
