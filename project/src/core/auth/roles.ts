import { SetMetadata } from '@nestjs/common';
import type { AuthContext } from './auth-context';

/**
 * The role matrix (docs/security.md): what a principal may do, whatever kind of login it is.
 * - system_admin: an admin login with role super_admin; every SubAccount, the shared sender, the Unassigned inbox.
 * - subaccount_admin: an admin login with role admin (in the SubAccounts it manages), or a user with role
 *   manager (in its own SubAccount): credentials, sender, limits, spending cap, quiet hours, opt-out removal,
 *   campaign cancel, deletes.
 * - user: a user with role user: works leads and sends.
 */
export type AccessRole = 'user' | 'subaccount_admin' | 'system_admin';

const RANK: Record<AccessRole, number> = { user: 0, subaccount_admin: 1, system_admin: 2 };

export function accessRoleOf(auth: Pick<AuthContext, 'kind' | 'role'>): AccessRole {
  if (auth.kind === 'admin') return auth.role === 'super_admin' ? 'system_admin' : 'subaccount_admin';
  return auth.role === 'manager' ? 'subaccount_admin' : 'user';
}

export function hasRole(auth: Pick<AuthContext, 'kind' | 'role'>, needed: AccessRole): boolean {
  return RANK[accessRoleOf(auth)] >= RANK[needed];
}

export const REQUIRED_ROLE = 'auth:required-role';

/**
 * The least role a route needs. Every route carries a decision: this, @Public(), or @AdminOnly() (an admin
 * login, i.e. at least a SubAccount admin who manages SubAccounts). A route without one is refused.
 */
export const RequireRole = (role: AccessRole) => SetMetadata(REQUIRED_ROLE, role);

const LABEL: Record<AccessRole, string> = {
  user: 'a signed-in user',
  subaccount_admin: 'a SubAccount admin (an admin, or a user with role manager)',
  system_admin: 'a system admin',
};

export function roleLabel(role: AccessRole): string {
  return LABEL[role];
}
