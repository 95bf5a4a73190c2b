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
import { statementsOf } from '../support/statements';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const MATCH_ALL = `'x' | !'x'`;

/**
 * A body search also looks the term's numbers up in sms_message_search.numbers (migration 0012), a key of the same
 * GIN index as the body's trigrams: the number of one body narrows a scan whose digit trigrams are each in a large
 * share of the bodies. The numbers may only narrow: every body ILIKE finds must still be found.
 */
describe('Search by the numbers in a body (sms_message_search.numbers)', () => {
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
      .values(bodies.map((message) => ({ subAccountId: a.subAccountId, phoneNumber: '+12125550100', message })));
  const searchIds = async (term: string) =>
    (await history.page(a.subAccountId, { page: 1, limit: 100, search: term })).items.map((m) => m.message).sort();

  it('finds what ILIKE finds for any body and term: numbers inside words, LIKE’s own characters, digits beyond ASCII', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    const piece = fc.constantFrom(
      ...['jane', 'JANE', '500001', '5000012', '50', '5', '0', '00', 'x2y', 'A1', '١٢٣', '²', 'été', 'İ'],
      ...[' ', ', ', '-', '%', '_', '\\', '.', '!', '«', '»', '—', "'", '  ', '\n'],
    );
    const text = fc.array(piece, { minLength: 0, maxLength: 12 }).map((parts) => parts.join(''));
    const bodies = fc.sample(text, { numRuns: 300, seed: 14 }).filter((b) => b.length > 0);
    await insert(bodies);

    const term = fc
      .oneof(
        text,
        fc
          .tuple(fc.constantFrom(...bodies), fc.nat(), fc.nat())
          .map(([b, i, j]) => b.slice(i % b.length, (i % b.length) + 2 + (j % 14))),
      )
      .map((t) => t.trim()); // as the search box's term reaches the query
    let narrowed = 0;
    await fc.assert(
      fc.asyncProperty(term, async (t) => {
        const [row] = rowsOf<{ query: string; plain: number[]; with_numbers: number[] }>(
          await db.database.db.execute(sql`
            select sms_search_numbers_query(${t})::text as query,
              array(select s.message_id from sms_message_search s join sms_messages m on m.id = s.message_id
                     where m.message ilike ${likePattern(t)} order by 1) as plain,
              array(select s.message_id from sms_message_search s join sms_messages m on m.id = s.message_id
                     where m.message ilike ${likePattern(t)} and numbers @@ sms_search_numbers_query(${t}) order by 1) as with_numbers`),
        );
        expect(row!.with_numbers).toEqual(row!.plain);
        expect(row!.query === MATCH_ALL).toBe(!parseMessageSearch(t).hasIndexedNumber);
        if (row!.query !== MATCH_ALL && row!.plain.length > 0) narrowed++;
      }),
      { numRuns: 400, seed: 14 },
    );
    // Not vacuous: many terms that found bodies were looked up by their numbers.
    expect(narrowed).toBeGreaterThan(40);
  });

  it('a search through the history finds what ILIKE finds, whether its term holds a whole number, a number’s start or neither', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    await insert([
      'Order 500001 shipped',
      'Order 5000012 shipped',
      'order 1500001 shipped',
      'Hi Jane 4, spring',
      'Hi Jane 41, spring',
    ]);
    expect(await searchIds('order 500001 s')).toEqual(['Order 500001 shipped']);
    expect(await searchIds('ORDER 500001')).toEqual(['Order 500001 shipped', 'Order 5000012 shipped']);
    expect(await searchIds('500001')).toEqual([
      'Order 500001 shipped',
      'Order 5000012 shipped',
      'order 1500001 shipped',
    ]);
    expect(await searchIds('jane 4,')).toEqual(['Hi Jane 4, spring']);
    expect(await searchIds('Jane 4')).toEqual(['Hi Jane 4, spring', 'Hi Jane 41, spring']);
  });

  it('finds a body by a long number, in a short body or one over 2,000 characters (where runs are cut to 100 digits)', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    const digits = Array.from({ length: 300 }, (_, i) => String((i * 7) % 10)).join('');
    const short = `code ${digits} end`;
    const long = `code ${digits} end ${'padding '.repeat(300)}`;
    await insert([short, long]);
    for (const term of [`code ${digits.slice(0, 60)}`, `code ${digits} end`, `de ${digits.slice(0, 100)}`]) {
      expect((await searchIds(term)).length, term.slice(0, 20)).toBe(2);
    }
    expect(await searchIds(`code ${digits.slice(1, 60)}`)).toEqual([]);
  });

  it('keeps a body’s numbers as it is written and changed, through the search table’s triggers', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    await insert(['Roof quote 12, ready at 0400 TODAY']);
    const numbers = async () =>
      rowsOf<{ numbers: string }>(await db.database.db.execute(sql`select numbers::text from sms_message_search`))[0]
        ?.numbers;
    expect(await numbers()).toBe(`'0400' '12'`);
    await db.database.db.execute(
      sql`update sms_messages set message = 'Gutter check 7/31: done' where sub_account_id = ${a.subAccountId}`,
    );
    expect(await numbers()).toBe(`'31' '7'`);
    expect(await searchIds('check 7/31:')).toEqual(['Gutter check 7/31: done']);
  });

  it('reads a term’s number from the index with its trigrams, in the statement the history sends', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message)
      select ${a.subAccountId}, '+1212555' || lpad((g % 10000)::text, 4, '0'),
             'Hi Jane ' || g || ', spring roof checks are 20% off this week'
        from generate_series(1, 20000) g`);
    // As autovacuum would: the GIN index's pending entries merged, statistics read.
    await db.database.db.execute(sql`vacuum analyze sms_messages, sms_message_search`);
    expect(await bodyIndexConditions('Jane 12345,')).toEqual([
      expect.stringMatching(/numbers @@ .*12345.*AND.*body_key ~~ '%janeQ12345,%'/),
    ]);
    expect(await bodyIndexConditions('Jane 12345')).toEqual([expect.stringMatching(/numbers @@ .*12345'+:\*/)]);
    // No number the index can answer for (a last run shorter than 5 digits): its trigrams alone.
    expect(await bodyIndexConditions('Jane 1234')).toEqual([expect.not.stringContaining('numbers')]);
    // A phone-like term is found by its digits and its body trigrams, its punctuation rare in bodies.
    const phoneLike = await statementsOf(db.database, () =>
      history.page(a.subAccountId, { page: 1, limit: 20, search: '(212) 555-0123' }),
    );
    expect(phoneLike.some((q) => q.sql.includes('sms_message_search'))).toBe(true);
    expect(phoneLike.some((q) => q.sql.includes('numbers'))).toBe(false);
  }, 60_000);

  /** The Index Cond of each scan of sms_message_search_body_idx in the plan of the history search's page. */
  const bodyIndexConditions = async (term: string) =>
    (await searchPagePlan(db.database, history, a.subAccountId, term))
      .filter((n) => n['Index Name'] === 'sms_message_search_body_idx')
      .map((n) => n['Index Cond'] ?? '');
});
