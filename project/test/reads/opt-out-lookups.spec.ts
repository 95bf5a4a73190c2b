import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationsRepository } from 'src/main-app/modules/sms/conversations/conversations.repository';
import { SmsMessagesRepository } from 'src/shared/sms/repositories/sms-messages.repository';
import { SmsOutboxRepository, type OutboxInsert } from 'src/shared/sms/repositories/sms-outbox.repository';
import { createTenant, type Tenant } from '../support/fixtures';
import { nodesOf, planOf, statementsOf, type PlanNode } from '../support/statements';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const OTHER_OPT_OUTS = 20_000;
const CONVERSATIONS = 20_000;

/**
 * "Is this number opted out?" is asked per row of a claim and of the Inbox. Written as exists(), the planner
 * may answer it with one hashed scan of every SubAccount's opt-outs per statement (18 ms at 20,000 rows, a
 * second at a million); each lookup must stay an index probe for the rows it returns.
 */
describe('Opt-out lookups stay index probes however many opt-outs the database holds', () => {
  let db: TestDatabase;
  let a: Tenant;
  let b: Tenant;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTenant(db.database, 'Alpha Roofing');
    b = await createTenant(db.database, 'Beta Windows');
    await db.database.db.execute(sql`
      insert into sms_opt_outs (sub_account_id, phone_number, source)
      select ${b.subAccountId}, '+1310' || lpad(g::text, 7, '0'), 'manual' from generate_series(1, ${OTHER_OPT_OUTS}) g`);
    await db.database.db.execute(sql`
      insert into sms_opt_outs (sub_account_id, phone_number, source) values (${a.subAccountId}, '+12125550001', 'keyword')`);
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message, status)
      select ${a.subAccountId}, '+1212555' || lpad(g::text, 4, '0'), 'Hello ' || g, 'pending' from generate_series(1, 40) g`);
    await db.database.db.execute(sql`
      insert into sms_conversations (sub_account_id, phone_number, last_direction, last_message_at)
      select ${a.subAccountId}, '+1212' || lpad((5550000 + g)::text, 7, '0'), 'outbound', now() - g * interval '1 minute'
        from generate_series(1, ${CONVERSATIONS}) g`);
    await db.database.db.execute(sql`analyze`);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
  });

  /** Runs `work`, then EXPLAINs each statement it sent that reads sms_opt_outs. */
  async function plansOf(work: () => Promise<unknown>): Promise<PlanNode[]> {
    const sent = await statementsOf(db.database, work);
    const reading = sent.filter((q) => q.sql.includes('sms_opt_outs'));
    expect(reading.length).toBeGreaterThan(0);
    const plans: PlanNode[] = [];
    for (const q of reading) plans.push(await planOf(db.database, q));
    return plans;
  }

  const scansOfOptOuts = (plan: PlanNode): string[] =>
    nodesOf(plan)
      .filter((n) => n['Relation Name'] === 'sms_opt_outs' && /Seq Scan|Bitmap Heap Scan/.test(n['Node Type']))
      .map((n) => n['Node Type']);

  it('the claim cancels the opted-out number without scanning every opt-out', async () => {
    const repository = new SmsMessagesRepository(db.database);
    let claimed: { phoneNumber: string; status: string }[] = [];
    const plans = await plansOf(() =>
      db.database.transaction(async (tx) => {
        claimed = await repository.claimDue(tx, a.subAccountId, 40, new Date(), new Date(Date.now() + 60_000));
      }),
    );
    expect(claimed).toHaveLength(40);
    expect(claimed.find((m) => m.phoneNumber === '+12125550001')?.status).toBe('canceled');
    expect(claimed.filter((m) => m.status === 'sending')).toHaveLength(39);
    expect(plans.flatMap(scansOfOptOuts)).toEqual([]);
  });

  it('the Inbox flags the opted-out contact without scanning every opt-out', async () => {
    const repository = new ConversationsRepository(db.database);
    let page: { items: { phoneNumber: string; optedOut: boolean }[] } = { items: [] };
    const plans = await plansOf(async () => {
      page = await repository.list(a.subAccountId, { kind: 'admin', id: a.adminId }, { page: 1, limit: 50 });
    });
    expect(page.items).toHaveLength(50);
    expect(page.items.filter((c) => c.optedOut).map((c) => c.phoneNumber)).toEqual(['+12125550001']);
    expect(plans.flatMap(scansOfOptOuts)).toEqual([]);
  });

  it('the accept batch refuses the opted-out number without scanning every opt-out (written, then rolled back)', async () => {
    const draft = (phoneNumber: string) => ({
      values: {
        subAccountId: a.subAccountId,
        phoneNumber,
        message: 'Hi',
        segments: 1,
        encoding: 'GSM-7' as const,
        notBefore: new Date(),
        statusReason: null,
        ignoreQuietHours: false,
        spendMonth: '2026-12-01',
      },
      audit: { subAccountId: a.subAccountId, actorKind: 'system' as const, action: 'sms.send' },
      actorKind: 'system',
    });
    let written: OutboxInsert[] = [];
    const plans = await plansOf(() =>
      db.database
        .transaction(async (tx) => {
          written = await new SmsOutboxRepository().insert(tx, [draft('+12125550001'), draft('+12125550002')]);
          throw new Error('rollback');
        })
        .catch(() => undefined),
    );
    expect(written.map((w) => w.kind)).toEqual(['opted_out', 'inserted']);
    expect(plans.flatMap(scansOfOptOuts)).toEqual([]);
  });
});
