import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from 'src/core/database/database.service';
import { rowFromDriver } from 'src/core/database/driver-rows';
import { smsMessages } from 'src/core/database/schema';
import { createTenant } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Hand-written statements return rows that read exactly as Drizzle's own select reads them. */
describe('rowFromDriver', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('maps every column type of sms_messages, nulls included, as Drizzle does', async () => {
    const { subAccountId } = await createTenant(db.database, 'Mapping Co');
    const [full] = await db.database.db
      .insert(smsMessages)
      .values({
        subAccountId,
        phoneNumber: '+14155550100',
        fromNumber: '+15005550006',
        message: 'Ünïcode ✓ "quoted"',
        status: 'delivered',
        statusReason: null,
        twilioSid: 'SM' + 'a'.repeat(32),
        errorCode: 30003,
        segments: 2,
        encoding: 'UCS-2',
        price: '-0.00790',
        priceUnit: 'USD',
        notBefore: new Date('2026-03-08T07:30:00.123Z'),
        sentAt: new Date('2026-03-08T07:30:01.456Z'),
        ignoreQuietHours: true,
        spendMonth: '2026-03-01',
      })
      .returning();
    const [bare] = await db.database.db
      .insert(smsMessages)
      .values({ subAccountId, phoneNumber: '+14155550101', message: 'x' })
      .returning();
    for (const expected of [full!, bare!]) {
      const raw = rowsOf<Record<string, unknown>>(
        await db.database.db.execute(sql`select * from sms_messages where id = ${expected.id}`),
      )[0]!;
      const [selected] = await db.database.db.select().from(smsMessages).where(eq(smsMessages.id, expected.id));
      expect(rowFromDriver(smsMessages, raw)).toEqual(selected);
    }
    expect(rowFromDriver(smsMessages, { id: 1 }).price).toBeNull();
  });
});
