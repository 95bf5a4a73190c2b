import { and, eq, ilike, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueryValues, runCompiled, type PlanReuse } from 'src/core/database/compiled-queries';
import { rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { isoTime } from 'src/core/database/iso-time';
import { subAccounts } from 'src/core/database/schema';
import { sessionOf } from '../support/statements';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A list's query is compiled once per shape (which values it names) and run with each request's values. */
describe('compiled queries', () => {
  let db: TestDatabase;
  const ids: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const name of ['Acme Roofing', 'Acme Solar', 'Bolt Plumbing']) {
      const [row] = await db.database.db.insert(subAccounts).values({ name }).returning({ id: subAccounts.id });
      ids.push(row!.id);
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const european = sql`${subAccounts.timeZone} like 'Europe/%'`;

  /** Sub-account names matching the filter, built the way a list repository builds its WHERE. */
  function names(f: { id?: number; search?: string; european?: boolean }) {
    const v = new QueryValues();
    if (f.european) v.flag('european');
    const where = and(
      f.id ? eq(subAccounts.id, v.$('id', f.id)) : undefined,
      f.search ? ilike(subAccounts.name, v.$('search', `%${f.search}%`)) : undefined,
      f.european ? european : undefined,
    );
    const db$ = db.database.db;
    return runCompiled(db$, 'probe names', v, () =>
      db$.select({ name: subAccounts.name }).from(subAccounts).where(where).orderBy(subAccounts.name).$dynamic(),
    ).then((rows) => rows.map((r) => r.name));
  }

  it('prepares a shape once and runs it with each call’s own values', async () => {
    // Which prepared statement each run used (the class of the one a session makes).
    const probe = sessionOf(db.database).prepareQuery({ sql: 'select 1', params: [] });
    const prepared = Object.getPrototypeOf(probe) as { execute: (v?: unknown) => Promise<unknown> };
    const used: unknown[] = [];
    const original = prepared.execute;
    const spy = vi.spyOn(prepared, 'execute').mockImplementation(function (this: unknown, v) {
      used.push(this);
      return original.call(this, v);
    });
    try {
      expect(await names({ id: ids[0] })).toEqual(['Acme Roofing']);
      expect(await names({ id: ids[2] })).toEqual(['Bolt Plumbing']);
      expect(await names({ id: ids[1] })).toEqual(['Acme Solar']);
      expect(await names({ search: 'acme' })).toEqual(['Acme Roofing', 'Acme Solar']);
      expect(await names({ search: 'bolt' })).toEqual(['Bolt Plumbing']);
      expect(await names({ search: 'acme', id: ids[1] })).toEqual(['Acme Solar']);
      const [byId, byId2, byId3, bySearch, bySearch2, byBoth] = used;
      expect(byId2).toBe(byId);
      expect(byId3).toBe(byId);
      expect(bySearch2).toBe(bySearch);
      expect(new Set([byId, bySearch, byBoth]).size).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('tells shapes apart by the values named and the flags set', () => {
    const a = new QueryValues();
    a.$('id', 1);
    const b = new QueryValues();
    b.$('id', 2);
    expect(a.shape).toBe(b.shape);
    b.flag('european');
    expect(a.shape).not.toBe(b.shape);
    const c = new QueryValues();
    c.$('search', '%x%');
    expect(c.shape).not.toBe(a.shape);
    expect(() => a.$('id', 3)).toThrow('Query value id given twice');
  });

  it('writes a page size into the text, one shape per size, and nothing but a whole number', () => {
    const page = (n: number) => {
      const v = new QueryValues();
      const limit = v.count('pageLimit', n);
      return { shape: v.shape, text: db.database.db.select().from(subAccounts).limit(limit).toSQL() };
    };
    expect(page(21).text.sql).toMatch(/ limit 21$/);
    expect(page(21).text.params).toEqual([]);
    expect(page(21).shape).toBe(page(21).shape);
    expect(page(51).shape).not.toBe(page(21).shape);
    expect(() => page(2.5)).toThrow('not a whole number');
    expect(() => page('1; drop table sub_accounts' as unknown as number)).toThrow('not a whole number');
  });

  it('writes an array as one value in a statement run once (inline), as a placeholder gives it', async () => {
    const inline = new QueryValues(true);
    const ids2 = inline.$('ids', ids.slice(0, 2));
    const result = await db.database.db.execute(
      sql`select count(*)::int n from ${subAccounts} where ${subAccounts.id} = any(${ids2}::int[])`,
    );
    expect(rowsOf<{ n: number }>(result)).toEqual([{ n: 2 }]);
  });

  it('keeps a flag-only condition apart from the same values without it', async () => {
    await db.database.db.execute(sql`update sub_accounts set time_zone = 'Europe/London' where name = 'Acme Solar'`);
    expect(await names({ search: 'acme' })).toEqual(['Acme Roofing', 'Acme Solar']);
    expect(await names({ search: 'acme', european: true })).toEqual(['Acme Solar']);
    expect(await names({ search: 'acme' })).toEqual(['Acme Roofing', 'Acme Solar']);
  });

  it('fails in tests when one shape would stand for two texts (a condition left out of the shape)', async () => {
    const db$ = db.database.db;
    const run = (unflagged: boolean) => {
      const v = new QueryValues();
      const where = unflagged ? european : undefined;
      return runCompiled(db$, 'probe unflagged', v, () => db$.select().from(subAccounts).where(where).$dynamic());
    };
    await run(false);
    await expect(run(true)).rejects.toThrow('stands for two texts');
  });

  it('names a reusable plan’s statement after its text (parsed once per connection); plans per values unnamed', async () => {
    const session = sessionOf(db.database) as unknown as { prepareQuery: (...args: unknown[]) => unknown };
    const original = session.prepareQuery;
    const prepared: { sql: string; name: unknown }[] = [];
    const spy = vi.spyOn(session, 'prepareQuery').mockImplementation(function (this: unknown, ...args: unknown[]) {
      prepared.push({ sql: (args[0] as { sql: string }).sql, name: args[2] });
      return original.apply(this, args);
    });
    const byId = (id: number, plan: PlanReuse, db$: DbOrTx = db.database.db) => {
      const v = new QueryValues();
      const where = eq(subAccounts.id, v.$('id', id));
      return runCompiled(
        db$,
        'probe plan',
        v,
        () => db$.select({ name: subAccounts.name }).from(subAccounts).where(where),
        plan,
      );
    };
    try {
      expect(await byId(ids[0]!, 'reusable')).toEqual([{ name: 'Acme Roofing' }]);
      expect(await byId(ids[2]!, 'reusable')).toEqual([{ name: 'Bolt Plumbing' }]);
      expect(await byId(ids[1]!, 'perValues')).toEqual([{ name: 'Acme Solar' }]);
    } finally {
      spy.mockRestore();
    }
    const named = prepared.filter((p) => p.name);
    expect(named).toHaveLength(1);
    expect(named[0]!.name).toMatch(/^c_[0-9a-f]{24}$/);
    // The same text planned per values is compiled last, unnamed.
    expect(prepared.at(-1)).toEqual({ sql: named[0]!.sql, name: '' });

    // On PostgreSQL the connection keeps it; PGlite's driver runs every statement unnamed.
    const kept = await db.database.db.transaction(async (tx) => {
      await byId(ids[0]!, 'reusable', tx);
      return rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements`)).map(
        (r) => r.name,
      );
    });
    expect(kept).toEqual(db.database.driver === 'postgres' ? [named[0]!.name] : []);
  });

  it('maps rows of flat fields by decoders read once, to what Drizzle’s own mapping gives', async () => {
    const db$ = db.database.db;
    const probe = sessionOf(db.database).prepareQuery({ sql: 'select 1', params: [] });
    const prepared = Object.getPrototypeOf(probe) as { execute: (v?: unknown) => Promise<unknown> };
    const used: { customResultMapper?: unknown }[] = [];
    const original = prepared.execute;
    const spy = vi.spyOn(prepared, 'execute').mockImplementation(function (this: never, v) {
      used.push(this);
      return original.call(this, v);
    });
    try {
      const v = new QueryValues();
      const rows = await runCompiled(db$, 'probe flat rows', v, () =>
        db$
          .select({
            id: subAccounts.id,
            name: subAccounts.name,
            createdAt: subAccounts.createdAt,
            createdText: isoTime(subAccounts.createdAt),
            twice: sql<number>`${subAccounts.id} * 2`.mapWith(Number),
            nothing: sql<string | null>`null`,
          })
          .from(subAccounts)
          .orderBy(subAccounts.id)
          .$dynamic(),
      );
      expect(typeof used[0]?.customResultMapper).toBe('function');
      expect(rows[0]).toEqual({
        id: ids[0],
        name: 'Acme Roofing',
        createdAt: expect.any(Date),
        createdText: rows[0]!.createdAt.toISOString(),
        twice: ids[0]! * 2,
        nothing: null,
      });
      // Nested fields keep Drizzle's mapping.
      await runCompiled(db$, 'probe nested rows', new QueryValues(), () =>
        db$
          .select({ account: { id: subAccounts.id } })
          .from(subAccounts)
          .$dynamic(),
      );
      expect(used[1]?.customResultMapper).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });
});
