import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/core/clock/clock';
import { loginAttempts, notifications, smsEarlyCallbacks } from 'src/core/database/schema';
import { HousekeepingService } from 'src/main-app/modules/housekeeping/housekeeping.service';
import { createTenant, type Tenant } from '../support/fixtures';
import { bootTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60_000);

describe('housekeeping', () => {
  let db: TestDatabase;
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await bootTestApp({
      database: db.database,
      clock: new ManualClock(NOW),
      env: { NOTIFICATIONS_RETENTION_DAYS: '30' },
    });
    tenant = await createTenant(db.database, 'Tidy Co');
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('deletes notifications past the retention, callbacks buffered for a sid that never turned up, and day-old sign-in failure counts', async () => {
    await db.database.db.insert(notifications).values(
      [31, 29, 0].map((age) => ({
        subAccountId: tenant.subAccountId,
        recipientKind: 'admin' as const,
        recipientId: tenant.adminId,
        type: 'campaign_completed' as const,
        title: `${age} days old`,
        dedupeKey: `age:${age}`,
        createdAt: daysAgo(age),
      })),
    );
    await db.database.db.insert(smsEarlyCallbacks).values(
      [2, 0.5].map((age) => ({
        twilioSid: `SM${String(age).replace('.', '')}`.padEnd(34, '0'),
        dedupeKey: `status:${age}`,
        params: { MessageStatus: 'delivered' },
        receivedAt: daysAgo(age),
      })),
    );

    await db.database.db
      .insert(loginAttempts)
      .values(
        [2, 0.5].map((age) => ({ email: `x${age}@y.test`, ip: '192.0.2.1', failures: 3, updatedAt: daysAgo(age) })),
      );

    expect(await t.app.get(HousekeepingService).run()).toEqual({ notifications: 1, archivedMessages: 0 });

    const kept = await db.database.db.select().from(notifications).orderBy(asc(notifications.id));
    expect(kept.map((n) => n.title)).toEqual(['29 days old', '0 days old']);
    const buffered = await db.database.db.select().from(smsEarlyCallbacks);
    expect(buffered.map((c) => c.dedupeKey)).toEqual(['status:0.5']);
    const counts = await db.database.db.select().from(loginAttempts);
    expect(counts.map((c) => c.email)).toEqual(['x0.5@y.test']);
  });
});
