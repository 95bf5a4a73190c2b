'use client';

import { Building2 } from 'lucide-react';
import { useSession } from '@/components/auth/session-provider';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';

/** Admins choose the SubAccount they act in; users see theirs. */
export function SubAccountSwitcher() {
  const { isAdmin, subAccount, subAccounts, switchSubAccount } = useSession();
  if (!isAdmin || subAccounts.length === 0) {
    return subAccount ? (
      <span className="flex min-w-0 items-center gap-2 text-sm text-muted-foreground">
        <Building2 className="size-4 shrink-0" />
        <span className="truncate">{subAccount.name}</span>
      </span>
    ) : null;
  }
  return (
    <Select value={subAccount ? String(subAccount.id) : undefined} onValueChange={(v) => switchSubAccount(Number(v))}>
      <SelectTrigger
        className="h-9 w-full max-w-56 min-w-0 sm:w-56"
        aria-label="SubAccount"
        data-testid="subaccount-switcher"
      >
        <Building2 className="size-4 text-muted-foreground" />
        <SelectValue placeholder="Choose a SubAccount" />
      </SelectTrigger>
      <SelectContent>
        {subAccounts.map((s) => (
          <SelectItem key={s.id} value={String(s.id)}>
            {s.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
