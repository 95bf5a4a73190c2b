import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, notifications } from 'src/core/database/schema';
import { hashPassword } from 'src/core/auth/password';
import { PASSWORD } from '../support/fixtures';

/** Every notification row, oldest first, as `kind:id type` plus the row. */
export async function notificationRows(database: DatabaseService) {
  const rows = await database.db.select().from(notifications).orderBy(asc(notifications.id));
  return rows.map((r) => ({ who: `${r.recipientKind}:${r.recipientId}`, ...r }));
}

export async function whoGot(database: DatabaseService, type: string): Promise<string[]> {
  return (await notificationRows(database))
    .filter((r) => r.type === type)
    .map((r) => r.who)
    .sort();
}

export async function addSuperAdmin(database: DatabaseService, email = 'root@loctelli.test'): Promise<number> {
  const [row] = await database.db
    .insert(adminUsers)
    .values({ email, name: 'Root', passwordHash: await hashPassword(PASSWORD), role: 'super_admin' })
    .returning();
  return row!.id;
}

/** Moves the SubAccount's failures `minutes` into the past. */
export async function backdateFailures(database: DatabaseService, subAccountId: number, minutes: number) {
  await database.db.execute(
    sql`update sms_messages set updated_at = now() - make_interval(mins => ${minutes})
         where sub_account_id = ${subAccountId} and status = 'failed'`,
  );
}

export async function notificationById(database: DatabaseService, id: number) {
  const [row] = await database.db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}
