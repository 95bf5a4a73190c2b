import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { PRINCIPAL_STATE_TTL_MS } from 'src/core/auth/principal-state.cache';
import { Clock } from 'src/core/clock/clock';
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
  /**
   * "admin:role:subAccount" -> when a yes was read. Every admin request naming a SubAccount asks; a yes is
   * reused for as long as the principal's own state is (a no is asked again: a SubAccount just created counts at once).
   */
  private readonly managed = new Map<string, number>();

  constructor(
    private readonly database: DatabaseService,
    private readonly clock: Clock,
  ) {}

  async isManagedBy(subAccountId: number, adminId: number, role: Role): Promise<boolean> {
    const key = `${adminId}:${role}:${subAccountId}`;
    const now = this.clock.now().getTime();
    const seen = this.managed.get(key);
    if (seen !== undefined && now - seen < PRINCIPAL_STATE_TTL_MS && now >= seen) return true;
    const where =
      role === 'super_admin'
        ? eq(subAccounts.id, subAccountId)
        : and(eq(subAccounts.id, subAccountId), eq(subAccounts.createdByAdminId, adminId));
    const rows = await this.database.db.select({ id: subAccounts.id }).from(subAccounts).where(where).limit(1);
    if (rows.length !== 1) return false;
    if (this.managed.size > 10_000) this.managed.clear();
    this.managed.set(key, now);
    return true;
  }

  /** A SubAccount deleted through this process stops counting at once (other processes: within the TTL). */
  forget(subAccountId: number): void {
    for (const key of this.managed.keys()) if (key.endsWith(`:${subAccountId}`)) this.managed.delete(key);
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
