import type { Me } from '@/types/crm';

/** The server's role matrix (docs/security.md, "Roles"); the server enforces it, the panel mirrors it. */
export type AccessRole = 'user' | 'subaccount_admin' | 'system_admin';

const RANK: Record<AccessRole, number> = { user: 0, subaccount_admin: 1, system_admin: 2 };

export function accessRoleOf(me: Pick<Me, 'kind' | 'role'>): AccessRole {
  if (me.kind === 'admin') return me.role === 'super_admin' ? 'system_admin' : 'subaccount_admin';
  return me.role === 'manager' ? 'subaccount_admin' : 'user';
}

export function hasRole(me: Pick<Me, 'kind' | 'role'>, needed: AccessRole): boolean {
  return RANK[accessRoleOf(me)] >= RANK[needed];
}

/** Why a control is disabled for someone below `needed` (the API's own wording). */
export const ROLE_REASON: Record<AccessRole, string> = {
  user: '',
  subaccount_admin: 'Only a SubAccount admin (an admin, or a user with role manager) can do this',
  system_admin: 'Only a system admin can do this',
};

/** Opt-outs the recipient asked for: nobody in the panel lifts them. */
export const RECIPIENT_OPT_OUT_REASON = 'This person opted out themselves: only they can lift it, by texting START';
