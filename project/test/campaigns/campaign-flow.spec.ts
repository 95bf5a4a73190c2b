import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, waitFor, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('campaigns end to end', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, env: { SMS_MAX_BATCH_SIZE: '500', SMS_MAX_IN_FLIGHT: '100' } });
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
    h.sim.setKnobs({ failedRate: 0, undeliveredRate: 0, latencyMs: 0 });
    tenant = await createTenant(db.database, 'Campaign Co');
    headers = await adminHeaders(h, tenant);
  });

  const campaign = async (id: number) => (await h.http().get(`/api/sms/campaigns/${id}`).set(headers).expect(200)).body;
  const numbers = (n: number, base = 4155550000) => Array.from({ length: n }, (_, i) => `+1${base + i}`);

  it('creates a campaign from numbers and variables, sends it and completes it', async () => {
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({
        name: 'Spring',
        message: 'Hi {{first_name|there}}, spring checks are on.',
        recipients: [
          '+14155550001',
          { phoneNumber: '+14155550002', variables: { 'First Name': 'Ann' } },
          'nope',
          '+14155550001',
        ],
      })
      .expect(201);
    expect(res.body.counts).toMatchObject({ rows: 4, valid: 2, invalid: 1, duplicate: 1 });
    const id = res.body.campaignId as number;
    expect((await campaign(id)).status).toBe('sending');
    await h.dispatcher.drain();
    const done = await waitFor(async () => {
      const c = await campaign(id);
      return c.deliveredCount === 2 && c;
    });
    expect(done).toMatchObject({ status: 'completed', totalRecipients: 2, sentCount: 2, pending: 0, progress: 1 });
    expect(done.completedAt).toBeTruthy();
    const msgs = (await h.http().get(`/api/sms/campaigns/${id}/messages`).set(headers).expect(200)).body;
    expect(msgs.items.map((m: { message: string }) => m.message).sort()).toEqual([
      'Hi Ann, spring checks are on.',
      'Hi there, spring checks are on.',
    ]);
  });

  it('completes when its last message is sent, without waiting for a status callback that may never come', async () => {
    h.sim.setKnobs({ dropCallbackRate: 1 });
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'No callbacks', message: 'Hello', recipients: numbers(3) })
      .expect(201);
    await h.dispatcher.drain();
    await h.dispatcher.settled();
    const c = await campaign(res.body.campaignId as number);
    expect(c).toMatchObject({ status: 'completed', sentCount: 3, deliveredCount: 0, pending: 0 });
  });

  it('keeps a scheduled campaign unsent until it is due, then sends it', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Later', message: 'later', recipients: numbers(3), scheduledAt: at })
      .expect(201);
    const id = res.body.campaignId;
    await h.dispatcher.drain();
    expect(await campaign(id)).toMatchObject({ status: 'scheduled', sentCount: 0, pending: 3 });
    await db.database.db.execute(
      sql`update sms_campaigns set scheduled_at = now() - interval '1 second' where id = ${id}`,
    );
    await db.database.db.execute(
      sql`update sms_messages set not_before = now() - interval '1 second' where campaign_id = ${id}`,
    );
    await h.dispatcher.drain();
    expect((await campaign(id)).sentCount).toBe(3);
  });

  it('pauses (no new claims), resumes and cancels', async () => {
    await h.http().put('/api/sms/settings').set(headers).send({ maxInFlight: 10 }).expect(200);
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Ctl', message: 'x', recipients: numbers(50) })
      .expect(201);
    const id = res.body.campaignId;
    await h.http().post(`/api/sms/campaigns/${id}/pause`).set(headers).expect(200);
    await h.dispatcher.drain();
    expect(h.sim.state().counters.createRequests).toBe(0);
    expect((await campaign(id)).status).toBe('paused');
    await h.http().post(`/api/sms/campaigns/${id}/resume`).set(headers).expect(200);
    await h.dispatcher.tick();
    await h.dispatcher.settled();
    const afterOne = await campaign(id);
    expect(afterOne.sentCount).toBeGreaterThan(0);
    const canceled = (await h.http().post(`/api/sms/campaigns/${id}/cancel`).set(headers).expect(200)).body;
    expect(canceled.status).toBe('canceled');
    expect(canceled.canceled + canceled.sentCount).toBe(50);
    await h.dispatcher.drain();
    expect(h.sim.state().counters.created).toBe(canceled.sentCount);
    await h.http().post(`/api/sms/campaigns/${id}/resume`).set(headers).expect(409);
    await h.http().delete(`/api/sms/campaigns/${id}`).set(headers).expect(409);
  });

  it('completes on resume when its last messages went out while it was paused', async () => {
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Paused in flight', message: 'x', recipients: numbers(3) })
      .expect(201);
    const id = res.body.campaignId;
    h.sim.setKnobs({ latencyMs: 300 }); // the sends are still at Twilio when it is paused
    await h.dispatcher.tick();
    await h.http().post(`/api/sms/campaigns/${id}/pause`).set(headers).expect(200);
    await h.dispatcher.settled();
    await h.sim.flushCallbacks();
    expect(await campaign(id)).toMatchObject({ status: 'paused', sentCount: 3, pending: 0 });
    const resumed = (await h.http().post(`/api/sms/campaigns/${id}/resume`).set(headers).expect(200)).body;
    expect(resumed).toMatchObject({ status: 'completed', progress: 1 });
    expect(resumed.completedAt).toBeTruthy();
  });

  it('streams counter changes over SSE and ends when the campaign finishes', async () => {
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Live', message: 'live', recipients: numbers(5) })
      .expect(201);
    const id = res.body.campaignId;
    const { ticket } = (await h.http().post('/api/auth/stream-ticket').set(headers).expect(200)).body as {
      ticket: string;
    };
    const url = `http://127.0.0.1:${h.config.port}/api/sms/campaigns/${id}/events?ticket=${ticket}`;
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let body = '';
    const first = await reader.read();
    body += decoder.decode(first.value);
    await h.dispatcher.drain();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      body += decoder.decode(value);
    }
    const events = body
      .split('\n\n')
      .filter((e) => e.includes('data:'))
      .map((e) => JSON.parse(e.slice(e.indexOf('data:') + 5)));
    expect(events[0].status).toBe('sending');
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1).status).toBe('completed');
  });
});
