'use client';

import * as React from 'react';
import { useOptionalSession } from '@/components/auth/session-provider';
import { Button } from '@/components/ui/button';
import { accessRoleOf, hasRole, ROLE_REASON, type AccessRole } from '@/lib/roles';

export interface RoleInfo {
  role: AccessRole;
  can: (needed: AccessRole) => boolean;
  /** Null when allowed; else the reason to show beside a disabled control. */
  reasonUnless: (needed: AccessRole) => string | null;
}

/** The signed-in person's role. Outside the admin shell (component tests) everything is allowed. */
export function useRole(): RoleInfo {
  const session = useOptionalSession();
  return React.useMemo(() => {
    const me = session?.me;
    const can = (needed: AccessRole) => (me ? hasRole(me, needed) : true);
    return {
      role: me ? accessRoleOf(me) : 'system_admin',
      can,
      reasonUnless: (needed) => (can(needed) ? null : ROLE_REASON[needed]),
    };
  }, [session?.me]);
}

/** Renders its children only for `role` or above; `fallback` (e.g. the reason) otherwise. */
export function RequireRole({
  role,
  fallback = null,
  children,
}: {
  role: AccessRole;
  fallback?: React.ReactNode;
  children: React.ReactNode;
}) {
  return <>{useRole().can(role) ? children : fallback}</>;
}

/** A short note explaining why the controls around it are disabled. */
export function RoleNote({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <p className="text-sm text-muted-foreground" role="note" data-testid="role-note">
      {reason}
    </p>
  );
}

/** A control someone may not use: shown disabled, the reason as its tooltip and in its accessible name. */
export function BlockedButton({
  reason,
  label,
  children,
  ...props
}: {
  reason: string;
  label: string;
  children: React.ReactNode;
} & Omit<React.ComponentProps<typeof Button>, 'disabled' | 'aria-label' | 'children'>) {
  return (
    <span title={reason} className="inline-flex" data-testid="role-blocked">
      <Button {...props} disabled aria-label={`${label}: ${reason}`}>
        {children}
      </Button>
    </span>
  );
}
