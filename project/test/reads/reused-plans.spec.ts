import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { leads, smsCampaigns, smsConversations } from 'src/core/database/schema';
import { createTenant, login } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface PreparedStatement {
  name: string;
  statement: string;
  generic_plans: number;
  custom_plans: number;
}

/**
 * A list whose filter has one best plan for any values (PlanReuse 'reusable') runs as a named statement, and
 * PostgreSQL settles on its generic plan instead of planning each request (0.1–0.8 ms a request at 2,000,000
 * messages); a search, whose best plan depends on the term, is planned per request. PostgreSQL only: PGlite's driver
 * runs every statement unnamed.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('Lists planned once on PostgreSQL', () => {
  let db: TestDatabase;
  let t: TestApp;
  let headers: Record<string, string>;
  let campaignId: number;
  let conversationId: number;
  let leadId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    const tenant = await createTenant(db.database, 'Delta Decks');
    headers = { Authorization: `Bearer ${await login(t, tenant.userEmail)}` };
    const subAccountId = tenant.subAccountId;
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId, name: 'Spring', message: 'Decks oiled', status: 'completed' })
      .returning();
    campaignId = campaign!.id;
    // Enough rows that a plan for `limit $1` (costed as a tenth of them) is dearer than one for the page.
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, campaign_id, phone_number, message, status)
      select ${subAccountId}, case when g % 2 = 0 then ${campaignId}::int end,
             '+1212555' || lpad(g::text, 4, '0'), 'Decks oiled ' || g,
             case when g % 3 = 0 then 'delivered' else 'failed' end
        from generate_series(1, 20000) g`);
    // A lead and its number (the Inbox contact): 30 messages among the 20,000.
    const phone = '+14155550142';
    const [lead] = await db.database.db.insert(leads).values({ subAccountId, name: 'Jo Doe', phone }).returning();
    leadId = lead!.id;
    const [conversation] = await db.database.db
      .insert(smsConversations)
      .values({ subAccountId, phoneNumber: phone, leadId, lastDirection: 'outbound' })
      .returning();
    conversationId = conversation!.id;
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, lead_id, phone_number, message, status)
      select ${subAccountId}, ${leadId}::int, ${phone}, 'Decks oiled again ' || g, 'delivered'
        from generate_series(1, 30) g`);
    await db.database.db.execute(sql`analyze sms_messages`);
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  /** The prepared statements of the connection that ran the requests (one at a time: the pool's most recent). */
  async function preparedStatements(): Promise<PreparedStatement[]> {
    const result = await db.database.db.execute(
      sql`select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements`,
    );
    return rowsOf<PreparedStatement>(result);
  }

  /** Requests `path` a few times, one after another; the statements its requests prepared. */
  async function statementsAfter(path: string): Promise<PreparedStatement[]> {
    const before = new Set((await preparedStatements()).map((s) => s.name));
    for (let i = 0; i < 8; i++) {
      const res = await t.http().get(path).set(headers);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return (await preparedStatements()).filter((s) => !before.has(s.name));
  }

  it('reuses one plan for a SubAccount’s messages, by status, a campaign’s, a contact’s and a lead’s', async () => {
    for (const path of [
      '/api/sms/messages',
      '/api/sms/messages?status=failed',
      `/api/sms/campaigns/${campaignId}/messages`,
      `/api/sms/conversations/${conversationId}/messages`,
      `/api/leads/${leadId}/sms`,
    ]) {
      const statements = await statementsAfter(path);
      const list = statements.find(
        (s) => s.statement.includes('from "sms_messages"') && s.statement.includes('order by'),
      );
      expect(list, path).toBeDefined();
      expect(list!.statement, path).toMatch(/ limit 21$/);
      expect(list!.generic_plans, path).toBeGreaterThan(0);
    }
  });

  it('plans a search for each request (its best plan depends on the term)', async () => {
    const statements = await statementsAfter('/api/sms/messages?search=oiled%2012');
    expect(statements.filter((s) => s.statement.includes('ilike'))).toEqual([]);
  });
});
