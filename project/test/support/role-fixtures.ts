import type { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, users } from 'src/core/database/schema';
import { hashPassword } from 'src/core/auth/password';
import { login, PASSWORD, type Tenant } from './fixtures';
import type { TestApp } from './test-app';

/** An admin login with role super_admin: the role matrix's system admin. */
export async function createSystemAdmin(database: DatabaseService, email = 'root@system.test'): Promise<string> {
  await database.db
    .insert(adminUsers)
    .values({ email, name: 'System Admin', role: 'super_admin', passwordHash: await hashPassword(PASSWORD) });
  return email;
}

/** A user with role manager in the tenant's SubAccount: a SubAccount admin. */
export async function createManager(database: DatabaseService, tenant: Tenant, email: string): Promise<string> {
  await database.db.insert(users).values({
    subAccountId: tenant.subAccountId,
    email,
    name: 'Manager',
    role: 'manager',
    passwordHash: await hashPassword(PASSWORD),
  });
  return email;
}

/** Headers for a login acting in a SubAccount (admins name it; users have theirs). */
export async function headersFor(t: TestApp, email: string, subAccountId?: number): Promise<Record<string, string>> {
  const auth = { Authorization: `Bearer ${await login(t, email)}` };
  return subAccountId === undefined ? auth : { ...auth, 'X-SubAccount-Id': String(subAccountId) };
}
