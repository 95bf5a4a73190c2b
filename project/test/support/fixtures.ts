import { hashPassword } from 'src/core/auth/password';
import type { DatabaseService } from 'src/core/database/database.service';
import { eq } from 'drizzle-orm';
import { adminUsers, smsCampaigns, subAccounts, users } from 'src/core/database/schema';
import { waitFor } from './engine-harness';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery';
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export interface Tenant {
  adminId: number;
  adminEmail: string;
  subAccountId: number;
  userId: number;
  userEmail: string;
}

/** An admin who manages one SubAccount with one user in it. */
export async function createTenant(database: DatabaseService, name: string): Promise<Tenant> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const hash = await passwordHash();
  const [admin] = await database.db
    .insert(adminUsers)
    .values({ email: `admin@${slug}.test`, name: `${name} Admin`, passwordHash: hash })
    .returning();
  const [sub] = await database.db.insert(subAccounts).values({ name, createdByAdminId: admin!.id }).returning();
  const [user] = await database.db
    .insert(users)
    .values({ subAccountId: sub!.id, email: `user@${slug}.test`, name: `${name} User`, passwordHash: hash })
    .returning();
  return {
    adminId: admin!.id,
    adminEmail: admin!.email,
    subAccountId: sub!.id,
    userId: user!.id,
    userEmail: user!.email,
  };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  return (res.body as { accessToken: string }).accessToken;
}

/** Headers for acting as the tenant's admin inside its SubAccount. */
export async function adminHeaders(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  return {
    Authorization: `Bearer ${await login(t, tenant.adminEmail)}`,
    'X-SubAccount-Id': String(tenant.subAccountId),
  };
}

export async function userHeaders(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await login(t, tenant.userEmail)}` };
}

/** Polls the campaign's row until it has `status` (the campaign's own view, read from the database). */
export async function waitForCampaignStatus(
  database: DatabaseService,
  campaignId: number,
  status: string,
  timeoutMs: number,
): Promise<void> {
  await waitFor(
    async () => {
      const [c] = await database.db
        .select({ status: smsCampaigns.status })
        .from(smsCampaigns)
        .where(eq(smsCampaigns.id, campaignId));
      return c?.status === status;
    },
    timeoutMs,
    `campaign ${campaignId} to be ${status}`,
  );
}
