import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseService } from 'src/core/database/database.service';
import { SmsMessagesRepository } from 'src/shared/sms/repositories/sms-messages.repository';
import { smsAuditLog, smsConversations, smsEvents, smsMessages } from 'src/core/database/schema';
import { SmsService } from 'src/shared/sms/sms.service';
import { adminHeaders, createTenant, type Tenant } from '../support/fixtures';
import { bootEngine, type EngineHarness } from '../support/engine-harness';
import { statementsOf } from '../support/statements';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Sends arriving together are written to the outbox together (issue 12, point 6: the fast accept path). */
describe('accepting concurrent sends', () => {
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
    await db.reset();
    h.sim.reset();
    tenant = await createTenant(db.database, 'Busy Co');
    headers = await adminHeaders(h, tenant);
  });

  const countOf = async (table: typeof smsMessages | typeof smsEvents | typeof smsAuditLog) =>
    (await db.database.db.select({ n: count() }).from(table).where(eq(table.subAccountId, tenant.subAccountId)))[0]!.n;

  it('answers 40 concurrent sends each with its own row, event, audit entry and conversation', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h
          .http()
          .post('/api/sms/send')
          .set(headers)
          .send({ phoneNumber: i % 2 ? '+14155550111' : `+1415555${String(2000 + i)}`, message: `hello ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(40);
    const rows = await db.database.db
      .select()
      .from(smsMessages)
      .where(eq(smsMessages.subAccountId, tenant.subAccountId));
    expect(rows.map((r) => r.message).sort()).toEqual(answers.map((_, i) => `hello ${i}`).sort());
    for (const a of answers) expect(rows.find((r) => r.id === a.body.id)!.phoneNumber).toBe(a.body.phoneNumber);
    expect(await countOf(smsAuditLog)).toBe(40);
    const accepted = await db.database.db.select({ n: count() }).from(smsEvents).where(eq(smsEvents.type, 'accepted'));
    expect(accepted[0]!.n).toBe(40);
    // 20 texts to one number and 20 to twenty others: 21 conversations, the shared one showing its newest text.
    const conversations = await db.database.db
      .select()
      .from(smsConversations)
      .where(eq(smsConversations.subAccountId, tenant.subAccountId));
    expect(conversations).toHaveLength(21);
    const shared = conversations.find((c) => c.phoneNumber === '+14155550111')!;
    const newestShared = rows.filter((r) => r.phoneNumber === '+14155550111').sort((a, b) => b.id - a.id)[0]!;
    expect(shared.lastMessageId).toBe(newestShared.id);
  });

  it('writes drafts that arrive while a batch commits in one transaction', async () => {
    const database = h.app.get(DatabaseService);
    const original = database.transaction.bind(database);
    let transactions = 0;
    database.transaction = ((fn: Parameters<typeof original>[0]) => {
      transactions++;
      return original(fn);
    }) as typeof database.transaction;
    const engine = h.app.get(SmsService);
    try {
      const sends = Array.from({ length: 40 }, (_, i) =>
        engine.send(tenant.subAccountId, { kind: 'system' }, { phoneNumber: `+1415555${3000 + i}`, message: `m${i}` }),
      );
      const results = await Promise.all(sends);
      expect(results.every((r) => !r.replayed)).toBe(true);
    } finally {
      database.transaction = original;
    }
    expect(transactions).toBeGreaterThan(0);
    expect(transactions).toBeLessThanOrEqual(10);
    expect(await countOf(smsMessages)).toBe(40);
  });

  it('refuses only the opted-out recipient of a batch, naming the reason', async () => {
    await h.http().post('/api/sms/opt-outs').set(headers).send({ phoneNumber: '+14155550122' });
    const answers = await Promise.all(
      ['+14155550121', '+14155550122', '+14155550123'].map((phoneNumber) =>
        h.http().post('/api/sms/send').set(headers).send({ phoneNumber, message: 'hi' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 422, 202]);
    expect(answers[1]!.body.message).toMatch(/opted out/);
  });

  it('answers the same Idempotency-Key sent twice at once with one message', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        h
          .http()
          .post('/api/sms/send')
          .set({ ...headers, 'Idempotency-Key': 'same-key-1' })
          .send({ phoneNumber: '+14155550131', message: 'once' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.map((a) => a.body.replayed).sort()).toEqual([false, true, true]);
    expect(await countOf(smsMessages)).toBe(1);
  });

  it('answers each send with its row as stored, with its accepted event and audit entry', async () => {
    const engine = h.app.get(SmsService);
    const sent = await Promise.all([
      engine.send(
        tenant.subAccountId,
        { kind: 'admin', id: tenant.adminId, requestId: 'req-1', ip: '10.0.0.1' },
        { phoneNumber: '+14155550141', message: 'Ünïcode ✓', idempotencyKey: 'k-141' },
      ),
      engine.send(
        tenant.subAccountId,
        { kind: 'user', id: tenant.userId },
        { phoneNumber: '(415) 555-0142', message: 'plain', scheduledAt: new Date(Date.now() + 3_600_000) },
      ),
    ]);
    const repository = h.app.get(SmsMessagesRepository);
    for (const { row } of sent) expect(row).toEqual(await repository.findById(row.id));
    const [unicode, plain] = sent.map((s) => s.row);
    expect(unicode).toMatchObject({ adminUserId: tenant.adminId, userId: null, encoding: 'UCS-2', status: 'pending' });
    expect(unicode!.idempotencyKey).toBe('k-141');
    expect(plain).toMatchObject({ userId: tenant.userId, adminUserId: null, phoneNumber: '+14155550142' });
    expect(plain!.notBefore.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    const events = await db.database.db.select().from(smsEvents).where(eq(smsEvents.messageId, unicode!.id));
    expect(events).toMatchObject([{ type: 'accepted', status: 'pending', payload: { by: 'admin' } }]);
    const audit = await db.database.db
      .select()
      .from(smsAuditLog)
      .where(eq(smsAuditLog.targetId, String(unicode!.id)));
    expect(audit).toMatchObject([
      {
        subAccountId: tenant.subAccountId,
        actorKind: 'admin',
        actorId: tenant.adminId,
        action: 'sms.send',
        targetType: 'sms_message',
        requestId: 'req-1',
        ip: '10.0.0.1',
        details: { to: expect.stringContaining('0141'), segments: 1, scheduled: false },
      },
    ]);
  });

  it('writes a batch in the same few statements whatever its size, with a spending cap set', async () => {
    await h.http().put('/api/sms/settings').set(headers).send({ spendingCapSegments: 1_000_000 }).expect(200);
    const engine = h.app.get(SmsService);
    // One send first: the settings query is prepared then, once.
    await engine.send(tenant.subAccountId, { kind: 'system' }, { phoneNumber: '+14155550150', message: 'first' });
    const statements = await statementsOf(db.database, () =>
      Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          engine.send(
            tenant.subAccountId,
            { kind: 'system' },
            { phoneNumber: `+1415555${4000 + i}`, message: `b${i}` },
          ),
        ),
      ),
    );
    // Each send reads its SubAccount's settings first, outside the batch (one prepared statement).
    const settingsReads = statements.filter((s) => s.sql.startsWith('select "sub_accounts"'));
    expect(settingsReads).toHaveLength(30);
    // begin and commit are sent by PGlite itself, not through Drizzle's session: left out on both drivers.
    const inTransactions = statements.filter(
      (s) => !/^(begin|commit)\b/i.test(s.sql.trim()) && !settingsReads.includes(s),
    );
    const batches = inTransactions.filter((s) => s.sql.includes('jsonb_to_recordset')).length;
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThanOrEqual(10);
    // Per batch: the outbox insert (opt-outs, messages, events, audit), one savepoint for the domain events'
    // handlers (the conversation upsert, the cap notification's read of the counter), its release, the charge.
    expect(inTransactions).toHaveLength(6 * batches);
    expect(await countOf(smsMessages)).toBe(31);
    const audited = await db.database.db.select().from(smsAuditLog).where(eq(smsAuditLog.action, 'sms.send'));
    expect(audited).toHaveLength(31);
  });
});
