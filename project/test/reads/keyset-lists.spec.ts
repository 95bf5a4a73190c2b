import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { adminHeaders, createTenant, userHeaders, type Tenant } from '../support/fixtures';
import { createSystemAdmin, headersFor } from '../support/role-fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type Headers = Record<string, string>;
interface PageBody {
  items: { id: number; subAccountId?: number }[];
  nextCursor: string | null;
}

/** Numbers unique across the whole spec, so seeds never collide on a unique (SubAccount, phone). */
let serial = 0;
const nextBlock = (n: number) => {
  const start = serial;
  serial += n;
  return start;
};

/**
 * One newest-first list and how to seed it: `seed` inserts n rows in one statement (so they share created_at,
 * and only the id orders them) for the SubAccount `into`, readable by `reader`.
 */
interface ListCase {
  name: string;
  path: string;
  table: string;
  headers: (ctx: Ctx) => Headers;
  seed: (into: Tenant, n: number, reader: Tenant) => SQL;
  /** False for the system admin's Unassigned inbox: it belongs to no SubAccount. */
  tenantOwned: boolean;
}

interface Ctx {
  a: Tenant;
  admin: Headers;
  user: Headers;
  system: Headers;
}

const phones = (n: number) => {
  const start = nextBlock(n);
  return sql`'+1212' || lpad((${start}::int + g)::text, 7, '0')`;
};

const CASES: ListCase[] = [
  {
    name: 'opt-outs',
    path: '/api/sms/opt-outs',
    table: 'sms_opt_outs',
    headers: (c) => c.admin,
    tenantOwned: true,
    seed: (into, n) => sql`insert into sms_opt_outs (sub_account_id, phone_number, source)
      select ${into.subAccountId}, ${phones(n)}, 'manual' from generate_series(1, ${n}) g`,
  },
  {
    name: 'audit log',
    path: '/api/sms/audit',
    table: 'sms_audit_log',
    headers: (c) => c.admin,
    tenantOwned: true,
    seed: (into, n) => sql`insert into sms_audit_log (sub_account_id, actor_kind, action)
      select ${into.subAccountId}, 'system', 'test.row' from generate_series(1, ${n}) g`,
  },
  {
    name: 'notifications',
    path: '/api/notifications',
    table: 'notifications',
    headers: (c) => c.user,
    tenantOwned: true,
    // Addressed to A's user even when filed under another SubAccount: the SubAccount still decides.
    seed: (into, n, reader) => {
      const start = nextBlock(n);
      return sql`insert into notifications (sub_account_id, recipient_kind, recipient_id, type, title, dedupe_key)
        select ${into.subAccountId}, 'user', ${reader.userId}, 'lead_reply', 'Reply ' || g,
               'keyset:' || (${start}::int + g) from generate_series(1, ${n}) g`;
    },
  },
  {
    name: 'conversations',
    path: '/api/sms/conversations',
    table: 'sms_conversations',
    headers: (c) => c.admin,
    tenantOwned: true,
    seed: (into, n) => sql`insert into sms_conversations (sub_account_id, phone_number, last_direction)
      select ${into.subAccountId}, ${phones(n)}, 'inbound' from generate_series(1, ${n}) g`,
  },
  {
    name: 'campaigns',
    path: '/api/sms/campaigns',
    table: 'sms_campaigns',
    headers: (c) => c.admin,
    tenantOwned: true,
    seed: (into, n) => sql`insert into sms_campaigns (sub_account_id, name, message, status)
      select ${into.subAccountId}, 'Campaign ' || g, 'Hello', 'completed' from generate_series(1, ${n}) g`,
  },
  {
    name: 'unassigned inbox',
    path: '/api/sms/unassigned?state=all',
    table: 'sms_unassigned_inbound',
    headers: (c) => c.system,
    tenantOwned: false,
    seed: (_into, n) => sql`insert into sms_unassigned_inbound (from_number, body)
      select ${phones(n)}, 'Who is this?' from generate_series(1, ${n}) g`,
  },
];

describe('Lists page by keyset cursor', () => {
  let db: TestDatabase;
  let t: TestApp;
  let ctx: Ctx;
  let b: Tenant;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database });
    const a = await createTenant(db.database, 'Alpha Roofing');
    b = await createTenant(db.database, 'Beta Windows');
    const root = await createSystemAdmin(db.database);
    ctx = { a, admin: await adminHeaders(t, a), user: await userHeaders(t, a), system: await headersFor(t, root) };
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const withCursor = (path: string, cursor: string | null) =>
    cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}` : path;

  const get = async (c: ListCase, path: string): Promise<PageBody> => {
    const res = await t.http().get(path).set(c.headers(ctx));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as PageBody;
  };

  /** Reads every page by cursor; `between` runs after each of the first pages (new rows arriving). */
  async function walk(c: ListCase, limit: number, between?: () => Promise<unknown>) {
    const base = `${c.path}${c.path.includes('?') ? '&' : '?'}limit=${limit}`;
    const pages: PageBody[] = [];
    let cursor: string | null = null;
    do {
      const body = await get(c, withCursor(base, cursor));
      pages.push(body);
      cursor = body.nextCursor;
      if (between && pages.length <= 3) await between();
      expect(pages.length, 'the walk ends').toBeLessThan(50);
    } while (cursor);
    return pages;
  }

  const idsOf = async (c: ListCase, where: SQL) =>
    rowsOf<{ id: number }>(await db.database.db.execute(sql`select id from ${sql.raw(c.table)} where ${where}`)).map(
      (r) => Number(r.id),
    );

  describe.each(CASES)('$name', (c) => {
    beforeEach(async () => {
      await db.database.db.execute(sql.raw(`delete from ${c.table}`));
    });

    it('reads every row once by cursor while new rows arrive, and ends with a null nextCursor', async () => {
      await db.database.db.execute(c.seed(ctx.a, 25, ctx.a));
      const original = await idsOf(c, sql`true`);
      const pages = await walk(c, 10, () => db.database.db.execute(c.seed(ctx.a, 3, ctx.a)));
      const seen = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(new Set(seen).size, 'no row twice').toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(original));
      // 25 rows at 10 a page, and the rows that arrived meanwhile are newer than the cursor: 3 pages.
      expect(pages).toHaveLength(3);
      expect(pages.at(-1)!.items).toHaveLength(5);
      expect(pages.at(-1)!.nextCursor).toBeNull();
    });

    it('gives a null nextCursor when one page holds every row', async () => {
      await db.database.db.execute(c.seed(ctx.a, 4, ctx.a));
      const [only] = await walk(c, 10);
      expect(only!.items).toHaveLength(4);
      expect(only!.nextCursor).toBeNull();
    });

    it('answers each page by number with the rows of the cursor walk, and none past the end', async () => {
      await db.database.db.execute(c.seed(ctx.a, 12, ctx.a));
      if (c.tenantOwned) await db.database.db.execute(c.seed(b, 12, ctx.a));
      await db.database.db.execute(c.seed(ctx.a, 4, ctx.a));
      const walked = (await walk(c, 5)).map((p) => p.items.map((i) => i.id));
      expect(walked.map((ids) => ids.length)).toEqual([5, 5, 5, 1]);
      const byNumber = (page: number) => get(c, `${c.path}${c.path.includes('?') ? '&' : '?'}limit=5&page=${page}`);
      for (const [i, ids] of walked.entries()) expect((await byNumber(i + 1)).items.map((r) => r.id)).toEqual(ids);
      expect((await byNumber(walked.length + 1)).items).toEqual([]);
    });

    it('rejects a cursor it did not give out with a 400 naming cursor', async () => {
      const res = await t.http().get(withCursor(c.path, 'bm9wZQ')).set(c.headers(ctx));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('cursor');
    });

    it.runIf(c.tenantOwned)("never shows another SubAccount's rows, on any page", async () => {
      await db.database.db.execute(c.seed(ctx.a, 12, ctx.a));
      await db.database.db.execute(c.seed(b, 12, ctx.a));
      const mine = await idsOf(c, sql`sub_account_id = ${ctx.a.subAccountId}`);
      const seen = (await walk(c, 5)).flatMap((p) => p.items.map((i) => i.id));
      expect(seen.sort((x, y) => x - y)).toEqual(mine.sort((x, y) => x - y));
    });
  });
});
