import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { SMS_PROVIDER, type SmsProvider } from 'src/shared/sms/interfaces/sms-provider.interface';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('lost status callbacks are reconciled from Twilio', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;
  const clock = new ManualClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, clock, knobs: { dropCallbackRate: 1 } });
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await h.sim.flushCallbacks();
    await db.reset();
    h.sim.reset();
    clock.set(new Date());
    tenant = await createTenant(db.database, 'Reconcile Co');
    headers = await adminHeaders(h, tenant);
  });

  const message = async (id: number) => (await h.http().get(`/api/sms/messages/${id}`).set(headers).expect(200)).body;

  it('fetches a message left sent past the threshold and applies its final status and price once', async () => {
    const res = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550190', message: 'hello' })
      .expect(202);
    await h.dispatcher.drain();
    // Twilio has delivered it, but every callback was dropped.
    await waitFor(
      async () => h.sim.state().messages.find((m) => m.status === 'delivered'),
      5_000,
      'delivery at the simulator',
    );
    expect((await message(res.body.id)).status).toBe('sent');

    clock.advance(59 * 60_000);
    await h.dispatcher.tick();
    expect((await message(res.body.id)).status).toBe('sent');

    clock.advance(2 * 60_000);
    await h.dispatcher.tick();
    const m = await message(res.body.id);
    expect(m.status).toBe('delivered');
    expect(Number(m.price)).toBeLessThan(0);
    expect(m.events.map((e: { type: string }) => e.type)).toContain('status_fetch_applied');
    const stats = (await h.http().get('/api/sms/stats').set(headers).expect(200)).body;
    expect(stats.totalDelivered).toBe(1);
    expect(stats.totalCost).toBeCloseTo(Math.abs(Number(m.price)), 5);

    const check = (await db.database.db.execute(
      sql`select next_status_check_at from sms_messages where id = ${res.body.id}`,
    )) as unknown as {
      rows: { next_status_check_at: unknown }[];
    };
    expect(check.rows[0]!.next_status_check_at).toBeNull();
  });

  it('stops asking after a few checks with growing gaps when Twilio never reports a final status', async () => {
    h.sim.setKnobs({ outcomes: { '+14155550191': 'sent' } });
    const res = await h
      .http()
      .post('/api/sms/send')
      .set(headers)
      .send({ phoneNumber: '+14155550191', message: 'no dlr' })
      .expect(202);
    await h.dispatcher.drain();
    const checksAt: number[] = [];
    for (let minute = 0; minute < 24 * 60; minute += 10) {
      clock.advance(10 * 60_000);
      const before = (await db.database.db.execute(
        sql`select status_checks from sms_messages where id = ${res.body.id}`,
      )) as unknown as { rows: { status_checks: number }[] };
      await h.dispatcher.tick();
      const after = (await db.database.db.execute(
        sql`select status_checks from sms_messages where id = ${res.body.id}`,
      )) as unknown as { rows: { status_checks: number }[] };
      if (after.rows[0]!.status_checks > before.rows[0]!.status_checks) checksAt.push(minute + 10);
    }
    expect(checksAt.length).toBe(4);
    const gaps = checksAt.slice(1).map((t, i) => t - checksAt[i]!);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect((await message(res.body.id)).status).toBe('sent');
  });

  it('collects the prices of delivered messages with one list call, not one fetch per message', async () => {
    h.sim.setKnobs({ dropCallbackRate: 0 });
    const provider = h.app.get<SmsProvider>(SMS_PROVIDER);
    const calls = { fetch: 0, list: 0 };
    const fetch = provider.fetch.bind(provider);
    const list = provider.listSentBetween.bind(provider);
    provider.fetch = (c, sid) => (calls.fetch++, fetch(c, sid));
    provider.listSentBetween = (c, q) => (calls.list++, list(c, q));
    try {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          (
            await h
              .http()
              .post('/api/sms/send')
              .set(headers)
              .send({ phoneNumber: `+1415555020${i}`, message: 'priced later' })
              .expect(202)
          ).body.id as number,
        );
      await h.dispatcher.drain();
      await waitFor(
        async () => (await Promise.all(ids.map(message))).every((m) => m.status === 'delivered'),
        10_000,
        'delivery callbacks',
      );
      // Callbacks carry no price: not known yet, which is not $0.
      expect((await message(ids[0]!)).price).toBeNull();

      clock.advance(3 * 60_000);
      await h.dispatcher.tick();
      for (const id of ids) expect(Number((await message(id)).price)).toBeLessThan(0);
      expect(calls).toEqual({ fetch: 0, list: 1 });
    } finally {
      provider.fetch = fetch;
      provider.listSentBetween = list;
    }
  });
});
