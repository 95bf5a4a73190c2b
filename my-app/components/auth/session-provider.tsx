'use client';

import * as React from 'react';
import { usePathname, useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { ErrorState } from '@/components/common/states';
import { ApiError, authApi } from '@/lib/api-client';
import { authStorage } from '@/lib/auth-storage';
import { crmKeys, useMe } from '@/lib/queries/crm';
import type { Me, SubAccountSummary } from '@/types/crm';

export interface Session {
  me: Me;
  isAdmin: boolean;
  /** The SubAccount every tenant request acts in (the admin's choice, or the user's own). */
  subAccount: SubAccountSummary | null;
  subAccounts: SubAccountSummary[];
  switchSubAccount: (id: number) => void;
  logout: () => Promise<void>;
}

const SessionContext = React.createContext<Session | null>(null);

export function useSession(): Session {
  const session = React.useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** Like useSession, but null outside the admin shell (for components also used in tests). */
export function useOptionalSession(): Session | null {
  return React.useContext(SessionContext);
}

/** Chooses the SubAccount to act in: the stored choice when still allowed, else the first one. */
export function pickSubAccount(me: Me, stored: number | null): SubAccountSummary | null {
  if (me.kind === 'user') {
    return me.subAccounts.find((s) => s.id === me.subAccountId) ?? me.subAccounts[0] ?? null;
  }
  return me.subAccounts.find((s) => s.id === stored) ?? me.subAccounts[0] ?? null;
}

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const qc = useQueryClient();
  const [hasSession, setHasSession] = React.useState<boolean | null>(null);
  const [subAccountId, setSubAccountId] = React.useState<number | null>(null);

  React.useEffect(() => {
    const ok = authStorage.hasSession();
    setHasSession(ok);
    if (!ok) router.replace(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }, [router]);

  const meQuery = useMe(hasSession === true);
  const me = meQuery.data;

  React.useEffect(() => {
    if (!me) return;
    const chosen = pickSubAccount(me, authStorage.getSubAccountId());
    // Only admins name their SubAccount in a header; a user's comes from the token.
    authStorage.setSubAccountId(me.kind === 'admin' ? (chosen?.id ?? null) : null);
    setSubAccountId(chosen?.id ?? null);
  }, [me]);

  const switchSubAccount = React.useCallback(
    (id: number) => {
      authStorage.setSubAccountId(id);
      setSubAccountId(id);
      // Everything cached belongs to the previous SubAccount.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== crmKeys.me[0] });
      // A detail page (/campaigns/12) names a record of the old SubAccount: go to its list.
      const list = pathname.replace(/\/\d+(\/.*)?$/, '');
      if (list !== pathname) router.push(list);
    },
    [qc, pathname, router],
  );

  const logout = React.useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The tokens are gone locally either way.
    }
    qc.clear();
    router.replace('/login');
  }, [qc, router]);

  const session = React.useMemo<Session | null>(() => {
    if (!me) return null;
    const subAccount = me.subAccounts.find((s) => s.id === subAccountId) ?? null;
    return {
      me,
      isAdmin: me.kind === 'admin',
      subAccount,
      subAccounts: me.subAccounts,
      switchSubAccount,
      logout,
    };
  }, [me, subAccountId, switchSubAccount, logout]);

  if (meQuery.isError) {
    const unauthorized = meQuery.error instanceof ApiError && meQuery.error.statusCode === 401;
    if (unauthorized) return <FullPageSpinner label="Signing you out…" />;
    return (
      <div className="mx-auto mt-24 max-w-md px-4">
        <ErrorState title="Could not load your account" error={meQuery.error} onRetry={() => void meQuery.refetch()} />
      </div>
    );
  }
  if (!session || (me && subAccountId === null && me.subAccounts.length > 0)) {
    return <FullPageSpinner label="Loading your workspace…" />;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function FullPageSpinner({ label }: { label: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center gap-2 text-sm text-muted-foreground" role="status">
      <Loader2 className="size-4 animate-spin" /> {label}
    </div>
  );
}
