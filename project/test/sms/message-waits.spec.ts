import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrincipalStateCache } from 'src/core/auth/principal-state.cache';
import { ManualClock } from 'src/core/clock/clock';
import { smsMessages, smsSettings } from 'src/core/database/schema';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// 23:00 in New York (EST) on Tue 10 Nov 2026; the quiet window ends 08:00 EST = 13:00Z on the 11th.
const NIGHT = new Date('2026-11-11T04:00:00Z');
const MORNING = new Date('2026-11-11T13:00:00Z');
const NOON = new Date('2026-11-11T17:00:00Z');

describe('GET /api/sms/message-waits: why a pending message waits and about when it goes', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let headers: Record<string, string>;
  const clock = new ManualClock(NOON);

  beforeAll(async () => {
    db = await createTestDatabase();
    h = await bootEngine({ database: db.database, clock, knobs: { callbackDelayMs: 600_000 } });
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    h.app.get(PrincipalStateCache).clear();
    h.sim.reset();
    h.dispatcher.random = () => 0;
    clock.set(NOON);
    tenant = await createTenant(db.database, 'Waits Co');
    headers = await adminHeaders(h, tenant);
  });

  const send = async (body: Record<string, unknown>) =>
    (
      await h
        .http()
        .post('/api/sms/send')
        .set(headers)
        .send({ message: 'Hello', ...body })
        .expect(202)
    ).body.id as number;
  const waits = async (ids: number[]) =>
    (
      await h
        .http()
        .get(`/api/sms/message-waits?ids=${ids.join(',')}`)
        .set(headers)
        .expect(200)
    ).body.items as {
      id: number;
      reason: string;
      detail: string;
      estimatedAt: string | null;
      timeZone: string | null;
      queueAhead: number | null;
      queueAheadAtLeast: boolean;
    }[];
  const waitOf = async (id: number) => (await waits([id]))[0]!;
  const settings = (body: Record<string, unknown>) =>
    h.http().put('/api/sms/settings').set(headers).send(body).expect(200);
  const campaign = async (body: Record<string, unknown>) => {
    const res = await h
      .http()
      .post('/api/sms/campaigns')
      .set(headers)
      .send({ name: 'Spring', message: 'Sale', recipients: ['+14155550301', '+14155550302'], ...body })
      .expect(201);
    const id = res.body.campaignId as number;
    const rows = await db.database.db.select().from(smsMessages).where(eq(smsMessages.campaignId, id));
    return { id, messageIds: rows.map((r) => r.id).sort((a, b) => a - b) };
  };

  it('rate limit: counts the messages ahead in its lane and estimates from the segments per second', async () => {
    await settings({ rateSegmentsPerSecond: 1 });
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await send({ phoneNumber: `+1415555040${i}` }));
    await h.dispatcher.tick(); // the bucket's one token: the first message goes
    await h.dispatcher.settled();
    const last = await waitOf(ids[5]!);
    expect(last).toMatchObject({ reason: 'rate_limit', queueAhead: 4, queueAheadAtLeast: false });
    // Four messages ahead, then its own token, at 1 segment/s from an empty bucket: about 5 s.
    expect(new Date(last.estimatedAt!).getTime() - NOON.getTime()).toBe(5_000);
    expect(last.detail).toContain('4 messages ahead, at 1 segment per second');
    expect((await waitOf(ids[1]!)).queueAhead).toBe(0);
  });

  it('rate limit: a campaign row waits behind every due single send, then the rows before it', async () => {
    await settings({ rateSegmentsPerSecond: 1 });
    const bulk = await campaign({});
    const single = await send({ phoneNumber: '+14155550410' });
    expect(await waitOf(bulk.messageIds[1]!)).toMatchObject({ reason: 'rate_limit', queueAhead: 2 });
    expect(await waitOf(single)).toMatchObject({ reason: 'due', queueAhead: 0 });
  });

  it('quiet hours: until the morning in the recipient’s time zone', async () => {
    clock.set(NIGHT);
    await settings({ quietHoursEnabled: true, quietHoursStart: '21:00', quietHoursEnd: '08:00' });
    const id = await send({ phoneNumber: '+14155550420' });
    expect(await waitOf(id)).toMatchObject({
      reason: 'quiet_hours',
      estimatedAt: MORNING.toISOString(),
      timeZone: 'America/New_York',
    });
  });

  it('paused sender: says why, with no estimate', async () => {
    const id = await send({ phoneNumber: '+14155550430' });
    const reason = 'Twilio rejected the credentials (Authenticate). Fix them in SMS settings to resume sending.';
    await db.database.db
      .insert(smsSettings)
      .values({ subAccountId: tenant.subAccountId, dispatchPausedReason: reason })
      .onConflictDoUpdate({ target: smsSettings.subAccountId, set: { dispatchPausedReason: reason } });
    expect(await waitOf(id)).toMatchObject({ reason: 'sender_paused', detail: reason, estimatedAt: null });
  });

  it('paused campaign: no estimate until it is resumed', async () => {
    const bulk = await campaign({});
    await h.http().post(`/api/sms/campaigns/${bulk.id}/pause`).set(headers).expect(200);
    expect(await waitOf(bulk.messageIds[0]!)).toMatchObject({ reason: 'campaign_paused', estimatedAt: null });
  });

  it('scheduled campaign: goes at its scheduled time', async () => {
    const at = new Date(NOON.getTime() + 3 * 3_600_000).toISOString();
    const bulk = await campaign({ scheduledAt: at });
    expect(await waitOf(bulk.messageIds[0]!)).toMatchObject({ reason: 'campaign_scheduled', estimatedAt: at });
  });

  it('scheduled single send: goes at its time', async () => {
    const at = new Date(NOON.getTime() + 600_000).toISOString();
    const id = await send({ phoneNumber: '+14155550440', scheduledAt: at });
    expect(await waitOf(id)).toMatchObject({ reason: 'scheduled', estimatedAt: at });
  });

  it('retrying: after a 429, names the error and the retry time', async () => {
    h.dispatcher.random = () => 0.5;
    h.sim.setKnobs({ rate429: 1 });
    const id = await send({ phoneNumber: '+14155550450' });
    await h.dispatcher.tick();
    await h.dispatcher.settled();
    h.sim.setKnobs({ rate429: 0 });
    const [row] = await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, id));
    expect(row!.notBefore.getTime()).toBeGreaterThan(NOON.getTime());
    const wait = await waitOf(id);
    expect(wait).toMatchObject({ reason: 'retrying', estimatedAt: row!.notBefore.toISOString() });
    expect(wait.detail).toContain('20429');
  });

  it('leaves out messages that are not pending or belong to another SubAccount', async () => {
    const other = await createTenant(db.database, 'Other Co');
    const theirs = (
      await h
        .http()
        .post('/api/sms/send')
        .set(await adminHeaders(h, other))
        .send({ phoneNumber: '+14155550460', message: 'Hi' })
        .expect(202)
    ).body.id as number;
    const mine = await send({ phoneNumber: '+14155550461' });
    await h.http().post(`/api/sms/messages/${mine}/cancel`).set(headers).expect(200);
    expect(await waits([theirs, mine])).toEqual([]);
  });

  it('refuses ids that are not a short list of message ids, naming the field', async () => {
    const bad = await h.http().get('/api/sms/message-waits?ids=1,abc').set(headers).expect(400);
    expect(JSON.stringify(bad.body)).toContain('ids must be whole numbers');
    const many = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
    const tooMany = await h.http().get(`/api/sms/message-waits?ids=${many}`).set(headers).expect(400);
    expect(JSON.stringify(tooMany.body)).toContain('ids may name at most 50');
    await h.http().get('/api/sms/message-waits').set(headers).expect(400);
  });
});
