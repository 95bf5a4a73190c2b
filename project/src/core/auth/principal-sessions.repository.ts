import { Injectable } from '@nestjs/common';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, refreshTokens, users } from 'src/core/database/schema';
import type { PrincipalKind, Role } from './auth-context';

/** What the guard checks on every request: is the account still there, enabled, and with which role. */
export interface PrincipalState {
  role: Role;
  subAccountId: number | null;
  tokenVersion: number;
  disabled: boolean;
}

/** The token version and refresh tokens of admins and users: where a session is ended. */
@Injectable()
export class PrincipalSessionsRepository {
  constructor(private readonly database: DatabaseService) {}

  async state(kind: PrincipalKind, id: number): Promise<PrincipalState | undefined> {
    const db = this.database.db;
    if (kind === 'admin') {
      const [a] = await db
        .select({ role: adminUsers.role, tokenVersion: adminUsers.tokenVersion, disabledAt: adminUsers.disabledAt })
        .from(adminUsers)
        .where(eq(adminUsers.id, id));
      return a && { role: a.role, subAccountId: null, tokenVersion: a.tokenVersion, disabled: a.disabledAt !== null };
    }
    const [u] = await db
      .select({
        role: users.role,
        subAccountId: users.subAccountId,
        tokenVersion: users.tokenVersion,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.id, id));
    return u && { ...u, disabled: u.disabledAt !== null };
  }

  /** Raises the token version (access tokens stop working) and revokes every refresh token. */
  async endSessions(kind: PrincipalKind, id: number, at: Date): Promise<void> {
    const table = kind === 'admin' ? adminUsers : users;
    await this.database.db.transaction(async (tx) => {
      await tx
        .update(table)
        .set({ tokenVersion: sql`${table.tokenVersion} + 1` })
        .where(eq(table.id, id));
      await tx
        .update(refreshTokens)
        .set({ revokedAt: at })
        .where(
          and(
            eq(refreshTokens.principalKind, kind),
            eq(refreshTokens.principalId, id),
            isNull(refreshTokens.revokedAt),
          ),
        );
    });
  }
}
