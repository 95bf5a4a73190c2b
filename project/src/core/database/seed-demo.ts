import { count, eq } from 'drizzle-orm';
import { hashPassword } from 'src/core/auth/password';
import type { DatabaseService } from './database.service';
import { seedDemoHistory } from './seed-demo-history';
import { adminUsers, leads, strategies, subAccounts, users } from './schema';

export const DEMO_ADMIN_EMAIL = 'admin@demo.loctelli.test';
export const DEMO_USER_EMAIL = 'user@demo.loctelli.test';

/** Demo data for development: only into an empty database, never in production (the caller checks). */
export async function seedDemo(database: DatabaseService, password: string): Promise<boolean> {
  const [admins] = await database.db.select({ n: count() }).from(adminUsers);
  if ((admins?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(password);
  await database.transaction(async (tx) => {
    const [admin] = await tx
      .insert(adminUsers)
      .values({ email: DEMO_ADMIN_EMAIL, name: 'Demo Admin', role: 'admin', passwordHash })
      .returning();
    const [sub] = await tx
      .insert(subAccounts)
      .values({
        name: 'Demo Roofing Co.',
        timeZone: 'America/New_York',
        defaultCountry: 'US',
        createdByAdminId: admin!.id,
      })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({ subAccountId: sub!.id, email: DEMO_USER_EMAIL, name: 'Demo User', passwordHash })
      .returning();
    const [strategy] = await tx
      .insert(strategies)
      .values({
        subAccountId: sub!.id,
        name: 'New lead follow-up',
        description: 'Text new leads within the hour',
        tag: 'follow-up',
      })
      .returning();
    const demoLeads = await tx
      .insert(leads)
      .values(
        [
          ['Jane Cooper', '+14155550101', 'new'],
          ['Wade Warren', '+14155550102', 'contacted'],
          ['Esther Howard', '+14155550103', 'qualified'],
          ['Cameron Williamson', '+14155550104', 'contacted'],
          ['Brooklyn Simmons', '+14155550105', 'customer'],
          ['Leslie Alexander', '+14155550106', 'contacted'],
          ['Jenny Wilson', '+14155550107', 'new'],
          ['Guy Hawkins', '+14155550108', 'lost'],
        ].map(([name, phone, status]) => ({
          subAccountId: sub!.id,
          ownerId: user!.id,
          strategyId: strategy!.id,
          name: name!,
          phone: phone!,
          email: `${name!.split(' ')[0]!.toLowerCase()}@example.com`,
          status: status as 'new',
        })),
      )
      .returning({ id: leads.id, name: leads.name, phone: leads.phone });
    await seedDemoHistory(tx, {
      subAccountId: sub!.id,
      adminId: admin!.id,
      userId: user!.id,
      leads: demoLeads.map((l) => ({ ...l, phone: l.phone! })),
    });
  });
  return true;
}

export async function demoSubAccountId(database: DatabaseService): Promise<number | undefined> {
  const [row] = await database.db
    .select({ id: subAccounts.id })
    .from(subAccounts)
    .innerJoin(adminUsers, eq(adminUsers.id, subAccounts.createdByAdminId))
    .where(eq(adminUsers.email, DEMO_ADMIN_EMAIL))
    .limit(1);
  return row?.id;
}
