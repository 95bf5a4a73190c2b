import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { smsCampaigns, smsMessageSearch, smsMessages } from 'src/core/database/schema';
import { forgetLargeTotals, LARGE_TOTAL_TTL_MS, plannerEstimate } from 'src/core/database/bounded-count';
import { SEARCH_TOTAL_EXACT_UP_TO, TOTAL_EXACT_UP_TO } from 'src/core/http/pagination';
import { QueryValues } from 'src/core/database/compiled-queries';
import { phoneHolds } from 'src/shared/sms/repositories/sms-message-history.repository';
import { createTenant, login, type Tenant } from '../support/fixtures';
import { nodesOf, planOf, statementsOf } from '../support/statements';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Headers = Record<string, string>;
interface PageBody {
  items: { id: number; phoneNumber: string; message: string; subAccountId: number }[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

/** Inserts `n` outbound messages in one statement (all with the same created_at, as a bulk import does). */
async function fill(db: TestDatabase, subAccountId: number, n: number, extra: { campaignId?: number } = {}) {
  await db.database.db.execute(sql`
    insert into sms_messages (sub_account_id, campaign_id, phone_number, message, status)
    select ${subAccountId}, ${extra.campaignId ?? null}, '+1212555' || lpad(g::text, 4, '0'), 'Bulk hello ' || g,
           case when g % 3 = 0 then 'delivered' else 'pending' end
      from generate_series(1, ${n}) g`);
}

describe('Message lists at scale: cursors, totals, search, tenancy', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let aUser: Headers;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    a = await createTenant(db.database, 'Alpha Roofing');
    b = await createTenant(db.database, 'Beta Windows');
    aUser = { Authorization: `Bearer ${await login(t, a.userEmail)}` };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.database.db.delete(smsMessages);
    await db.database.db.delete(smsCampaigns);
    forgetLargeTotals();
  });

  const get = async (path: string): Promise<PageBody> => {
    const res = await t.http().get(path).set(aUser);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as PageBody;
  };

  it('walks every message once by cursor while new ones arrive, without gaps or duplicates', async () => {
    await fill(db, a.subAccountId, 95);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: PageBody = await get(`/api/sms/messages?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
      // Newer rows arriving mid-walk must not shift the pages still to read.
      if (pages++ < 3) await fill(db, a.subAccountId, 5);
    } while (cursor);
    const original = await db.database.db.execute(
      sql`select id from sms_messages where sub_account_id = ${a.subAccountId} order by id limit 95`,
    );
    const originalIds = (original as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of originalIds) expect(seen).toContain(id);
  });

  it('answers each page by number with the rows of the cursor walk, for every filter; past the end, none', async () => {
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId: a.subAccountId, name: 'Spring', message: 'Bulk hello', status: 'sending' })
      .returning();
    // Rows of one statement share created_at (only the id orders them); another SubAccount's rows lie between.
    await fill(db, a.subAccountId, 23, { campaignId: campaign!.id });
    await fill(db, b.subAccountId, 23);
    await fill(db, a.subAccountId, 9);
    const lists = [
      '/api/sms/messages?limit=5',
      '/api/sms/messages?limit=5&status=delivered',
      '/api/sms/messages?limit=5&search=hello%201',
      '/api/sms/messages?limit=5&search=212555',
      `/api/sms/campaigns/${campaign!.id}/messages?limit=5`,
    ];
    for (const list of lists) {
      const walked: number[][] = [];
      let cursor: string | null = null;
      do {
        const body: PageBody = await get(`${list}${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(body.items.map((m) => m.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(walked.length, list).toBeGreaterThan(1);
      for (const [i, ids] of walked.entries()) {
        expect(
          (await get(`${list}&page=${i + 1}`)).items.map((m) => m.id),
          `${list}, page ${i + 1}`,
        ).toEqual(ids);
      }
      const past = await get(`${list}&page=${walked.length + 1}`);
      expect(past.items, `${list}, past the end`).toEqual([]);
      expect(past.total, `${list}, past the end`).toBe(walked.flat().length);
    }
    const last = await get('/api/sms/messages?limit=8&page=4');
    expect(last.items).toHaveLength(8);
    expect(last.nextCursor).toBeNull();
  });

  it("reads an offset page's start from the index alone, and the page's columns for its own rows", async () => {
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId: a.subAccountId, name: 'Spring', message: 'Bulk hello', status: 'sending' })
      .returning();
    await fill(db, a.subAccountId, 5000, { campaignId: campaign!.id });
    // As autovacuum would: the visibility map set (an index-only scan needs it), statistics read.
    await db.database.db.execute(sql`vacuum analyze sms_messages`);
    const lists = [
      ['/api/sms/messages?limit=20&page=100', 'sms_messages_history_idx'],
      [`/api/sms/campaigns/${campaign!.id}/messages?limit=20&page=100`, 'sms_messages_campaign_recent_idx'],
    ];
    for (const [path, index] of lists) {
      const sent = await statementsOf(db.database, () => get(path!));
      const rows = sent.find((q) => q.sql.includes('sms_messages') && q.sql.includes('offset'));
      const plan = nodesOf(await planOf(db.database, rows!));
      // The start: the sort key up to the offset, from the index. The page: its rows from that key on.
      expect(
        plan.map((n) => [n['Node Type'], n['Index Name']]),
        path,
      ).toContainEqual(['Index Only Scan', index]);
      const rowScan = plan.find((n) => n['Node Type'] === 'Index Scan');
      expect(rowScan?.['Index Cond'], path).toMatch(/ROW\(.*created_at.*id\) <= ROW\(/);
    }
    // A search's page is read with its offset: a rare term's matches are sorted, and a start by key would find and
    // sort them twice.
    const searched = await statementsOf(db.database, () => get('/api/sms/messages?limit=20&page=2&search=hello%2012'));
    const searchRows = searched.find((q) => q.sql.includes('sms_message_search') && q.sql.includes('offset'));
    expect(searchRows!.sql.match(/from "sms_messages"/g)).toHaveLength(1);
  }, 60_000);

  it('rejects a cursor it did not give out with a 400 naming cursor', async () => {
    const res = await t.http().get('/api/sms/messages?cursor=bm9wZQ').set(aUser);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('cursor');
  });

  it('counts totals exactly up to the cap and says when a total is an estimate', async () => {
    await fill(db, a.subAccountId, 40);
    const small = await get('/api/sms/messages?limit=5');
    expect(small).toMatchObject({ total: 40, totalExact: true });
    const delivered = await get('/api/sms/messages?limit=5&status=delivered');
    expect(delivered).toMatchObject({ total: 13, totalExact: true });

    await fill(db, a.subAccountId, TOTAL_EXACT_UP_TO + 200);
    await db.database.db.execute(sql`analyze sms_messages`);
    const big = await get('/api/sms/messages?limit=5');
    expect(big.totalExact).toBe(false);
    expect(big.total).toBeGreaterThan(TOTAL_EXACT_UP_TO);
    // A search counts exactly only up to SEARCH_TOTAL_EXACT_UP_TO matches.
    const searched = await get('/api/sms/messages?limit=5&search=Bulk');
    expect(searched.totalExact).toBe(false);
    expect(searched.total).toBeGreaterThan(SEARCH_TOTAL_EXACT_UP_TO);
    // A search by digits too.
    const byDigits = await get('/api/sms/messages?limit=5&search=212555');
    expect(byDigits.totalExact).toBe(false);
    expect(byDigits.total).toBeGreaterThan(SEARCH_TOTAL_EXACT_UP_TO);
  });

  it('reuses an estimated total for a while (one query a page), and counts again after it', async () => {
    await fill(db, a.subAccountId, TOTAL_EXACT_UP_TO + 200);
    await db.database.db.execute(sql`analyze sms_messages`);
    /** The statements a request sends, past its sign-in: the page's rows, and any count or estimate. */
    const sentBy = async (url: string) =>
      (await statementsOf(db.database, () => get(url)))
        .map((s) => s.sql)
        .filter((text) => text.includes('sms_messages'))
        .map((text) => (text.startsWith('explain') ? 'estimate' : text.includes('count(*)') ? 'count' : 'rows'));
    expect(await sentBy('/api/sms/messages?limit=5')).toEqual(['rows', 'count', 'estimate']);
    const first = await get('/api/sms/messages?limit=5');
    expect(first).toMatchObject({ totalExact: false });
    expect(await sentBy('/api/sms/messages?limit=5')).toEqual(['rows']);
    // Another filter is another count; a later page of the same list is not.
    expect(await sentBy('/api/sms/messages?limit=5&direction=outbound')).toEqual(['rows', 'count', 'estimate']);
    expect(await sentBy('/api/sms/messages?limit=5&page=3')).toEqual(['rows']);
    const later = Date.now() + LARGE_TOTAL_TTL_MS + 1;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(await sentBy('/api/sms/messages?limit=5')).toEqual(['rows', 'count', 'estimate']);
      expect(await get('/api/sms/messages?limit=5')).toMatchObject({ total: first.total, totalExact: false });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('finds a number by any format and partial digits, and bodies by text', async () => {
    await fill(db, a.subAccountId, 20);
    await db.database.db.insert(smsMessages).values([
      { subAccountId: a.subAccountId, phoneNumber: '+12122501234', message: 'Your roof quote is ready' },
      { subAccountId: a.subAccountId, phoneNumber: '+13105550000', message: 'Call 212 250 for help' },
    ]);
    for (const term of ['212 250', '(212) 250-1234', '+1 212.250.1234', '2501234', '12122501234']) {
      const body = await get(`/api/sms/messages?search=${encodeURIComponent(term)}`);
      expect(
        body.items.map((m) => m.phoneNumber),
        term,
      ).toContain('+12122501234');
    }
    const spaced = await get(`/api/sms/messages?search=${encodeURIComponent('212 250')}`);
    expect(spaced.items.map((m) => m.phoneNumber)).toContain('+13105550000');
    const text = await get('/api/sms/messages?search=ROOF%20quote');
    expect(text.items.map((m) => m.message)).toEqual(['Your roof quote is ready']);
    const literal = await get(`/api/sms/messages?search=${encodeURIComponent('100%')}`);
    expect(literal.items).toEqual([]);
  });

  it('finds a number by 3 or 4 digits, and only where the digits stand together', async () => {
    await db.database.db.insert(smsMessages).values([
      { subAccountId: a.subAccountId, phoneNumber: '+17775550100', message: 'one' },
      // holds 1234, 2345 and 3456 but not 123456
      { subAccountId: a.subAccountId, phoneNumber: '+1123493456', message: 'two' },
      { subAccountId: a.subAccountId, phoneNumber: '+1888123456', message: 'three' },
      // a short code of 3 digits matches as a whole
      { subAccountId: a.subAccountId, phoneNumber: '777', message: 'four' },
    ]);
    const phones = async (term: string) =>
      (await get(`/api/sms/messages?search=${encodeURIComponent(term)}`)).items.map((m) => m.phoneNumber).sort();
    expect(await phones('123456')).toEqual(['+1888123456']);
    expect(await phones('555')).toEqual(['+17775550100']);
    expect(await phones('777')).toEqual(['+17775550100', '777']);
    expect(await phones('(010)')).toEqual(['+17775550100']);
    expect(await phones('100')).toEqual(['+17775550100']);
    expect(await phones('0100')).toEqual(['+17775550100']);
    expect(await phones('3456')).toEqual(['+1123493456', '+1888123456']);
  });

  it('estimates how many numbers hold 3 digits near their count, not at the planner’s floor', async () => {
    // 30,000 numbers of 10 scattered digits: a run of 3 digits stands in about 1 in 125 (8 places, 1 in 1,000 each).
    // ANALYZE reads every row of a table this small, so the histogram, and each estimate, are the same every run.
    const digitsOf = (from: number, n: number) =>
      sql.raw(`lpad((('x' || substr(md5(g::text), ${from}, 8))::bit(32)::bigint % ${10 ** n})::text, ${n}, '0')`);
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message, status)
      select ${a.subAccountId}, '+1' || ${digitsOf(1, 5)} || ${digitsOf(9, 5)}, 'Hello from the roofers', 'delivered'
        from generate_series(1, 30000) g`);
    // A search reads the numbers in sms_message_search (migration 0011): the estimate comes from its statistics.
    await db.database.db.execute(sql`analyze sms_message_search`);
    const ratios: number[] = [];
    for (const digits of ['723', '418', '905', '367', '580', '246', '831']) {
      // The condition the history search sends: the number's windows (migration 0014).
      const matching = phoneHolds(new QueryValues(true), digits);
      const counted = await db.database.db.execute(
        sql`select count(*)::int as n from ${smsMessageSearch} where ${matching}`,
      );
      const actual = (counted as unknown as { rows: { n: number }[] }).rows[0]!.n;
      const estimated = await plannerEstimate(db.database.db, sql`select 1 from ${smsMessageSearch} where ${matching}`);
      ratios.push(estimated / actual);
    }
    // Read from the windows' most common keys (statistics target 1,000 keeps nearly all of them); at the default the
    // planner took a common prefix for a rare one, and the history search then fetched and sorted every match.
    expect(ratios.filter((r) => r > 0.5 && r < 2).length, ratios.join(', ')).toBeGreaterThanOrEqual(6);
  });

  it("never shows another SubAccount's messages, in lists, search or by cursor", async () => {
    await fill(db, a.subAccountId, 15);
    await fill(db, b.subAccountId, 15);
    const all: PageBody['items'] = [];
    let cursor: string | null = null;
    do {
      const body: PageBody = await get(`/api/sms/messages?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(15);
    expect(new Set(all.map((m) => m.subAccountId))).toEqual(new Set([a.subAccountId]));
    const searched = await get('/api/sms/messages?search=212555');
    expect(searched.total).toBe(15);
    expect(searched.items.every((m) => m.subAccountId === a.subAccountId)).toBe(true);
  });

  it("pages a campaign's messages by cursor and counts its open messages without scanning past the cap", async () => {
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({ subAccountId: a.subAccountId, name: 'Spring', message: 'Bulk hello', status: 'sending' })
      .returning();
    await fill(db, a.subAccountId, 30, { campaignId: campaign!.id });
    await db.database.db.execute(sql`update sms_campaigns set total_recipients = 30 where id = ${campaign!.id}`);
    const first = await get(`/api/sms/campaigns/${campaign!.id}/messages?limit=15&status=pending`);
    const second = await get(
      `/api/sms/campaigns/${campaign!.id}/messages?limit=15&status=pending&cursor=${first.nextCursor}`,
    );
    expect(first.items.length + second.items.length).toBe(20);
    expect(second.nextCursor).toBeNull();
    const detail = (await t.http().get(`/api/sms/campaigns/${campaign!.id}`).set(aUser)).body as {
      pending: number;
      pendingExact: boolean;
      progress: number;
    };
    expect(detail).toMatchObject({ pending: 20, pendingExact: true });
    expect(detail.progress).toBeCloseTo(10 / 30, 3);
  });

  it('estimates a big campaign’s pending from its counters instead of counting every row', async () => {
    const n = TOTAL_EXACT_UP_TO + 500;
    const [campaign] = await db.database.db
      .insert(smsCampaigns)
      .values({
        subAccountId: a.subAccountId,
        name: 'Big',
        message: 'Bulk hello',
        status: 'sending',
        totalRecipients: n + 1000,
        sentCount: 1000,
      })
      .returning();
    await fill(db, a.subAccountId, n, { campaignId: campaign!.id });
    await db.database.db.execute(sql`update sms_messages set status = 'pending' where campaign_id = ${campaign!.id}`);
    const detail = (await t.http().get(`/api/sms/campaigns/${campaign!.id}`).set(aUser)).body as {
      pending: number;
      pendingExact: boolean;
    };
    expect(detail).toMatchObject({ pending: n, pendingExact: false });
  });

  it('counts a big campaign’s open and unpriced messages once per few seconds of polling, a small one each time', async () => {
    const campaignOf = async (name: string, size: number) => {
      const [c] = await db.database.db
        .insert(smsCampaigns)
        .values({ subAccountId: a.subAccountId, name, message: 'Hi', status: 'sending', totalRecipients: size })
        .returning();
      await fill(db, a.subAccountId, size, { campaignId: c!.id });
      return c!.id;
    };
    const big = await campaignOf('Big', 2 * TOTAL_EXACT_UP_TO + 100);
    const small = await campaignOf('Small', 30);
    // Over 1,000 pending and over 1,000 sent without a price yet.
    await db.database.db.execute(
      sql`update sms_messages set status = case when id % 2 = 0 then 'pending' else 'sent' end
           where campaign_id = ${big}`,
    );
    await db.database.db.execute(sql`update sms_messages set status = 'sent' where campaign_id = ${small}`);
    const poll = async (id: number) => {
      let body: { awaitingPrice: number; pending: number } = { awaitingPrice: 0, pending: 0 };
      const sent = await statementsOf(db.database, async () => {
        body = (await t.http().get(`/api/sms/campaigns/${id}`).set(aUser).expect(200)).body as typeof body;
      });
      return { body, counts: sent.filter((s) => /select count\(\*\)/.test(s.sql)).length };
    };
    expect((await poll(big)).counts).toBe(2);
    expect((await poll(big)).counts).toBe(0);
    // A small campaign's answers are exact: each poll counts, so a change shows at once.
    expect(await poll(small)).toMatchObject({ counts: 2, body: { awaitingPrice: 30 } });
    await db.database.db.execute(sql`update sms_messages set price = -0.0079 where campaign_id = ${small}`);
    expect(await poll(small)).toMatchObject({ counts: 2, body: { awaitingPrice: 0 } });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + LARGE_TOTAL_TTL_MS + 1);
    try {
      expect((await poll(big)).counts).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
