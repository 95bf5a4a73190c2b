export type PrincipalKind = 'admin' | 'user';
export type Role = 'super_admin' | 'admin' | 'user' | 'manager';

/** Who is calling, and which SubAccount the call acts in (null: an admin who picked none). */
export interface AuthContext {
  kind: PrincipalKind;
  id: number;
  email: string;
  role: Role;
  subAccountId: number | null;
}

export interface AccessTokenPayload {
  sub: number;
  kind: PrincipalKind;
  email: string;
  role: Role;
  /** A user's SubAccount; absent for admins. */
  sa?: number;
  /** The account's token version when signed; a raised version (demotion, disabling, password change) ends it. */
  ver?: number;
  /** Set on stream tickets only, which are not access tokens. */
  purpose?: string;
}
