import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { smsEvents, smsMessages } from 'src/core/database/schema';
import { ClaimService } from 'src/shared/sms/dispatch/claim.service';
import { SMS_PROVIDER, type SmsProvider } from 'src/shared/sms/interfaces/sms-provider.interface';
import { SenderService } from 'src/shared/sms/settings/sender.service';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** DESIGN §4 step 4: a send whose outcome is unknown is looked up at Twilio before it is sent again. */
describe('lease expiry and unknown send outcomes', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let clock: ManualClock;
  let tenant: Tenant;
  let headers: Record<string, string>;
  let leaseMs: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock();
    // No status callbacks: these tests are about the create call alone. The SDK gives up after 300 ms.
    h = await bootEngine({ database: db.database, clock, providerTimeoutMs: 300, knobs: { callbackDelayMs: 600_000 } });
    leaseMs = h.config.sms.leaseSeconds * 1000;
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    h.sim.reset();
    clock.set(new Date());
    tenant = await createTenant(db.database, 'Lease Co');
    headers = await adminHeaders(h, tenant);
  });

  const accept = async (phoneNumber: string, message = 'Your crew arrives at 8am.') =>
    (await h.http().post('/api/sms/send').set(headers).send({ phoneNumber, message }).expect(202)).body.id as number;
  const row = async (id: number) => (await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, id)))[0]!;
  const eventTypes = async (id: number) =>
    (await db.database.db.select().from(smsEvents).where(eq(smsEvents.messageId, id)).orderBy(smsEvents.id)).map(
      (e) => e.type,
    );
  const counters = () => h.sim.state().counters;

  /** A worker claims the message and dies: nothing records what happened next. */
  async function claimAndDie(id: number, reachTwilio: boolean): Promise<string | undefined> {
    const sender = await h.app.get(SenderService).resolve(tenant.subAccountId);
    const claimed = await h.app.get(ClaimService).claim(sender);
    expect(claimed.map((r) => r.id)).toEqual([id]);
    if (!reachTwilio) return undefined;
    const provider = h.app.get<SmsProvider>(SMS_PROVIDER);
    const accepted = await provider.send(sender.credentials!, {
      to: claimed[0]!.phoneNumber,
      body: claimed[0]!.message,
      from: sender.from,
      statusCallback: `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/status`,
    });
    return accepted.sid;
  }

  it('records a message that reached Twilio before its worker died as sent, with the same sid, without sending it again', async () => {
    const id = await accept('+14155550110');
    const sid = await claimAndDie(id, true);
    expect(counters().created).toBe(1);

    // Lease still held: nobody touches it.
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'sending', twilioSid: null });

    clock.advance(leaseMs + 1_000);
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'sent', twilioSid: sid, attempts: 1, lockedUntil: null });
    await h.dispatcher.drain();
    expect(counters()).toMatchObject({ createRequests: 1, created: 1 });
    expect(await eventTypes(id)).toContain('sent');
  });

  it('sends a message whose worker died before reaching Twilio exactly once after the lease expires', async () => {
    const id = await accept('+14155550111');
    await claimAndDie(id, false);
    clock.advance(leaseMs + 1_000);
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, twilioSid: expect.stringMatching(/^SM/) });
    expect(counters()).toMatchObject({ createRequests: 1, created: 1 });
    expect(await eventTypes(id)).toEqual(expect.arrayContaining(['retry_scheduled', 'sent']));
  });

  it("does not take another message's send with the same text to the same number for its own", async () => {
    const first = await accept('+14155550112', 'Same words');
    await h.dispatcher.drain();
    const firstSid = (await row(first)).twilioSid;
    expect(firstSid).toMatch(/^SM/);

    const second = await accept('+14155550112', 'Same words');
    await claimAndDie(second, false);
    clock.advance(leaseMs + 1_000);
    await h.dispatcher.drain();
    const recovered = await row(second);
    expect(recovered.status).toBe('sent');
    expect(recovered.twilioSid).not.toBe(firstSid);
    expect(counters().created).toBe(2);
  });

  it('re-sends once, after the lease, when the connection dropped before Twilio created the message', async () => {
    h.sim.setKnobs({ dropBeforeCreateRate: 1 });
    const id = await accept('+14155550113');
    await h.dispatcher.drain();
    // Not at Twilio, but it could still land there: held, not re-sent yet.
    expect(await row(id)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(counters()).toMatchObject({ dropsBeforeCreate: 1, created: 0 });

    h.sim.setKnobs({ dropBeforeCreateRate: 0 });
    clock.advance(leaseMs + 1_000);
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(counters()).toMatchObject({ createRequests: 2, created: 1 });
    expect(await eventTypes(id)).toEqual(expect.arrayContaining(['outcome_unknown', 'retry_scheduled', 'sent']));
  });

  it('does not re-send when a create that got no answer lands at Twilio after the first look-up', async () => {
    h.sim.setKnobs({ dropBeforeCreateRate: 1 });
    const id = await accept('+14155550116');
    await h.dispatcher.drain();
    expect(counters().created).toBe(0);

    // The request we gave up on reaches Twilio late (it was stuck on the way).
    h.sim.setKnobs({ dropBeforeCreateRate: 0 });
    const sender = await h.app.get(SenderService).resolve(tenant.subAccountId);
    const late = await h.app.get<SmsProvider>(SMS_PROVIDER).send(sender.credentials!, {
      to: '+14155550116',
      body: (await row(id)).message,
      from: sender.from,
      statusCallback: `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/status`,
    });
    await h.dispatcher.drain();
    expect((await row(id)).status).toBe('sending');

    clock.advance(leaseMs + 1_000);
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'sent', twilioSid: late.sid });
    expect(counters().created).toBe(1);
  });

  it('finds a message whose create got no answer at Twilio instead of sending it again', async () => {
    h.sim.setKnobs({ timeoutRate: 1, timeoutMs: 10_000 });
    const id = await accept('+14155550114');
    await h.dispatcher.drain();
    const [simMessage] = h.sim.state().messages;
    expect(await row(id)).toMatchObject({ status: 'sent', twilioSid: simMessage!.sid, attempts: 1 });
    expect(counters()).toMatchObject({ createRequests: 1, created: 1, timeouts: 1 });
  });

  it('keeps the lease when Twilio cannot be asked either, and settles it at Twilio after the lease expires', async () => {
    // The create is held back, and every answer (the look-up too) comes after the SDK gave up.
    h.sim.setKnobs({ timeoutRate: 1, timeoutMs: 10_000, latencyMs: 1_000 });
    const id = await accept('+14155550115');
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'sending', twilioSid: null });
    expect(counters().created).toBe(1);

    h.sim.setKnobs({ timeoutRate: 0, latencyMs: 0 });
    await h.dispatcher.drain();
    expect((await row(id)).status).toBe('sending'); // the lease has not expired yet

    clock.advance(leaseMs + 1_000);
    await h.dispatcher.drain();
    const [simMessage] = h.sim.state().messages;
    expect(await row(id)).toMatchObject({ status: 'sent', twilioSid: simMessage!.sid });
    expect(counters()).toMatchObject({ createRequests: 1, created: 1 });
  });
});
