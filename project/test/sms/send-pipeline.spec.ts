import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('send pipeline through the real SDK and the simulator', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database });
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
    h.sim.setKnobs({ rate429: 0, rate5xx: 0, outcomes: {} });
    tenant = await createTenant(db.database, 'Pipeline Co');
    headers = await adminHeaders(h, tenant);
  });

  const message = async (id: number) => (await h.http().get(`/api/sms/messages/${id}`).set(headers).expect(200)).body;
  const send = (body: object, extra: Record<string, string> = {}) =>
    h
      .http()
      .post('/api/sms/send')
      .set({ ...headers, ...extra })
      .send(body);

  it('accepts a message as pending, sends it once, and tracks it to delivered', async () => {
    const res = await send({ phoneNumber: '(415) 555-0142', message: 'Your roof inspection is at 9am.' }).expect(202);
    expect(res.body).toMatchObject({ status: 'pending', phoneNumber: '+14155550142', segments: 1, encoding: 'GSM-7' });
    expect(h.sim.state().counters.created).toBe(0);

    await h.dispatcher.drain();
    const sent = await message(res.body.id);
    expect(['sent', 'delivered']).toContain(sent.status); // the simulator's callbacks may already be in
    expect(sent.twilioSid).toMatch(/^SM[0-9a-f]{32}$/);

    const delivered = await waitFor(
      async () => {
        const m = await message(res.body.id);
        return m.status === 'delivered' && m;
      },
      10_000,
      'delivered',
    );
    expect(delivered.deliveredAt).toBeTruthy();
    expect(h.sim.state().counters.created).toBe(1);
    expect(delivered.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['accepted', 'sent', 'webhook_status']),
    );
    const stats = (await h.http().get('/api/sms/stats').set(headers).expect(200)).body;
    expect(stats).toMatchObject({ totalSent: 1, totalDelivered: 1, totalFailed: 0, deliveryRate: 1, totalSegments: 1 });
  });

  it('rejects an invalid number with a reason and stores nothing', async () => {
    const res = await send({ phoneNumber: '12', message: 'hi' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'phoneNumber', message: expect.stringMatching(/short|not a/i) }]);
    const list = await h.http().get('/api/sms/messages').set(headers).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('rejects an empty body and a body over 1600 characters', async () => {
    expect((await send({ phoneNumber: '+14155550142', message: '   ' }).expect(400)).body.details[0].field).toBe(
      'message',
    );
    expect((await send({ phoneNumber: '+14155550142', message: 'x'.repeat(1601) }).expect(400)).body.message).toMatch(
      /1600/,
    );
  });

  it('fails at once on a permanent Twilio error and keeps its code', async () => {
    const res = await send({ phoneNumber: '+15005550009', message: 'hello' }).expect(202);
    await h.dispatcher.drain();
    const m = await message(res.body.id);
    expect(m).toMatchObject({ status: 'failed', errorCode: 21614, attempts: 1 });
  });

  it('retries after a 429 and then succeeds', async () => {
    h.sim.setKnobs({ rate429: 1 });
    const res = await send({ phoneNumber: '+14155550143', message: 'retry me' }).expect(202);
    await h.dispatcher.tick();
    await h.dispatcher.settled();
    let m = await message(res.body.id);
    expect(m).toMatchObject({ status: 'pending', errorCode: 20429, attempts: 1 });
    h.sim.setKnobs({ rate429: 0 });
    await h.dispatcher.drain();
    m = await message(res.body.id);
    expect(m.attempts).toBe(2);
    expect(['sent', 'delivered']).toContain(m.status);
    expect(h.sim.state().counters.created).toBe(1);
  });

  it('dead-letters after SMS_RETRY_ATTEMPTS retries, and a manual retry sends it', async () => {
    h.sim.setKnobs({ rate5xx: 1 });
    const res = await send({ phoneNumber: '+14155550144', message: 'server errors' }).expect(202);
    await h.dispatcher.drain();
    let m = await message(res.body.id);
    expect(m.status).toBe('failed');
    expect(m.attempts).toBe(h.config.sms.retryAttempts + 1);
    expect(m.errorMessage).toMatch(/Gave up after 4 attempts/);

    h.sim.setKnobs({ rate5xx: 0 });
    const retried = await h.http().post(`/api/sms/messages/${res.body.id}/retry`).set(headers).expect(200);
    expect(retried.body.status).toBe('pending');
    await h.dispatcher.drain();
    m = await message(res.body.id);
    expect(['sent', 'delivered']).toContain(m.status);
    const stats = (await h.http().get('/api/sms/stats').set(headers).expect(200)).body;
    expect(stats.totalFailed).toBe(0);
    expect(stats.totalSent).toBe(1);
  });

  it('only retries failed messages and only cancels pending ones', async () => {
    const res = await send({ phoneNumber: '+14155550145', message: 'cancel me' }).expect(202);
    await h.http().post(`/api/sms/messages/${res.body.id}/retry`).set(headers).expect(409);
    const canceled = await h.http().post(`/api/sms/messages/${res.body.id}/cancel`).set(headers).expect(200);
    expect(canceled.body.status).toBe('canceled');
    await h.dispatcher.drain();
    expect(h.sim.state().counters.createRequests).toBe(0);
    await h.http().post(`/api/sms/messages/${res.body.id}/cancel`).set(headers).expect(409);
  });

  it('returns the same message for a repeated Idempotency-Key', async () => {
    const first = await send({ phoneNumber: '+14155550146', message: 'once' }, { 'Idempotency-Key': 'abc-123' }).expect(
      202,
    );
    const second = await send(
      { phoneNumber: '+14155550146', message: 'once' },
      { 'Idempotency-Key': 'abc-123' },
    ).expect(202);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.replayed).toBe(true);
    await send({ phoneNumber: '+14155550146', message: 'different' }, { 'Idempotency-Key': 'abc-123' }).expect(409);
    await h.dispatcher.drain();
    expect(h.sim.state().counters.created).toBe(1);
  });

  it('leaves a scheduled message alone until it is due', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const res = await send({ phoneNumber: '+14155550147', message: 'later', scheduledAt: at }).expect(202);
    await h.dispatcher.drain();
    expect((await message(res.body.id)).status).toBe('pending');
    await send({ phoneNumber: '+14155550147', message: 'past', scheduledAt: '2020-01-01T00:00:00Z' }).expect(400);
  });

  it('refuses an opted-out number and a send over the spending cap', async () => {
    const { smsOptOuts, smsSettings } = await import('src/core/database/schema');
    await db.database.db
      .insert(smsOptOuts)
      .values({ subAccountId: tenant.subAccountId, phoneNumber: '+14155550148', source: 'manual' });
    const out = await send({ phoneNumber: '+14155550148', message: 'hi' }).expect(422);
    expect(out.body.message).toMatch(/opted out/);
    await db.database.db.insert(smsSettings).values({ subAccountId: tenant.subAccountId, spendingCapSegments: 2 });
    await send({ phoneNumber: '+14155550149', message: 'one segment' }).expect(202);
    const capped = await send({ phoneNumber: '+14155550149', message: 'x'.repeat(200) }).expect(422);
    expect(capped.body.message).toMatch(/spending cap/i);
  });
});
