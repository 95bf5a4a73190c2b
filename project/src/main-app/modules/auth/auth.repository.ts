import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { QueryValues, runCompiled } from 'src/core/database/compiled-queries';
import { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, refreshTokens, subAccounts, users } from 'src/core/database/schema';
import type { PrincipalKind, Role } from 'src/core/auth/auth-context';

export interface Principal {
  kind: PrincipalKind;
  id: number;
  email: string;
  name: string;
  role: Role;
  subAccountId: number | null;
  passwordHash: string;
  tokenVersion: number;
  disabled: boolean;
}

@Injectable()
export class AuthRepository {
  constructor(private readonly database: DatabaseService) {}

  private get db() {
    return this.database.db;
  }

  async findPrincipalByEmail(email: string): Promise<Principal | undefined> {
    const [admin] = await this.db.select().from(adminUsers).where(eq(adminUsers.email, email)).limit(1);
    if (admin) return { ...admin, kind: 'admin', subAccountId: null, disabled: admin.disabledAt !== null };
    const [user] = await this.db.select().from(users).where(eq(users.email, email)).limit(1);
    return user ? { ...user, kind: 'user', disabled: user.disabledAt !== null } : undefined;
  }

  /** Compiled once (runCompiled), as listSubAccounts: the panel asks who it is (`GET /api/auth/me`) on each load. */
  async findPrincipal(kind: PrincipalKind, id: number): Promise<Principal | undefined> {
    const v = new QueryValues();
    if (kind === 'admin') {
      const where = eq(adminUsers.id, v.$('id', id));
      const [admin] = await runCompiled(
        this.db,
        'admin by id',
        v,
        () => this.db.select().from(adminUsers).where(where),
        'reusable',
      );
      return admin ? { ...admin, kind, subAccountId: null, disabled: admin.disabledAt !== null } : undefined;
    }
    const where = eq(users.id, v.$('id', id));
    const [user] = await runCompiled(
      this.db,
      'user by id',
      v,
      () => this.db.select().from(users).where(where),
      'reusable',
    );
    return user ? { ...user, kind, disabled: user.disabledAt !== null } : undefined;
  }

  async setPasswordHash(p: Pick<Principal, 'kind' | 'id'>, passwordHash: string): Promise<void> {
    const table = p.kind === 'admin' ? adminUsers : users;
    await this.db.update(table).set({ passwordHash, updatedAt: new Date() }).where(eq(table.id, p.id));
  }

  /** SubAccounts the principal may act in: an admin's managed ones, a user's own. */
  listSubAccounts(p: Pick<Principal, 'kind' | 'id' | 'role' | 'subAccountId'>) {
    const columns = {
      id: subAccounts.id,
      name: subAccounts.name,
      timeZone: subAccounts.timeZone,
      defaultCountry: subAccounts.defaultCountry,
    };
    const v = new QueryValues();
    const where =
      p.kind === 'user'
        ? eq(subAccounts.id, v.$('subAccountId', p.subAccountId ?? -1))
        : p.role === 'super_admin'
          ? undefined
          : eq(subAccounts.createdByAdminId, v.$('adminId', p.id));
    return runCompiled(
      this.db,
      'sub-accounts of',
      v,
      () => this.db.select(columns).from(subAccounts).where(where).orderBy(subAccounts.id),
      'reusable',
    );
  }

  async insertRefreshToken(row: typeof refreshTokens.$inferInsert): Promise<void> {
    await this.db.insert(refreshTokens).values(row);
  }

  async findRefreshToken(tokenHash: string) {
    const [row] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
    return row;
  }

  /** Marks one token used; false when it was already used (a replay). */
  async revokeRefreshToken(id: number, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length === 1;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: at })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }
}
