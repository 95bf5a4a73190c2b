import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countOf, phoneAt, upload } from '../campaigns/campaign-support';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CAP = 10;
const INVALID = '+15005550001'; // a Twilio test number the simulator refuses as invalid (21211): failed, never sent

describe('spending cap under concurrent sends', () => {
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
    await h.dispatcher.settled();
    await h.sim.flushCallbacks();
    await db.reset();
    h.sim.reset();
    tenant = await createTenant(db.database, 'Capped Co');
    headers = await adminHeaders(h, tenant);
    await h.http().put('/api/sms/settings').set(headers).send({ spendingCapSegments: CAP }).expect(200);
  });

  const send = (phoneNumber: string, message = 'one segment') =>
    h.http().post('/api/sms/send').set(headers).send({ phoneNumber, message });
  const counter = () => countOf(db.database, sql`select coalesce(sum(segments), 0) as n from sms_spending`);
  /** What the counter must equal, counted from the messages themselves. */
  const charged = () =>
    countOf(
      db.database,
      sql`select coalesce(sum(segments), 0) as n from sms_messages
           where spend_month is not null and status not in ('canceled', 'failed')`,
    );

  it(`accepts at most ${CAP} of 50 concurrent one-segment sends against a cap of ${CAP}, refusing the rest naming the cap`, async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => send(phoneAt(i))));
    const accepted = results.filter((r) => r.status === 202);
    const refused = results.filter((r) => r.status !== 202);
    expect(accepted).toHaveLength(CAP);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body.message).toMatch(/spending cap/i);
      expect(r.body.details).toMatchObject({ cap: CAP, needed: 1 });
    }
    expect(await countOf(db.database, sql`select count(*) as n from sms_messages`)).toBe(CAP);
    expect(await counter()).toBe(CAP);
  });

  it('keeps a bulk import racing single sends within the cap, and the counter equal to what is charged', async () => {
    const csv = ['phone', ...Array.from({ length: 6 }, (_, i) => phoneAt(100 + i))].join('\n');
    const [bulk, ...singles] = await Promise.all([
      upload(h, headers, csv, { message: 'bulk' }),
      ...Array.from({ length: 20 }, (_, i) => send(phoneAt(i))),
    ]);
    const singlesAccepted = singles.filter((r) => r.status === 202).length;
    expect([201, 422]).toContain(bulk.status);
    const bulkSegments = bulk.status === 201 ? 6 : 0;
    if (bulk.status === 422) expect(bulk.body.message).toMatch(/spending cap/i);
    for (const r of singles.filter((s) => s.status !== 202)) expect(r.body.message).toMatch(/spending cap/i);
    expect(singlesAccepted + bulkSegments).toBeLessThanOrEqual(CAP);
    expect(await charged()).toBe(singlesAccepted + bulkSegments);
    expect(await counter()).toBe(singlesAccepted + bulkSegments);
    // A refused import leaves no rows behind (its draft's charged chunks were released with it).
    expect(await countOf(db.database, sql`select count(*) as n from sms_campaigns`)).toBe(bulkSegments ? 1 : 0);
  });

  it('gives back the room of a canceled message, and of a message that failed before it was sent', async () => {
    const ids: number[] = [];
    for (let i = 0; i < CAP - 1; i++) ids.push((await send(phoneAt(i)).expect(202)).body.id);
    const invalid = (await send(INVALID).expect(202)).body.id as number;
    await send(phoneAt(50)).expect(422);

    await h.http().post(`/api/sms/messages/${ids[0]}/cancel`).set(headers).expect(200);
    expect(await counter()).toBe(CAP - 1);
    await send(phoneAt(51)).expect(202);
    await send(phoneAt(52)).expect(422);

    await h.dispatcher.drain();
    const failed = (await h.http().get(`/api/sms/messages/${invalid}`).set(headers).expect(200)).body;
    expect(failed).toMatchObject({ status: 'failed', twilioSid: null });
    expect(await counter()).toBe(CAP - 1);
    expect(await charged()).toBe(CAP - 1);
    await send(phoneAt(53)).expect(202);

    // Retrying the failed one needs room again: there is none now.
    const retry = await h.http().post(`/api/sms/messages/${invalid}/retry`).set(headers).expect(422);
    expect(retry.body.message).toMatch(/spending cap/i);
    expect((await h.http().get(`/api/sms/messages/${invalid}`).set(headers).expect(200)).body.status).toBe('failed');
    expect(await counter()).toBe(CAP);
  });

  it('gives back the room of a canceled campaign, and refuses a campaign that does not fit naming what it needs', async () => {
    await send(phoneAt(0)).expect(202);
    const csv = (n: number, from: number) =>
      ['phone', ...Array.from({ length: n }, (_, i) => phoneAt(from + i))].join('\n');
    const created = await upload(h, headers, csv(8, 100), {
      message: 'bulk',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    }).expect(201);
    expect(await counter()).toBe(9);

    const over = await upload(h, headers, csv(5, 200), { message: 'bulk' }).expect(422);
    expect(over.body.details).toEqual({ used: 9, cap: CAP, needed: 5 });
    expect(await counter()).toBe(9);

    await h.http().post(`/api/sms/campaigns/${created.body.campaignId}/cancel`).set(headers).expect(200);
    expect(await counter()).toBe(1);
    await upload(h, headers, csv(5, 200), { message: 'bulk' }).expect(201);
    expect(await counter()).toBe(6);
    expect(await charged()).toBe(6);
  });

  it('refuses a scheduled campaign body edited to more segments than the cap has room for', async () => {
    const csv = ['phone', phoneAt(100), phoneAt(101), phoneAt(102)].join('\n');
    const created = await upload(h, headers, csv, {
      message: 'short',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    }).expect(201);
    for (let i = 0; i < 5; i++) await send(phoneAt(i)).expect(202);
    expect(await counter()).toBe(8);
    const edit = (message: string) =>
      h.http().patch(`/api/sms/campaigns/${created.body.campaignId}`).set(headers).send({ message });
    const over = await edit('x'.repeat(161)).expect(422); // 2 segments × 3 rows: 3 more than the 2 left
    expect(over.body.message).toMatch(/spending cap/i);
    expect(await counter()).toBe(8);
    await edit('still short').expect(200);
    expect(await counter()).toBe(8);
    expect(await charged()).toBe(8);
  });
});
