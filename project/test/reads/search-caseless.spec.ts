import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { smsMessageSearch, smsMessages } from 'src/core/database/schema';
import { likePattern } from 'src/core/http/pagination';
import { parseMessageSearch } from 'src/shared/sms/message-search';
import { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { createTenant, type Tenant } from '../support/fixtures';
import { statementsOf } from '../support/statements';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * A term without letters, all ASCII ("723", "(200) 723-0047", "20% !") is looked for in bodies with LIKE: ILIKE
 * lowercases every body it tests, 8-9 times LIKE's cost, and for such a term finds the same bodies. Bodies here mix
 * the characters whose lowercase is longer or unusual (İ, ẞ, Σ, the Kelvin sign, Roman numerals, a combining dot).
 */
describe('Search bodies for a term without letters with LIKE', () => {
  let db: TestDatabase;
  let a: Tenant;
  let history: SmsMessageHistoryRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTenant(db.database, 'Alpha Roofing');
    history = new SmsMessageHistoryRepository(db.database);
  });
  afterAll(async () => db?.destroy());

  const caselessChar = fc.constantFrom(...'0123456789 ()+-.,%_\\!?#*/:'.split(''));
  const oddChar = fc.constantFrom(
    'İ',
    'ı',
    'ß',
    'ẞ',
    'Σ',
    'ς',
    '\u212a',
    '\u212b',
    'Ⅻ',
    'ⅻ',
    '１',
    '٣',
    '\u0307',
    '😀',
  );
  const bodyChar = fc.oneof(caselessChar, oddChar, fc.constantFrom(...'aAiIkKsSzZ'.split('')));

  it('finds with LIKE exactly the bodies ILIKE finds, for any term the search calls caseless', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    const bodies = [
      ...new Set(fc.sample(fc.string({ unit: bodyChar, minLength: 1, maxLength: 24 }), { numRuns: 400, seed: 15 })),
    ];
    await db.database.db
      .insert(smsMessages)
      .values(bodies.map((message) => ({ subAccountId: a.subAccountId, phoneNumber: '+12025550100', message })));

    const cut = fc.tuple(fc.constantFrom(...bodies), fc.nat(), fc.integer({ min: 1, max: 6 }));
    const term = fc.oneof(
      fc.string({ unit: caselessChar, minLength: 1, maxLength: 4 }),
      cut.map(([b, i, k]) => [...b].slice(i % b.length, (i % b.length) + k).join('')),
    );
    const ids = async (op: ReturnType<typeof sql>, t: string) =>
      rowsOf<{ id: number }>(
        await db.database.db.execute(
          sql`select ${smsMessageSearch.messageId} as id from ${smsMessageSearch}
               where ${smsMessageSearch.message} ${op} ${likePattern(t)} order by 1`,
        ),
      ).map((r) => Number(r.id));
    let found = 0;
    await fc.assert(
      fc.asyncProperty(
        term.filter((t) => t.trim() !== '' && parseMessageSearch(t).caseless),
        async (t) => {
          const byIlike = await ids(sql`ilike`, t);
          expect(await ids(sql`like`, t), JSON.stringify(t)).toEqual(byIlike);
          if (byIlike.length > 0) found++;
        },
      ),
      { numRuns: 300, seed: 15 },
    );
    expect(found, 'terms found in some body').toBeGreaterThan(100);
  }, 120_000);

  it('sends LIKE for a term without letters and ILIKE for one with, and finds the same messages', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    const messages = [
      'Order 723 is ready',
      'ORDER 7230 SHIPPED',
      'İstanbul 723',
      'No digits here',
      'Kelvin \u212a 20%',
    ];
    await db.database.db
      .insert(smsMessages)
      .values(messages.map((message) => ({ subAccountId: a.subAccountId, phoneNumber: '+12025550100', message })));
    const cases: [string, 'like' | 'ilike', string[]][] = [
      ['723', 'like', ['İstanbul 723', 'ORDER 7230 SHIPPED', 'Order 723 is ready']],
      ['20%', 'like', ['Kelvin \u212a 20%']],
      ['order', 'ilike', ['ORDER 7230 SHIPPED', 'Order 723 is ready']],
      ['kelvin', 'ilike', ['Kelvin \u212a 20%']],
    ];
    for (const [term, op, expected] of cases) {
      let found: string[] = [];
      const sent = await statementsOf(db.database, async () => {
        const page = await history.page(a.subAccountId, { page: 1, limit: 20, search: term });
        found = page.items.map((m) => m.message).sort();
      });
      const rows = sent.find((q) => q.sql.includes('sms_message_search') && !q.sql.startsWith('explain'));
      const used = /"sms_message_search"\."message" (i?like)/.exec(rows!.sql)?.[1];
      expect([term, used, found]).toEqual([term, op, expected.sort()]);
    }
  }, 60_000);
});
