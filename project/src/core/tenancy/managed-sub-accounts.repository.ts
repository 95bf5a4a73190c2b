import { Injectable } from '@nestjs/common';
import { and, eq } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { subAccounts } from 'src/core/database/schema';
import type { Role } from 'src/core/auth/auth-context';

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
}
