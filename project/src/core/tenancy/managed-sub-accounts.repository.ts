import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { subAccounts } from 'src/core/database/schema';
import type { Role } from 'src/core/auth/auth-context';

export interface SubAccountRef {
  id: number;
  name: string;
}

/** Which SubAccounts an admin manages: a super_admin all, an admin the ones they created. */
@Injectable()
export class ManagedSubAccountsRepository {
  constructor(private readonly database: DatabaseService) {}

  async isManagedBy(subAccountId: number, adminId: number, role: Role): Promise<boolean> {
    const where =
      role === 'super_admin'
        ? eq(subAccounts.id, subAccountId)
        : and(eq(subAccounts.id, subAccountId), eq(subAccounts.createdByAdminId, adminId));
    const rows = await this.database.db.select({ id: subAccounts.id }).from(subAccounts).where(where).limit(1);
    return rows.length === 1;
  }

  /** Every SubAccount the admin manages, by name (reports across SubAccounts). */
  listManaged(adminId: number, role: Role): Promise<SubAccountRef[]> {
    return this.database.db
      .select({ id: subAccounts.id, name: subAccounts.name })
      .from(subAccounts)
      .where(role === 'super_admin' ? undefined : eq(subAccounts.createdByAdminId, adminId))
      .orderBy(asc(subAccounts.name), asc(subAccounts.id));
  }

  /** Names of SubAccounts already known to be in the caller's scope. */
  namesOf(ids: number[]): Promise<SubAccountRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.database.db
      .select({ id: subAccounts.id, name: subAccounts.name })
      .from(subAccounts)
      .where(inArray(subAccounts.id, ids))
      .orderBy(asc(subAccounts.name), asc(subAccounts.id));
  }
}
