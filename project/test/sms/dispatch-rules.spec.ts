import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrincipalStateCache } from 'src/core/auth/principal-state.cache';
import { ManualClock } from 'src/core/clock/clock';
import { smsMessages, smsOptOuts, smsRateBuckets } from 'src/core/database/schema';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { CAP_RECOVERY_MS, HALVING_WINDOW_MS } from 'src/shared/sms/dispatch/in-flight-cap';
import { bootEngine, SIM_ACCOUNT_SID, SIM_AUTH_TOKEN, waitFor, type EngineHarness } from '../support/engine-harness';
import { createSystemAdmin, headersFor } from '../support/role-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A number the simulated account owns, so a SubAccount admin may name it. */
const OWN_NUMBER = '+14155550900';
/** Twilio refuses the token these tests save, so only a system admin can pair a number with it. */
const systemAdminIn = async (t: EngineHarness, database: TestDatabase['database'], subAccountId: number) =>
  headersFor(t, await createSystemAdmin(database), subAccountId);

describe('dispatch rules', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let clock: ManualClock;
  let tenant: Tenant;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock();
    // Status callbacks are not what these tests look at.
    h = await bootEngine({
      database: db.database,
      clock,
      knobs: { callbackDelayMs: 600_000 },
      simSenders: { [SIM_ACCOUNT_SID]: { phoneNumbers: [OWN_NUMBER] } },
    });
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    // Truncated accounts come back with the same ids; the ManualClock never ages the guard's cache.
    h.app.get(PrincipalStateCache).clear();
    h.sim.reset();
    clock.set(new Date());
    tenant = await createTenant(db.database, 'Rules Co');
    headers = await adminHeaders(h, tenant);
  });

  const send = (hdrs: Record<string, string>, phoneNumber: string, message = 'Hello from Loctelli') =>
    h.http().post('/api/sms/send').set(hdrs).send({ phoneNumber, message }).expect(202);
  const row = async (id: number) => (await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, id)))[0]!;
  const counters = () => h.sim.state().counters;
  const settings = async (hdrs: Record<string, string>) =>
    (await h.http().get('/api/sms/settings').set(hdrs).expect(200)).body;

  /** Due pending messages inserted directly (what an accepted campaign leaves in the queue). */
  async function queue(t: Tenant, n: number): Promise<void> {
    const rows = Array.from({ length: n }, (_, i) => ({
      subAccountId: t.subAccountId,
      phoneNumber: `+1415${String(7_000_000 + i)}`,
      message: `Queued ${i}`,
      notBefore: new Date(clock.now().getTime() - 1_000),
    }));
    await db.database.db.insert(smsMessages).values(rows);
  }

  async function countStatus(t: Tenant, status: 'pending' | 'sending' | 'sent') {
    const [r] = await db.database.db
      .select({ n: count() })
      .from(smsMessages)
      .where(and(eq(smsMessages.subAccountId, t.subAccountId), eq(smsMessages.status, status)));
    return r!.n;
  }

  async function tickAll(harnesses: EngineHarness[]): Promise<number> {
    let claimed = 0;
    for (const x of harnesses) {
      claimed += await x.dispatcher.tick();
      await x.dispatcher.settled();
    }
    return claimed;
  }

  it('holds the token bucket across instances: a burst of one second, then the rate, in segments', async () => {
    // 600 messages a minute = 10 segments a second: the bucket holds 10, shared by both instances.
    await h.http().put('/api/sms/settings').set(headers).send({ rateLimitPerMinute: 600 }).expect(200);
    const second = await bootEngine({ database: db.database, clock, sim: h.sim });
    try {
      await queue(tenant, 100);
      const both = [h, second];
      const claimedOver = async (rounds: number) => {
        let claimed = 0;
        for (let i = 0; i < rounds; i++) claimed += await tickAll(both);
        return claimed;
      };
      expect(await claimedOver(3)).toBe(10); // a second's worth, not a minute's
      expect(counters().created).toBe(10);

      clock.advance(500); // 5 segments
      expect(await claimedOver(3)).toBe(5);

      clock.advance(10 * 60_000); // the bucket fills to one second, no further
      expect(await claimedOver(3)).toBe(10);
      expect(counters().created).toBe(25);
    } finally {
      await second.close();
    }
  });

  it('counts the rate in segments: a 3-segment message spends three tokens', async () => {
    await h.http().put('/api/sms/settings').set(headers).send({ rateSegmentsPerSecond: 6 }).expect(200);
    const rows = Array.from({ length: 10 }, (_, i) => ({
      subAccountId: tenant.subAccountId,
      phoneNumber: `+1415${String(7_100_000 + i)}`,
      message: `Long ${i}`,
      segments: 3,
      notBefore: new Date(clock.now().getTime() - 1_000),
    }));
    await db.database.db.insert(smsMessages).values(rows);
    expect(await tickAll([h])).toBe(6); // six whole tokens: six messages may start, 18 segments are charged
    expect(await tickAll([h])).toBe(0);
    clock.advance(2_000); // 12 segments of the 12 owed: still nothing
    expect(await tickAll([h])).toBe(0);
    clock.advance(1_000); // one second more: a full bucket again
    expect(await tickAll([h])).toBe(4);
  });

  it('claims single sends before campaign rows of the same SubAccount', async () => {
    await h.http().put('/api/sms/settings').set(headers).send({ rateSegmentsPerSecond: 2 }).expect(200);
    const campaign = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Bulk', message: 'Sale', recipients: ['+14155550201', '+14155550202', '+14155550203'] })
      .expect(201);
    expect(campaign.body.campaignId).toBeDefined();
    const single = (await send(headers, '+14155550299')).body.id as number;
    await tickAll([h]);
    expect(await row(single)).toMatchObject({ status: 'sent' });
    expect(await countStatus(tenant, 'sent')).toBe(2); // the single send and one campaign row
  });

  it('halves the in-flight cap after a 429, and honours it when claiming', async () => {
    h.sim.setKnobs({ rate429: 1 });
    const first = (await send(headers, '+14155550120')).body.id as number;
    await tickAll([h]);
    expect(await row(first)).toMatchObject({ status: 'pending', errorCode: 20429 });
    const maxInFlight = h.config.sms.maxInFlight;
    let [bucket] = await db.database.db
      .select()
      .from(smsRateBuckets)
      .where(eq(smsRateBuckets.subAccountId, tenant.subAccountId));
    expect(bucket!.inFlightCap).toBe(maxInFlight / 2);
    expect(bucket!.inFlightCapUntil!.getTime()).toBeGreaterThan(clock.now().getTime());

    clock.advance(HALVING_WINDOW_MS); // a 429 for a later request halves again
    await tickAll([h]);
    [bucket] = await db.database.db
      .select()
      .from(smsRateBuckets)
      .where(eq(smsRateBuckets.subAccountId, tenant.subAccountId));
    expect(bucket!.inFlightCap).toBe(Math.floor(maxInFlight / 4));

    h.sim.setKnobs({ rate429: 0 });
    await queue(tenant, 100);
    expect(await h.dispatcher.tick()).toBe(Math.floor(maxInFlight / 4));
    await h.dispatcher.settled();

    clock.advance(CAP_RECOVERY_MS); // the cap has grown back to the setting
    expect(await h.dispatcher.tick()).toBe(maxInFlight);
    await h.dispatcher.settled();
  });

  it('pauses a SubAccount whose credentials Twilio rejects (20003), lets others send, and resumes on new credentials', async () => {
    const other = await createTenant(db.database, 'Wrong Keys Co');
    const otherHeaders = await adminHeaders(h, other);
    await h
      .http()
      .put('/api/sms/settings')
      .set(await systemAdminIn(h, db.database, other.subAccountId))
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: 'notTheRightToken000000', phoneNumber: OWN_NUMBER })
      .expect(200);
    const rejectedIds = [
      (await send(otherHeaders, '+14155550121')).body.id,
      (await send(otherHeaders, '+14155550122')).body.id,
    ];
    const okId = (await send(headers, '+14155550123')).body.id;

    await h.dispatcher.drain();
    expect(await row(okId)).toMatchObject({ status: 'sent' });
    for (const id of rejectedIds)
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, errorCode: 20003 });
    expect(await settings(otherHeaders)).toMatchObject({
      credentialsStatus: 'rejected',
      dispatchPaused: true,
      dispatchPausedReason: expect.stringMatching(/rejected the credentials/),
    });
    expect(await settings(headers)).toMatchObject({ dispatchPaused: false });

    // The rest of the system goes on; the paused SubAccount makes no calls.
    const requestsWhilePaused = counters().createRequests;
    const laterId = (await send(headers, '+14155550124')).body.id;
    await h.dispatcher.drain();
    expect(await row(laterId)).toMatchObject({ status: 'sent' });
    expect(counters().createRequests).toBe(requestsWhilePaused + 1);

    const saved = await h
      .http()
      .put('/api/sms/settings')
      .set(otherHeaders)
      .send({ authToken: SIM_AUTH_TOKEN })
      .expect(200);
    expect(saved.body).toMatchObject({ dispatchPaused: false, credentialsStatus: 'unknown' });
    await h.dispatcher.drain();
    for (const id of rejectedIds) expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("keeps a paused SubAccount's messages pending, however long", async () => {
    await h
      .http()
      .put('/api/sms/settings')
      .set(await systemAdminIn(h, db.database, tenant.subAccountId))
      .send({ accountSid: SIM_ACCOUNT_SID, authToken: 'notTheRightToken000000', phoneNumber: OWN_NUMBER })
      .expect(200);
    await send(headers, '+14155550125');
    await h.dispatcher.drain();
    expect((await settings(headers)).dispatchPaused).toBe(true);
    const requests = counters().createRequests;

    await queue(tenant, 5);
    for (let i = 0; i < 3; i++) {
      clock.advance(3_600_000);
      await h.dispatcher.drain();
    }
    expect(await countStatus(tenant, 'pending')).toBe(6);
    expect(counters().createRequests).toBe(requests);
  });

  it('finishes the sends in flight when the app closes, and leaves nothing sending', async () => {
    h.sim.setKnobs({ latencyMs: 300 });
    const closing = await bootEngine({
      database: db.database,
      clock,
      sim: h.sim,
      env: { SMS_MAX_IN_FLIGHT: '10', SMS_DISPATCH_INTERVAL_MS: '20' },
    });
    await queue(tenant, 30);
    closing.dispatcher.start();
    await waitFor(async () => (await countStatus(tenant, 'sending')) >= 10, 10_000, 'sends in flight');
    await closing.close();

    expect(await countStatus(tenant, 'sending')).toBe(0);
    expect(closing.dispatcher.running).toBe(false);
    expect(await closing.dispatcher.tick()).toBe(0); // claims nothing once closing
    const sent = await countStatus(tenant, 'sent');
    expect(sent).toBeGreaterThanOrEqual(10);
    expect(sent + (await countStatus(tenant, 'pending'))).toBe(30);
    expect(counters().created).toBe(sent);
  });

  // A held row lock is how the claim is caught mid-way; PGlite runs one transaction at a time, so PostgreSQL only.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'waits at close for a claim under way and puts what it claimed back in the queue, unsent',
    async () => {
      const closing = await bootEngine({ database: db.database, clock, sim: h.sim });
      await queue(tenant, 1);
      await closing.dispatcher.drain(); // the SubAccount's rate bucket row exists from here on
      await queue(tenant, 5);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holder = db.database.db.transaction(async (tx) => {
        await tx
          .select()
          .from(smsRateBuckets)
          .where(eq(smsRateBuckets.subAccountId, tenant.subAccountId))
          .for('update');
        await held;
      });
      closing.dispatcher.start();
      await waitFor(() => backendsWaitingOnALock(), 10_000, 'the claim to wait for the bucket');
      let closed = false;
      const close = closing.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 500)); // time for a close that does not wait to finish
      expect(closed).toBe(false);
      release();
      await holder;
      await close;

      expect(counters().created).toBe(1);
      expect(await countStatus(tenant, 'sending')).toBe(0);
      expect(await countStatus(tenant, 'pending')).toBe(5);
      const attempts = await db.database.db
        .select({ attempts: smsMessages.attempts })
        .from(smsMessages)
        .where(eq(smsMessages.status, 'pending'));
      expect(attempts.map((r) => r.attempts)).toEqual([0, 0, 0, 0, 0]);
    },
  );

  async function backendsWaitingOnALock(): Promise<boolean> {
    const res = (await db.database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { rows: { n: number }[] };
    return res.rows[0]!.n > 0;
  }

  it('cancels at claim a message whose number opted out after it was accepted, and sends nothing', async () => {
    const id = (await send(headers, '+14155550126')).body.id as number;
    await db.database.db
      .insert(smsOptOuts)
      .values({ subAccountId: tenant.subAccountId, phoneNumber: '+14155550126', source: 'keyword' });
    await h.dispatcher.drain();
    const m = (await h.http().get(`/api/sms/messages/${id}`).set(headers).expect(200)).body;
    expect(m).toMatchObject({ status: 'canceled', statusReason: 'opted_out', attempts: 0 });
    expect(m.events.map((e: { type: string }) => e.type)).toContain('canceled');
    expect(counters().createRequests).toBe(0);
  });

  it('fails a message Twilio refuses with 21610 and adds the number to the opt-out list', async () => {
    const id = (await send(headers, '+15005550004')).body.id as number;
    await h.dispatcher.drain();
    expect(await row(id)).toMatchObject({ status: 'failed', errorCode: 21610, attempts: 1 });
    const optOuts = await db.database.db
      .select()
      .from(smsOptOuts)
      .where(eq(smsOptOuts.subAccountId, tenant.subAccountId));
    expect(optOuts).toEqual([expect.objectContaining({ phoneNumber: '+15005550004', source: 'error_21610' })]);
    const again = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+15005550004', message: 'again' })
      .expect(422);
    expect(again.body.message).toMatch(/opted out/);
  });
});
