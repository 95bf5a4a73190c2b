import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { smsEvents, smsMessages, smsMessagesArchive } from 'src/core/database/schema';
import { HousekeepingService } from 'src/main-app/modules/housekeeping/housekeeping.service';
import { createTenant, type Tenant } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NOW = new Date('2026-12-01T12:00:00Z');
const monthsAgo = (months: number) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

describe('message retention (SMS_RETENTION_MONTHS)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({ database: db.database, clock: new ManualClock(NOW), env: { SMS_RETENTION_MONTHS: '6' } });
    a = await createTenant(db.database, 'Old Co');
    b = await createTenant(db.database, 'Other Co');
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('moves finished messages older than N months to the archive, whole, in every SubAccount', async () => {
    const rows = await db.database.db
      .insert(smsMessages)
      .values([
        {
          subAccountId: a.subAccountId,
          phoneNumber: '+12125550001',
          message: 'old delivered',
          status: 'delivered',
          createdAt: monthsAgo(8),
        },
        {
          subAccountId: a.subAccountId,
          phoneNumber: '+12125550002',
          message: 'old pending',
          status: 'pending',
          createdAt: monthsAgo(8),
        },
        {
          subAccountId: a.subAccountId,
          phoneNumber: '+12125550003',
          message: 'recent',
          status: 'delivered',
          createdAt: monthsAgo(5),
        },
        {
          subAccountId: b.subAccountId,
          phoneNumber: '+12125550004',
          message: 'old failed',
          status: 'failed',
          createdAt: monthsAgo(7),
        },
      ])
      .returning();
    await db.database.db
      .insert(smsEvents)
      .values({ subAccountId: a.subAccountId, messageId: rows[0]!.id, type: 'sent', status: 'sent' });

    expect(await t.app.get(HousekeepingService).run()).toMatchObject({ archivedMessages: 2 });

    const hot = await db.database.db.select().from(smsMessages).orderBy(asc(smsMessages.id));
    expect(hot.map((m) => m.message)).toEqual(['old pending', 'recent']);
    const archived = await db.database.db.select().from(smsMessagesArchive).orderBy(asc(smsMessagesArchive.id));
    expect(archived.map((r) => [r.id, r.subAccountId, r.phoneNumber])).toEqual([
      [rows[0]!.id, a.subAccountId, '+12125550001'],
      [rows[3]!.id, b.subAccountId, '+12125550004'],
    ]);
    expect(archived[0]!.row).toMatchObject({ message: 'old delivered', status: 'delivered' });
    expect(await db.database.db.select().from(smsEvents).where(eq(smsEvents.messageId, rows[0]!.id))).toEqual([]);

    // A second run finds nothing more to move.
    expect(await t.app.get(HousekeepingService).run()).toMatchObject({ archivedMessages: 0 });
  });
});
