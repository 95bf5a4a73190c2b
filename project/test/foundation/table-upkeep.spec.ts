import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { TableUpkeepService } from 'src/main-app/modules/housekeeping/table-upkeep.service';
import { waitFor } from '../support/engine-harness';
import { createTenant, type Tenant } from '../support/fixtures';
import { testConfig } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * On a PostgreSQL server whose autovacuum is off (this machine's and CI's), the product vacuums and analyzes its
 * tables itself by autovacuum's rules: after a bulk insert the planner gets statistics and the pages become
 * all-visible; after a status change of every row the dead versions go. Where autovacuum is on it does nothing.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!SERVER_URL)('Table upkeep where autovacuum is off (needs TEST_DATABASE_URL)', () => {
  let db: TestDatabase;
  let a: Tenant;
  let upkeep: TableUpkeepService;
  let autovacuumOn = false;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTenant(db.database, 'Alpha Roofing');
    upkeep = new TableUpkeepService(testConfig({ DB_UPKEEP_SECONDS: '60' }), db.database);
    autovacuumOn = (await query<{ on: string }>(`select current_setting('autovacuum') as on`))[0].on === 'on';
  }, 60_000);
  afterAll(async () => db?.destroy());

  const query = async <T>(text: string) => rowsOf<T>(await db.database.db.execute(sql.raw(text)));
  const activity = async () =>
    (
      await query<{ dead: string; inserted: string; vacuumed: Date | null; analyzed: Date | null }>(
        `select n_dead_tup as dead, n_ins_since_vacuum as inserted, last_vacuum as vacuumed, last_analyze as analyzed
           from pg_stat_user_tables where relname = 'sms_messages'`,
      )
    )[0];
  /** Statistics reach pg_stat_user_tables within a second or so of the writing transaction's end. */
  const statsShow = (check: (a: Awaited<ReturnType<typeof activity>>) => boolean) =>
    waitFor(async () => check(await activity()), 20_000, 'the table statistics to show the writes');

  it('analyzes and vacuums a table after a bulk insert, and the planner then knows its rows', async () => {
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message, status)
      select ${a.subAccountId}, '+1202555' || lpad(g::text, 4, '0'), 'Hello ' || g, 'pending'
        from generate_series(1, 5000) g`);
    await statsShow((s) => Number(s.inserted) >= 5000);

    const done = await upkeep.run();
    if (autovacuumOn) return expect(done).toEqual([]);
    expect(done.filter((d) => d.table === 'sms_messages').map((d) => d.action)).toEqual(['vacuum']);
    expect(done.map((d) => d.table)).toContain('sms_message_search');
    const after = await activity();
    expect(after.vacuumed).not.toBeNull();
    expect(after.analyzed).not.toBeNull();
    const [stats] = await query<{ n: string }>(
      `select count(*) as n from pg_stats where tablename = 'sms_messages' and attname = 'status'`,
    );
    expect(Number(stats.n)).toBe(1);
  }, 60_000);

  it('vacuums the dead rows a status change of every row leaves, and marks every page all-visible', async () => {
    await db.database.db.execute(sql`update sms_messages set status = 'delivered', updated_at = now()`);
    await statsShow((s) => Number(s.dead) >= 5000);

    const done = await upkeep.run();
    if (autovacuumOn) return expect(done).toEqual([]);
    expect(done.filter((d) => d.table === 'sms_messages').map((d) => d.action)).toEqual(['vacuum']);
    expect(Number((await activity()).dead)).toBe(0);
    const [pages] = await query<{ pages: number; visible: number }>(
      `select relpages as pages, relallvisible as visible from pg_class where relname = 'sms_messages'`,
    );
    expect(pages.visible, 'pages all-visible (index-only scans skip the heap)').toBe(pages.pages);

    expect(await upkeep.run(), 'nothing is due right after').toEqual([]);
  }, 60_000);
});
