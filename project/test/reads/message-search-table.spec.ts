import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseService, rowsOf } from 'src/core/database/database.service';
import { MIGRATIONS_DIR } from 'src/core/database/migrate';
import { smsMessages, smsMessageSearch } from 'src/core/database/schema';
import { SmsMessageHistoryRepository } from 'src/shared/sms/repositories/sms-message-history.repository';
import { createTenant, type Tenant } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * History search reads sms_message_search (migration 0011), written by triggers on sms_messages: once per message,
 * never by a status change, so its trigram indexes are not rewritten by every claim, send and callback.
 */
describe('sms_message_search: what history search reads, kept by sms_messages’ triggers', () => {
  let db: TestDatabase;
  let a: Tenant;
  let history: SmsMessageHistoryRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTenant(db.database, 'Alpha Roofing');
    history = new SmsMessageHistoryRepository(db.database);
  });
  afterAll(async () => db?.destroy());
  beforeEach(async () => {
    await db.database.db.delete(smsMessages);
  });

  const search = async (term: string) =>
    (await history.page(a.subAccountId, { page: 1, limit: 20, search: term })).items.map((m) => m.id).sort();
  const searchOrder = async (term: string) =>
    (await history.page(a.subAccountId, { page: 1, limit: 20, search: term })).items.map((m) => m.id);
  const insert = async (phoneNumber: string, message: string) => {
    const [row] = await db.database.db
      .insert(smsMessages)
      .values({ subAccountId: a.subAccountId, phoneNumber, message })
      .returning({ id: smsMessages.id });
    return row!.id;
  };
  /** The search row's physical place: a new row version (and new index entries) moves it. */
  const searchRowVersion = async (id: number) =>
    rowsOf<{ ctid: string }>(
      await db.database.db.execute(sql`select ctid::text from sms_message_search where message_id = ${id}`),
    )[0]?.ctid;

  it('holds every message inserted, one statement or many rows at once, and search finds them', async () => {
    const one = await insert('+12125550100', 'Your roof quote is ready');
    await db.database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message)
      select ${a.subAccountId}, '+1310555' || lpad(g::text, 4, '0'), 'Gutter check ' || g from generate_series(1, 30) g`);
    expect(await db.database.db.$count(smsMessageSearch)).toBe(31);
    expect(await search('212 555')).toEqual([one]);
    expect(await search('ROOF quote')).toEqual([one]);
    expect((await search('gutter check 17')).length).toBe(1);
  });

  it('is not written by a status change, and sms_messages carries no trigram index a status change would write', async () => {
    const id = await insert('+12125550100', 'Your roof quote is ready');
    const before = await searchRowVersion(id);
    await db.database.db
      .update(smsMessages)
      .set({ status: 'delivered', sentAt: new Date(), deliveredAt: new Date() })
      .where(eq(smsMessages.id, id));
    await db.database.db.update(smsMessages).set({ status: 'failed', errorCode: 30003 }).where(eq(smsMessages.id, id));
    expect(await searchRowVersion(id)).toBe(before);
    const gin = await db.database.db.execute(
      sql`select indexname from pg_indexes where tablename = 'sms_messages' and indexdef ilike '%using gin%'`,
    );
    expect(rowsOf(gin)).toEqual([]);
  });

  it('follows a body or number that is changed, and forgets deleted and truncated messages', async () => {
    const id = await insert('+12125550100', 'Your roof quote is ready');
    const other = await insert('+13105550100', 'Gutter check');
    await db.database.db
      .update(smsMessages)
      .set({ message: '[redacted]', phoneNumber: '+14155550100' })
      .where(eq(smsMessages.id, id));
    expect(await search('roof quote')).toEqual([]);
    expect(await search('redacted')).toEqual([id]);
    expect(await search('415 555')).toEqual([id]);
    expect(await search('212 555')).toEqual([]);
    // A message moved back in time (an import of old history) moves in a search's order too.
    const newer = await insert('+14155550199', 'redacted too');
    expect(await searchOrder('redacted')).toEqual([newer, id]);
    await db.database.db
      .update(smsMessages)
      .set({ createdAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(smsMessages.id, newer));
    expect(await searchOrder('redacted')).toEqual([id, newer]);
    await db.database.db.delete(smsMessages).where(inArray(smsMessages.id, [other, newer]));
    expect(await db.database.db.$count(smsMessageSearch)).toBe(1);
    await db.database.db.execute(sql`truncate sms_messages cascade`);
    expect(await db.database.db.$count(smsMessageSearch)).toBe(0);
  });
});

describe('migration 0011 on a database that already holds messages', () => {
  let database: DatabaseService;
  let dir: string;

  beforeAll(async () => {
    database = await DatabaseService.connect({ pgliteDir: 'memory://' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies every existing message into sms_message_search, so search finds what was sent before it', async () => {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: migrationsUpTo(dir, 10) });
    const tenant = await createTenant(database, 'Before the upgrade');
    await database.db.execute(sql`
      insert into sms_messages (sub_account_id, phone_number, message)
      select ${tenant.subAccountId}, '+1212555' || lpad(g::text, 4, '0'), 'Old hello ' || g from generate_series(1, 25) g`);
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    expect(await database.db.$count(smsMessageSearch)).toBe(25);
    const found = await new SmsMessageHistoryRepository(database).page(tenant.subAccountId, {
      page: 1,
      limit: 20,
      search: 'old hello 7',
    });
    expect(found.items.map((m) => m.message)).toEqual(['Old hello 7']);
  });
});

/** A copy of the migrations folder holding migrations 0 … last only (the state of a database before an upgrade). */
function migrationsUpTo(dir: string, last: number): string {
  const journalPath = path.join(MIGRATIONS_DIR, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const entries = journal.entries.filter((e) => e.idx <= last);
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}
