import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { smsMessages } from 'src/core/database/schema';
import { likePattern } from 'src/core/http/pagination';
import { parseMessageSearch } from 'src/shared/sms/message-search';
import { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { createTenant, type Tenant } from '../support/fixtures';
import { searchPagePlan } from '../support/search-plan';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NUMBER = '+12025550100';

/**
 * A body search compares the body's search key (migration 0015: `sms_search_key`, the body lowercased with each
 * space as 'Q') with the term's, where it used ILIKE on the body: the key's trigrams span words, so a phrase of
 * common words that no body holds side by side is answered from the index. It must find exactly what ILIKE finds.
 * Bodies here mix spaces with 'q' and 'Q', LIKE's own characters, and the characters whose lowercase is longer or
 * unusual (İ, ẞ, Σ, the Kelvin sign, Roman numerals, a combining dot).
 */
describe('Search bodies by their search key (body lowercased, spaces as Q)', () => {
  let db: TestDatabase;
  let a: Tenant;
  let history: SmsMessageHistoryRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTenant(db.database, 'Alpha Roofing');
    history = new SmsMessageHistoryRepository(db.database);
  });
  afterAll(async () => db?.destroy());

  const insert = (bodies: string[]) =>
    db.database.db
      .insert(smsMessages)
      .values(bodies.map((message) => ({ subAccountId: a.subAccountId, phoneNumber: NUMBER, message })));
  const found = async (term: string, limit = 20) =>
    (await history.page(a.subAccountId, { page: 1, limit, search: term })).items.map((m) => m.id).sort((x, y) => x - y);

  const plainChar = fc.constantFrom(...'0123456789 ()+-.,%_\\!?#*/:'.split(''));
  const letter = fc.constantFrom(...'aAiIkKqQsSzZ'.split(''));
  const oddChar = fc.constantFrom(
    ...['İ', 'ı', 'ß', 'ẞ', 'Σ', 'ς', '\u212a', '\u212b', 'Ⅻ', 'ⅻ', '１', '٣', '\u0307', '😀', '\t', '\n'],
  );
  const bodyChar = fc.oneof(plainChar, letter, oddChar, fc.constant(' '));

  it('finds exactly the messages ILIKE finds (or whose number holds a phone-like term’s digits), for any term', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    const bodies = [
      ...new Set(fc.sample(fc.string({ unit: bodyChar, minLength: 1, maxLength: 24 }), { numRuns: 400, seed: 15 })),
    ];
    await insert(bodies);

    const cut = fc.tuple(fc.constantFrom(...bodies), fc.nat(), fc.integer({ min: 1, max: 6 }));
    const term = fc
      .oneof(
        fc.string({ unit: bodyChar, minLength: 1, maxLength: 4 }),
        cut.map(([b, i, k]) => [...b].slice(i % b.length, (i % b.length) + k).join('')),
      )
      .map((t) => t.trim()) // as the search box's term reaches the query
      .filter((t) => t !== '');
    const byIlike = async (t: string) => {
      const digits = parseMessageSearch(t).phoneDigits;
      const rows = rowsOf<{ id: number }>(
        await db.database.db.execute(
          sql`select id from sms_messages where message ilike ${likePattern(t)}
                 or (${digits}::text is not null and phone_number like '%' || ${digits}::text || '%') order by 1`,
        ),
      );
      return rows.map((r) => Number(r.id));
    };
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(term, async (t) => {
        const expected = await byIlike(t);
        expect(await found(t, 500), JSON.stringify(t)).toEqual(expected);
        if (expected.length > 0 && expected.length < bodies.length) matched++;
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(matched, 'terms found in some bodies, not all').toBeGreaterThan(100);
  }, 120_000);

  it('keeps the key as a message is written and its body changed, through the search table’s triggers', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    await insert(['Roof Check  TODAY']);
    const key = async () =>
      rowsOf<{ body_key: string }>(await db.database.db.execute(sql`select body_key from sms_message_search`))[0]
        ?.body_key;
    expect(await key()).toBe('roofQcheckQQtoday');
    expect(await found('check today')).toEqual([]);
    expect(await found('CHECK  today')).toHaveLength(1);
    await db.database.db.execute(sql`update sms_messages set message = 'Gutter check done'`);
    expect(await key()).toBe('gutterQcheckQdone');
    expect(await found('check done')).toHaveLength(1);
    expect(await found('check  today')).toEqual([]);
  });

  it('answers a phrase of common words that no body holds side by side from the index, not by testing every body', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message)
      select ${a.subAccountId}, ${NUMBER}, 'Hi Jane ' || g || ', spring gutter checks are 20% off this week'
        from generate_series(1, 5000) g`);
    // As autovacuum would: the GIN index's pending entries merged, statistics read.
    await db.database.db.execute(sql`vacuum analyze sms_messages, sms_message_search`);
    for (const term of ['spring off', 'jane spring checks', 'gutter week', '20 off']) {
      const plan = await searchPagePlan(db.database, history, a.subAccountId, term, { analyze: true });
      const scans = plan.filter((n) => n['Index Name'] === 'sms_message_search_body_idx');
      // Every word (and digit trigram) is in each of the 5,000 bodies; the trigrams across words in none.
      expect(scans, term).toEqual([expect.objectContaining({ 'Actual Rows': 0 })]);
      expect(await found(term), term).toEqual([]);
    }
    expect(await found('gutter checks are 20% OFF')).toHaveLength(20);
  }, 60_000);
});
