import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsDailyStats, smsEvents, smsMessages } from 'src/core/database/schema';
import { StatusApplyService, type StatusUpdate } from 'src/shared/sms/dispatch/status-apply.service';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Status callbacks arriving together are applied as one batch of set-based statements (issue 12, point 5). */
describe('a batch of status updates', () => {
  let db: TestDatabase;
  let h: EngineHarness;
  let tenant: Tenant;
  let statuses: StatusApplyService;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The simulator posts no callbacks of its own: the test applies them.
    h = await bootEngine({ database: db.database, knobs: { callbackDelayMs: 600_000 } });
    statuses = h.app.get(StatusApplyService);
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.reset();
    h.sim.reset();
    tenant = await createTenant(db.database, 'Batch Co');
  });

  /** n messages sent (at the simulator, recorded `sent` with their sids). */
  async function sentMessages(n: number) {
    const headers = await adminHeaders(h, tenant);
    for (let i = 0; i < n; i++) {
      await h
        .http()
        .post('/api/sms/send')
        .set(headers)
        .send({ phoneNumber: `+1415555${String(1000 + i)}`, message: `hello ${i}` })
        .expect(202);
    }
    await h.dispatcher.drain();
    const rows = await db.database.db
      .select()
      .from(smsMessages)
      .where(eq(smsMessages.subAccountId, tenant.subAccountId));
    expect(rows.map((r) => r.status)).toEqual(Array(n).fill('sent'));
    return rows.sort((a, b) => a.id - b.id);
  }

  const callback = (sid: string, status: string, extra: Partial<StatusUpdate['details']> = {}): StatusUpdate => ({
    sid,
    twilioStatus: status,
    details: { errorCode: null, errorMessage: null, price: null, priceUnit: null, ...extra },
    source: 'status_callback',
    webhook: {
      dedupeKey: `status:${sid}:${status}:${extra.errorCode ?? ''}`,
      payload: {},
      authorize: async () => true,
    },
  });

  it('applies each update to the row as the previous one in the batch left it, and reports each', async () => {
    const [a, b, c] = await sentMessages(3);
    const results = await statuses.applyMany([
      callback(a!.twilioSid!, 'delivered'),
      callback(b!.twilioSid!, 'undelivered', { errorCode: 30003, errorMessage: 'Unreachable handset' }),
      callback(a!.twilioSid!, 'delivered'), // the same callback again, in the same batch
      callback(b!.twilioSid!, 'delivered'), // after undelivered: a status never moves sideways
      callback(c!.twilioSid!, 'sent', { price: '-0.00790', priceUnit: 'USD' }), // only a price
      callback('SM' + 'f'.repeat(32), 'delivered'),
    ]);
    expect(results).toEqual(['changed', 'changed', 'duplicate', 'unchanged', 'unchanged', 'unknown_sid']);

    const rows = await db.database.db
      .select()
      .from(smsMessages)
      .where(inArray(smsMessages.id, [a!.id, b!.id, c!.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a!.id)).toMatchObject({ status: 'delivered', errorCode: null });
    expect(byId.get(a!.id)!.deliveredAt).not.toBeNull();
    expect(byId.get(b!.id)).toMatchObject({
      status: 'undelivered',
      errorCode: 30003,
      errorMessage: 'Unreachable handset',
    });
    expect(byId.get(c!.id)).toMatchObject({ status: 'sent', price: '-0.00790', priceUnit: 'USD' });

    const recorded = await db.database.db.select().from(smsEvents).where(eq(smsEvents.type, 'webhook_status'));
    expect(recorded).toHaveLength(4); // a, b (twice: undelivered and delivered), c; the repeat of a is not

    const [daily] = await db.database.db
      .select()
      .from(smsDailyStats)
      .where(eq(smsDailyStats.subAccountId, tenant.subAccountId));
    expect(daily).toMatchObject({ delivered: 1, undelivered: 1 });
    expect(Number(daily!.cost)).toBeCloseTo(0.0079, 5);
  });

  it('answers a repeat of an already applied callback as a duplicate in a later batch', async () => {
    const [a] = await sentMessages(1);
    expect(await statuses.applyMany([callback(a!.twilioSid!, 'delivered')])).toEqual(['changed']);
    expect(await statuses.applyMany([callback(a!.twilioSid!, 'delivered')])).toEqual(['duplicate']);
  });

  it('refuses an update whose webhook is not signed for the message, and applies the rest', async () => {
    const [a, b] = await sentMessages(2);
    const forged = {
      ...callback(a!.twilioSid!, 'failed'),
      webhook: { ...callback(a!.twilioSid!, 'failed').webhook!, authorize: async () => false },
    };
    expect(await statuses.applyMany([forged, callback(b!.twilioSid!, 'delivered')])).toEqual(['forbidden', 'changed']);
    const rows = await db.database.db
      .select()
      .from(smsMessages)
      .where(inArray(smsMessages.id, [a!.id, b!.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [a!.id]: 'sent', [b!.id]: 'delivered' });
  });
});
