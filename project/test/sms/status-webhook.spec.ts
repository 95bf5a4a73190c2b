import { randomBytes } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsCampaigns, smsDailyStats, smsEarlyCallbacks, smsEvents, smsMessages } from 'src/core/database/schema';
import { ClaimService } from 'src/shared/sms/dispatch/claim.service';
import { MessageLifecycleService } from 'src/shared/sms/dispatch/message-lifecycle.service';
import { SmsEventsRepository } from 'src/shared/sms/repositories/sms-events.repository';
import { SenderService } from 'src/shared/sms/settings/sender.service';
import { twilioSignature } from '../../../twilio-sim/src';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import {
  bootEngine,
  SIM_ACCOUNT_SID,
  SIM_AUTH_TOKEN,
  SIM_FROM,
  waitFor,
  type EngineHarness,
} from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const PATH = '/api/sms/webhooks/twilio/status';
const B_ACCOUNT_SID = 'AC' + 'b'.repeat(32);
const B_AUTH_TOKEN = 'tenantBauthToken0123456789';

type Params = Record<string, string>;

describe('Twilio status webhook', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenantA: Tenant;
  let headersA: Record<string, string>;
  let publicUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The simulator posts no callbacks by itself unless a test asks it to: tests post their own.
    h = await bootEngine({ database: db.database, knobs: { callbackDelayMs: 600_000 } });
    publicUrl = h.config.publicBaseUrl + PATH;
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    h.sim.reset();
    tenantA = await createTenant(db.database, 'Alpha Roofing');
    headersA = await adminHeaders(h, tenantA);
  });

  const sign = (params: Params, token = SIM_AUTH_TOKEN, url = publicUrl) => twilioSignature(token, url, params);
  const post = (params: Params, signature?: string, headers: Record<string, string> = {}) => {
    const req = h.http().post(PATH).type('form').set(headers);
    if (signature !== undefined) req.set('X-Twilio-Signature', signature);
    return req.send(params);
  };
  const postSigned = (params: Params) => post(params, sign(params));

  function callback(m: { twilioSid: string | null; phoneNumber: string }, status: string, extra: Params = {}): Params {
    return {
      MessageSid: m.twilioSid!,
      SmsSid: m.twilioSid!,
      AccountSid: SIM_ACCOUNT_SID,
      From: SIM_FROM,
      To: m.phoneNumber,
      MessageStatus: status,
      SmsStatus: status,
      ApiVersion: '2010-04-01',
      ...extra,
    };
  }

  /** A campaign message of tenant A, sent through the simulator: `sent` with its sid, no callback yet. */
  /** `expectStatus`: what the row may say once sent (a callback due in 20 ms may already be applied on a slow run). */
  async function sentMessage(to = '+14155550100', expectStatus: string | string[] = 'sent') {
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({
        subAccountId: tenantA.subAccountId,
        name: 'Spring',
        message: 'Spring deals',
        status: 'sending',
        totalRecipients: 1,
      })
      .returning();
    const [row] = await db.database.db
      .insert(smsMessages)
      .values({
        subAccountId: tenantA.subAccountId,
        campaignId: campaign!.id,
        phoneNumber: to,
        message: 'Spring deals',
      })
      .returning();
    await h.dispatcher.drain();
    const sent = await findMessage(row!.id);
    expect([expectStatus].flat()).toContain(sent!.status);
    expect(sent).toMatchObject({ twilioSid: expect.stringMatching(/^SM/) });
    return sent;
  }

  const providerMessage = (sid: string, to: string) => ({
    sid,
    status: 'queued',
    to,
    from: SIM_FROM,
    body: 'hello',
    dateCreated: new Date(),
    dateSent: null,
    errorCode: null,
    errorMessage: null,
    numSegments: 1,
    price: null,
    priceUnit: null,
  });

  const findMessage = async (id: number) =>
    (await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, id)))[0]!;

  const countWhere = async (query: ReturnType<typeof sql>) =>
    Number(((await db.database.db.execute(query)) as unknown as { rows: { n: string | number }[] }).rows[0]?.n ?? 0);

  /** Everything a status callback may change. */
  async function snapshot(id: number) {
    const message = await findMessage(id);
    const [events] = await db.database.db.select({ n: count() }).from(smsEvents).where(eq(smsEvents.messageId, id));
    const daily = await db.database.db.select().from(smsDailyStats);
    const campaign = message.campaignId
      ? (await db.database.db.select().from(smsCampaigns).where(eq(smsCampaigns.id, message.campaignId)))[0]
      : undefined;
    const [early] = await db.database.db.select({ n: count() }).from(smsEarlyCallbacks);
    return { message, events: events!.n, daily, campaign, early: early!.n };
  }

  it('rejects an unsigned callback with 403 and changes nothing', async () => {
    const m = await sentMessage();
    const before = await snapshot(m.id);
    await post(callback(m, 'delivered')).expect(403);
    expect(await snapshot(m.id)).toEqual(before);
  });

  it('rejects a wrongly signed callback with 403 and changes nothing', async () => {
    const m = await sentMessage();
    const before = await snapshot(m.id);
    await post(callback(m, 'delivered'), sign(callback(m, 'delivered'), 'notTheAuthToken0000000000')).expect(403);
    // Signed for `sent`, then tampered to `delivered`.
    await post(callback(m, 'delivered'), sign(callback(m, 'sent'))).expect(403);
    expect(await snapshot(m.id)).toEqual(before);
    await postSigned(callback(m, 'delivered')).expect(200);
    expect((await findMessage(m.id)).status).toBe('delivered');
  });

  it("rejects a callback for one tenant's message signed with another tenant's auth token", async () => {
    const tenantB = await createTenant(db.database, 'Beta Plumbing');
    const headersB = await adminHeaders(h, tenantB);
    await h
      .http()
      .put('/api/sms/settings')
      .set(headersB)
      .send({ accountSid: B_ACCOUNT_SID, authToken: B_AUTH_TOKEN })
      .expect(200);
    const m = await sentMessage();
    const before = await snapshot(m.id);

    // B's genuine signature over B's AccountSid, naming A's message.
    const asB = callback(m, 'delivered', { AccountSid: B_ACCOUNT_SID });
    await post(asB, sign(asB, B_AUTH_TOKEN)).expect(403);
    // B's token over A's AccountSid.
    const claimsA = callback(m, 'delivered');
    await post(claimsA, sign(claimsA, B_AUTH_TOKEN)).expect(403);
    expect(await snapshot(m.id)).toEqual(before);

    await postSigned(callback(m, 'delivered')).expect(200);
    expect((await findMessage(m.id)).status).toBe('delivered');
  });

  it("accepts callbacks signed with a SubAccount's new auth token as soon as it is saved", async () => {
    const tenantB = await createTenant(db.database, 'Beta Plumbing');
    const headersB = await adminHeaders(h, tenantB);
    const saveToken = (authToken: string) =>
      h.http().put('/api/sms/settings').set(headersB).send({ accountSid: B_ACCOUNT_SID, authToken }).expect(200);
    await saveToken(B_AUTH_TOKEN);
    const [m] = await db.database.db
      .insert(smsMessages)
      .values({
        subAccountId: tenantB.subAccountId,
        phoneNumber: '+14155550123',
        message: 'hi',
        status: 'sent',
        twilioSid: 'SM' + 'c'.repeat(32),
      })
      .returning();
    const sent = callback(m!, 'sent', { AccountSid: B_ACCOUNT_SID });
    await post(sent, sign(sent, B_AUTH_TOKEN)).expect(200); // the token is remembered from here
    const rotated = 'tenantBrotatedToken98765432';
    await saveToken(rotated);
    const delivered = callback(m!, 'delivered', { AccountSid: B_ACCOUNT_SID });
    await post(delivered, sign(delivered, rotated)).expect(200);
    expect((await findMessage(m!.id)).status).toBe('delivered');
  });

  it('changes nothing when the same callback is replayed', async () => {
    const m = await sentMessage();
    const delivered = callback(m, 'delivered', { RawDlrDoneDate: '2601011200' });
    await postSigned(delivered).expect(200);
    const once = await snapshot(m.id);
    expect(once.message.status).toBe('delivered');
    expect(once.campaign).toMatchObject({ sentCount: 1, deliveredCount: 1 });
    expect(once.daily).toEqual([expect.objectContaining({ sent: 1, delivered: 1 })]);

    await postSigned(delivered).expect(200);
    await postSigned(delivered).expect(200);
    expect(await snapshot(m.id)).toEqual(once);
  });

  it('ends delivered when the delivered callback arrives before the sent one', async () => {
    h.sim.setKnobs({ callbackDelayMs: 20, reorderCallbacks: true });
    const m = await sentMessage('+14155550101');
    await h.sim.flushCallbacks();
    const counters = h.sim.state().counters;
    expect(counters).toMatchObject({ callbacksPosted: 2, callbacksFailed: 0 });
    const after = await snapshot(m.id);
    expect(after.message.status).toBe('delivered');
    expect(after.campaign).toMatchObject({ sentCount: 1, deliveredCount: 1 });
    expect(after.daily).toEqual([expect.objectContaining({ sent: 1, delivered: 1, undelivered: 0, failed: 0 })]);
  });

  it('does not move a delivered message back to sent', async () => {
    const m = await sentMessage();
    await postSigned(callback(m, 'delivered')).expect(200);
    const delivered = await snapshot(m.id);
    await postSigned(callback(m, 'sent')).expect(200);
    await postSigned(callback(m, 'queued')).expect(200);
    const after = await snapshot(m.id);
    expect(after.message).toEqual(delivered.message);
    expect(after.campaign).toEqual(delivered.campaign);
    expect(after.daily).toEqual(delivered.daily);
  });

  it('records undelivered with error 30003 and counts it in the stats', async () => {
    h.sim.setKnobs({ callbackDelayMs: 20, outcomes: { '+14155550102': 'undelivered:30003' } });
    const m = await sentMessage('+14155550102', ['sent', 'undelivered']);
    await h.sim.flushCallbacks();
    expect(h.sim.state().counters).toMatchObject({ callbacksPosted: 2, callbacksFailed: 0 });
    const after = await findMessage(m.id);
    expect(after).toMatchObject({ status: 'undelivered', errorCode: 30003 });
    const stats = (await h.http().get('/api/sms/stats').set(headersA).expect(200)).body;
    expect(stats).toMatchObject({
      totalSent: 1,
      totalUndelivered: 1,
      totalDelivered: 0,
      totalFailed: 0,
      deliveryRate: 0,
    });
  });

  it('buffers callbacks that race ahead of the recorded send and applies them when it is recorded', async () => {
    // The create answer takes 300 ms; both callbacks come at 20 and 40 ms, before the sid is stored.
    h.sim.setKnobs({ callbackDelayMs: 20, latencyMs: 300 });
    // recordSent itself applies them: the message is delivered when the dispatcher is done with it.
    const m = await sentMessage('+14155550103', 'delivered');
    await h.sim.flushCallbacks();
    expect(h.sim.state().counters).toMatchObject({ callbacksPosted: 2, callbacksFailed: 0 });
    const after = await snapshot(m.id);
    expect(after.message.status).toBe('delivered');
    expect(after.early).toBe(0);
    expect(after.campaign).toMatchObject({ sentCount: 1, deliveredCount: 1 });
  });

  it('buffers a signed callback for an unknown sid, and applies it when the lifecycle records that sid', async () => {
    const [row] = await db.database.db
      .insert(smsMessages)
      .values({ subAccountId: tenantA.subAccountId, phoneNumber: '+14155550104', message: 'hello' })
      .returning();
    const sender = await h.app.get(SenderService).resolve(tenantA.subAccountId);
    const [claimed] = await h.app.get(ClaimService).claim(sender);
    expect(claimed).toMatchObject({ id: row!.id, status: 'sending' });

    const sid = `SM${randomBytes(16).toString('hex')}`;
    const early = callback({ twilioSid: sid, phoneNumber: '+14155550104' }, 'delivered');
    await post(early).expect(403); // unsigned: not even buffered
    expect((await snapshot(row!.id)).early).toBe(0);
    await postSigned(early).expect(200);
    const buffered = await snapshot(row!.id);
    expect(buffered.early).toBe(1);
    expect(buffered.message.status).toBe('sending');

    await h.app.get(MessageLifecycleService).recordSent(row!.id, providerMessage(sid, '+14155550104'));
    const after = await snapshot(row!.id);
    expect(after.message).toMatchObject({ status: 'delivered', twilioSid: sid });
    expect(after.early).toBe(0);
    expect(after.daily).toEqual([expect.objectContaining({ sent: 1, delivered: 1 })]);
  });

  it('applies a callback that arrives while the send that stores its sid is committing', async () => {
    const [row] = await db.database.db
      .insert(smsMessages)
      .values({ subAccountId: tenantA.subAccountId, phoneNumber: '+14155550105', message: 'hello' })
      .returning();
    const sender = await h.app.get(SenderService).resolve(tenantA.subAccountId);
    await h.app.get(ClaimService).claim(sender);
    const sid = `SM${randomBytes(16).toString('hex')}`;

    // Hold recordSent's transaction open after it looked for buffered callbacks, before it commits.
    const events = h.app.get(SmsEventsRepository);
    const take = events.takeEarlyCallbacksFor.bind(events);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    events.takeEarlyCallbacksFor = async (dbOrTx, s) => {
      const taken = await take(dbOrTx, s);
      events.takeEarlyCallbacksFor = take;
      reached();
      await gate;
      return taken;
    };
    // Barrier on the callback's side: it has been authenticated and is at the database.
    const lifecycle = h.app.get(MessageLifecycleService);
    const applyStatus = lifecycle.applyTwilioStatus.bind(lifecycle);
    const applied: string[] = [];
    let entered!: () => void;
    const atApply = new Promise<void>((resolve) => (entered = resolve));
    lifecycle.applyTwilioStatus = async (...args) => {
      if (args[0] === sid) entered();
      const result = await applyStatus(...args);
      if (args[0] === sid) applied.push(result);
      return result;
    };
    try {
      const recording = lifecycle.recordSent(row!.id, providerMessage(sid, '+14155550105'));
      await atGate;
      let answered = false;
      const posting = postSigned(callback({ twilioSid: sid, phoneNumber: '+14155550105' }, 'delivered')).then((r) => {
        answered = true;
        return r;
      });
      await atApply;
      if (db.database.driver === 'postgres') {
        // The interleaving under test: the callback did not find the uncommitted sid and now waits for the
        // sid's lock that the send holds. Wait until the server shows it waiting, not for a timer.
        await waitFor(async () => applied[0] === 'unknown_sid', 10_000, 'the callback to miss the uncommitted sid');
        await waitFor(
          async () =>
            (await countWhere(sql`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`)) ===
            1,
          10_000,
          "the callback to wait for the send's lock",
        );
      }
      // On PGlite (one connection) the callback waits for the open transaction itself.
      expect(answered).toBe(false);
      release();
      await recording;
      expect((await posting).status).toBe(200);
      if (db.database.driver === 'postgres') expect(applied).toEqual(['unknown_sid', 'changed']);
    } finally {
      events.takeEarlyCallbacksFor = take;
      lifecycle.applyTwilioStatus = applyStatus;
      release();
    }
    const after = await snapshot(row!.id);
    expect(after.message).toMatchObject({ status: 'delivered', twilioSid: sid });
    expect(after.early).toBe(0);
  });

  it('checks the signature over PUBLIC_BASE_URL, not the URL the request names', async () => {
    const m = await sentMessage();
    const params = callback(m, 'delivered');
    const spoofedHost = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
    await post(params, sign(params, SIM_AUTH_TOKEN, `https://evil.example${PATH}`), spoofedHost).expect(403);
    await post(
      params,
      sign(params, SIM_AUTH_TOKEN, `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`),
    ).expect(403);
    await post(params, sign(params, SIM_AUTH_TOKEN, `${publicUrl}?x=1`)).expect(403);
    expect((await findMessage(m.id)).status).toBe('sent');

    await post(params, sign(params), spoofedHost).expect(200);
    await waitFor(async () => (await findMessage(m.id)).status === 'delivered', 2_000, 'delivered');
  });
});
