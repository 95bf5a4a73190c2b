import type { Server } from 'node:http';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsMessages, smsOptOuts } from 'src/core/database/schema';
import { SmsMessagesRepository } from 'src/shared/sms/repositories/sms-messages.repository';
import { SmsOptOutsRepository } from 'src/shared/sms/repositories/sms-opt-outs.repository';
import { phoneAt } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, SIM_ACCOUNT_SID, SIM_FROM, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const RECIPIENTS = 2_000;
const STOPS = 50;
// PGlite runs its queries on the event loop: a few dozen sends in flight is what it can keep answered.
const IN_FLIGHT = ON_POSTGRES ? 100 : 25;
// Every opt-out keyword takes part, in the cases people type them.
const KEYWORDS = ['STOP', 'stop', 'Unsubscribe', 'cancel', 'END', 'quit', 'STOPALL', 'revoke', 'OptOut', ' Stop '];

describe('a STOP racing a running campaign', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;
  let inboundUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({
      database: db.database,
      // 500 a second at most: the campaign takes seconds, so STOPs land before, during and after each send.
      env: {
        SMS_MAX_BATCH_SIZE: '200',
        SMS_MAX_IN_FLIGHT: String(IN_FLIGHT),
        SMS_RATE_LIMIT_PER_MINUTE: '30000',
        SMS_LEASE_SECONDS: '600',
      },
      // Sends overlap (each create answers after 20 ms); status callbacks are not what this looks at.
      knobs: { latencyMs: 20, callbackDelayMs: 600_000 },
      // A starved event loop must not turn a slow answer into the "no answer from Twilio" path (not tested here).
      providerTimeoutMs: 120_000,
    });
    inboundUrl = `${h.config.publicBaseUrl}/api/sms/webhooks/twilio/inbound`;
    // The simulator keeps its webhook sockets alive; Node's 5 s server default closes idle ones, and on a
    // starved event loop the simulator can write a STOP into a socket being closed (ECONNRESET).
    (h.app.getHttpServer() as Server).keepAliveTimeout = 600_000;
    // The first send of a process loads the SDK's modules, seconds on a busy machine: not what this is about.
    const warmUp = await createTenant(db.database, 'Warm Up');
    await h
      .http()
      .post('/api/sms/send')
      .set(await adminHeaders(h, warmUp))
      .send({ phoneNumber: '+14155550199', message: 'warm up' })
      .expect(202);
    await h.dispatcher.drain();
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.dispatcher.settled();
    await db.reset();
    h.sim.reset();
    tenant = await createTenant(db.database, 'Race Co');
    headers = await adminHeaders(h, tenant);
  });

  const stop = (from: string, body = 'STOP') =>
    h.sim.injectInbound({ accountSid: SIM_ACCOUNT_SID, from, to: SIM_FROM, body, url: inboundUrl });
  const outboundAtSim = () => h.sim.state().messages.filter((m) => m.direction === 'outbound-api');

  /** Ticks the dispatcher until told to stop, as the worker loop does (with a shorter pause). */
  function pumpDispatcher(): { stop(): Promise<void> } {
    let running = true;
    const loop = (async () => {
      while (running) {
        await h.dispatcher.tick();
        // Paced, or empty ticks (nothing to claim while the in-flight cap is full) crowd out everything else.
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        await h.dispatcher.settled();
      },
    };
  }

  it(
    `sends nothing to a number after its STOP was answered, while ${RECIPIENTS} campaign messages go out`,
    { timeout: 600_000 },
    async () => {
      const phones = Array.from({ length: RECIPIENTS }, (_, i) => phoneAt(i));
      const created = await h
        .http()
        .post('/api/sms/campaigns')
        .set(headers)
        .send({ name: 'Race', message: 'Spring sale: 20% off', recipients: phones })
        .expect(201);
      expect(created.body.counts).toMatchObject({ rows: RECIPIENTS, valid: RECIPIENTS });
      const campaignId = created.body.campaignId as number;

      // 50 numbers spread over the list after the first batches (whose sends open the SDK's connections,
      // seconds on a busy machine). Each STOP is injected when dispatch is near its number: at it (racing
      // the send), a batch ahead of it (racing the claim), or well ahead (before the claim).
      const leads = [0, IN_FLIGHT, 400];
      const first = 4 * IN_FLIGHT;
      const spacing = Math.floor((RECIPIENTS - first) / STOPS);
      const targets = Array.from({ length: STOPS }, (_, k) => ({
        index: first + k * spacing,
        lead: leads[k % leads.length]!,
        body: KEYWORDS[k % KEYWORDS.length]!,
      }));
      const stopped = new Set(targets.map((t) => phones[t.index]!));
      const answeredAt = new Map<string, number>();

      const byStatus = async () =>
        Object.fromEntries(
          (
            await db.database.db
              .select({ status: smsMessages.status, n: count() })
              .from(smsMessages)
              .where(eq(smsMessages.campaignId, campaignId))
              .groupBy(smsMessages.status)
          ).map((r) => [r.status, r.n]),
        ) as Record<string, number>;
      // Generous: the run is CPU-bound (PGlite answers every query on this event loop) on a shared machine.
      const deadline = Date.now() + 480_000;
      const stuck = async (what: string) =>
        new Error(`Timed out ${what}: ${JSON.stringify(await byStatus())}, ${answeredAt.size} STOPs answered`);

      const pump = pumpDispatcher();
      const injections: Promise<string | null>[] = [];
      try {
        const queue = [...targets].sort((a, b) => a.index - a.lead - (b.index - b.lead));
        while (queue.length) {
          // How far dispatch got: campaign messages claimed so far (sent, in flight or canceled).
          const counts = await byStatus();
          const reached = RECIPIENTS - (counts.pending ?? 0);
          while (queue.length && (queue[0]!.index - queue[0]!.lead <= reached || reached === RECIPIENTS)) {
            const t = queue.shift()!;
            const phone = phones[t.index]!;
            injections.push(
              stop(phone, t.body).then(
                (res) => {
                  // The opt-out committed before the webhook answered; nothing may reach Twilio after this.
                  answeredAt.set(phone, Date.now());
                  return res.status === 200 && res.body.includes('<Response/>')
                    ? null
                    : `STOP from ${phone}: ${res.status} ${res.body}`;
                },
                (e: unknown) => `STOP from ${phone}: ${String(e)}`,
              ),
            );
          }
          if (Date.now() > deadline) throw await stuck('injecting the STOPs');
          if (queue.length) await new Promise((r) => setTimeout(r, 20)); // pacing of this poll, not a wait for state
        }
        expect((await Promise.all(injections)).filter(Boolean)).toEqual([]);
        for (;;) {
          const counts = await byStatus();
          if (!counts.pending && !counts.sending) break;
          if (Date.now() > deadline) throw await stuck('for every campaign message to leave the queue');
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await pump.stop();
        await Promise.all(injections);
      }

      const sim = outboundAtSim();
      const atSim = new Map<string, number[]>();
      for (const m of sim) atSim.set(m.to, [...(atSim.get(m.to) ?? []), m.createdAt]);
      const rows = await db.database.db
        .select({
          phoneNumber: smsMessages.phoneNumber,
          status: smsMessages.status,
          statusReason: smsMessages.statusReason,
          twilioSid: smsMessages.twilioSid,
        })
        .from(smsMessages)
        .where(eq(smsMessages.campaignId, campaignId));
      expect(rows).toHaveLength(RECIPIENTS);

      const problems: string[] = [];
      let canceled = 0;
      let sentBeforeStop = 0;
      for (const row of rows) {
        const creates = atSim.get(row.phoneNumber) ?? [];
        if (stopped.has(row.phoneNumber)) {
          const answered = answeredAt.get(row.phoneNumber)!;
          const late = creates.filter((at) => at > answered);
          if (late.length)
            problems.push(
              `${row.phoneNumber}: created at Twilio ${late.map((at) => at - answered)} ms after its STOP was answered`,
            );
          if (creates.length > 1) problems.push(`${row.phoneNumber}: sent ${creates.length} times`);
          if (creates.length === 0) {
            canceled += 1;
            if (row.status !== 'canceled' || row.statusReason !== 'opted_out')
              problems.push(`${row.phoneNumber}: not sent but ${row.status}/${row.statusReason}`);
          } else {
            sentBeforeStop += 1;
            if (row.status !== 'sent') problems.push(`${row.phoneNumber}: sent before its STOP but ${row.status}`);
          }
        } else {
          if (creates.length !== 1) problems.push(`${row.phoneNumber}: sent ${creates.length} times, not once`);
          if (row.status !== 'sent' || !row.twilioSid) problems.push(`${row.phoneNumber}: ${row.status}`);
        }
      }
      expect(problems).toEqual([]);
      expect(canceled + sentBeforeStop).toBe(STOPS);
      // The race happened: at least the STOPs injected well ahead of their number stopped a message.
      expect(canceled).toBeGreaterThan(0);
      expect(sim).toHaveLength(RECIPIENTS - canceled);
      expect(h.sim.state().counters).toMatchObject({
        createRequests: RECIPIENTS - canceled,
        created: RECIPIENTS - canceled,
      });

      const campaign = (await h.http().get(`/api/sms/campaigns/${campaignId}`).set(headers).expect(200)).body;
      expect(campaign).toMatchObject({
        pending: 0,
        optedOut: canceled,
        canceled,
        sentCount: RECIPIENTS - canceled,
        failedCount: 0,
      });
      const list = await db.database.db
        .select()
        .from(smsOptOuts)
        .where(eq(smsOptOuts.subAccountId, tenant.subAccountId));
      expect(list.map((o) => `${o.phoneNumber}:${o.source}`).sort()).toEqual(
        [...stopped].map((p) => `${p}:keyword`).sort(),
      );
    },
  );

  it(
    'does not answer a STOP until a send that passed its last opt-out check has reached Twilio',
    { timeout: 120_000 },
    async () => {
      const phone = '+14155550190';
      const id = (
        await h
          .http()
          .post('/api/sms/send')
          .set(headers)
          .send({ phoneNumber: phone, message: 'Your appointment is tomorrow' })
          .expect(202)
      ).body.id as number;
      const optOuts = h.app.get(SmsOptOutsRepository);
      const optedOutAmong = optOuts.optedOutAmong.bind(optOuts);
      const messages = h.app.get(SmsMessagesRepository);
      const hasSendInFlight = messages.hasSendInFlight.bind(messages);
      let answeredAt: number | undefined;
      let injected: Promise<unknown> | undefined;
      // Barrier: the STOP has committed and found this send on its way to Twilio (it must wait for it).
      let stopSawSend = false;
      let sawSend!: () => void;
      const stopWaitsForSend = new Promise<void>((resolve) => (sawSend = resolve));
      messages.hasSendInFlight = async (subAccountId, phoneNumber, now) => {
        const inFlight = await hasSendInFlight(subAccountId, phoneNumber, now);
        if (phoneNumber === phone && inFlight) {
          stopSawSend = true;
          sawSend();
        }
        return inFlight;
      };
      // The dispatcher's check right before the provider calls answers "not opted out"; then, before the
      // call is made, the STOP commits and either waits for this send (right) or is answered (wrong).
      optOuts.optedOutAmong = async (...args: Parameters<typeof optedOutAmong>) => {
        const result = await optedOutAmong(...args);
        if (args[1].includes(phone) && !injected) {
          injected = stop(phone).then((res) => {
            answeredAt = Date.now();
            return res;
          });
          await Promise.race([injected, stopWaitsForSend]);
        }
        return result;
      };
      try {
        await h.dispatcher.drain();
        await injected;
      } finally {
        optOuts.optedOutAmong = optedOutAmong;
        messages.hasSendInFlight = hasSendInFlight;
      }
      expect(stopSawSend).toBe(true); // the interleaving under test happened
      const [created] = outboundAtSim();
      expect(created).toMatchObject({ to: phone });
      expect(created!.createdAt).toBeLessThanOrEqual(answeredAt!);
      const [row] = await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, id));
      expect(row).toMatchObject({ status: 'sent', twilioSid: created!.sid });
      // And nothing more goes to that number.
      await h.http().post('/api/sms/send').set(headers).send({ phoneNumber: phone, message: 'again' }).expect(422);
    },
  );
});
