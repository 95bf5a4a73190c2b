import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryValues } from 'src/core/database/compiled-queries';
import { rowsOf } from 'src/core/database/database.service';
import { smsMessageSearch, smsMessages } from 'src/core/database/schema';
import {
  phoneGramsQuery,
  phoneHolds,
  SmsMessageHistoryRepository,
} from 'src/shared/sms/repositories/sms-message-history.repository';
import { createTenant, type Tenant } from '../support/fixtures';
import { searchPagePlan } from '../support/search-plan';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * A search for a number's digits looks up the number's 4-character windows (sms_message_search.phone_grams, migration
 * 0014) where it read the number's trigrams: it must find exactly the numbers `LIKE '%digits%'` finds.
 */
describe("Search by a number's digits (sms_message_search.phone_grams)", () => {
  let db: TestDatabase;
  let a: Tenant;
  let history: SmsMessageHistoryRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTenant(db.database, 'Alpha Roofing');
    history = new SmsMessageHistoryRepository(db.database);
  });
  afterAll(async () => db?.destroy());

  it('writes 3 digits as a prefix, 4 as a window, more as the windows that cover them', () => {
    expect(phoneGramsQuery('723')).toBe('723:*');
    expect(phoneGramsQuery('0723')).toBe('0723');
    expect(phoneGramsQuery('20072')).toBe('2007 & 0072');
    expect(phoneGramsQuery('2007230047')).toBe('2007 & 2300 & 0047');
    expect(() => phoneGramsQuery('72')).toThrow();
    expect(() => phoneGramsQuery("7'23")).toThrow();
  });

  it('finds the numbers LIKE finds, for any number and run of digits', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const shape = fc.constantFrom('+1', '+44', '+', '', 'A1'); // E.164, a short code, an odd sender
    const number = fc
      .tuple(shape, fc.array(fc.constantFrom('0', '1', '2', '7'), { minLength: 0, maxLength: 17 }))
      .map(([start, ds]) => `${start}${ds.join('')}`.slice(0, 20))
      .filter((n) => n.length > 0);
    const numbers = [...new Set(fc.sample(number, { numRuns: 400, seed: 14 }))];
    await db.database.db
      .insert(smsMessages)
      .values(numbers.map((phoneNumber) => ({ subAccountId: a.subAccountId, phoneNumber, message: 'Hello' })));

    const term = fc.oneof(
      fc.array(digit, { minLength: 3, maxLength: 12 }).map((ds) => ds.join('')),
      fc.tuple(fc.constantFrom(...numbers), fc.nat(), fc.integer({ min: 3, max: 15 })).map(([n, i, k]) => {
        const ds = n.replace(/[^0-9]/g, '');
        return ds.slice(i % Math.max(1, ds.length - 2), (i % Math.max(1, ds.length - 2)) + k);
      }),
    );
    let found = 0;
    await fc.assert(
      fc.asyncProperty(
        term.filter((t) => /^[0-9]{3,}$/.test(t)),
        async (digits) => {
          const ids = async (where: ReturnType<typeof sql>) =>
            rowsOf<{ id: number }>(
              await db.database.db.execute(
                sql`select ${smsMessageSearch.messageId} as id from ${smsMessageSearch} where ${where} order by 1`,
              ),
            ).map((r) => Number(r.id));
          const byLike = await ids(sql`${smsMessageSearch.phoneNumber} like ${`%${digits}%`}`);
          expect(await ids(phoneHolds(new QueryValues(true), digits)), digits).toEqual(byLike);
          if (byLike.length > 0) found++;
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    expect(found, 'terms found in some number').toBeGreaterThan(100);
  }, 120_000);

  it('reads the windows from their index in the statement the history search sends', async () => {
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message)
      select ${a.subAccountId}, '+1' || (2000000000 + (g::bigint * 7919) % 7999999999)::text, 'Hello from the roofers'
        from generate_series(1, 20000) g`);
    // As autovacuum would: the GIN index's pending entries merged, statistics read.
    await db.database.db.execute(sql`vacuum analyze sms_messages, sms_message_search`);
    for (const term of ['200 723', '(200) 723-0047']) {
      const indexes = (await searchPagePlan(db.database, history, a.subAccountId, term)).map((n) => n['Index Name']);
      expect(indexes, term).toContain('sms_message_search_phone_grams_idx');
    }
  }, 60_000);
});
