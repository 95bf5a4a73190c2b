'use client';

import { useCallback } from 'react';
import { useRouter } from 'next/navigation';
import { useSession } from '@/components/auth/session-provider';
import { useMarkNotificationRead } from '@/lib/queries/notifications';
import type { AppNotification } from '@/types/notifications';

/**
 * Opening a notification marks it read and goes to what it is about, in its SubAccount: an admin's
 * notification may belong to a SubAccount other than the chosen one, which is switched to first.
 */
export function useOpenNotification() {
  const router = useRouter();
  const { subAccount, switchSubAccount } = useSession();
  const markRead = useMarkNotificationRead();
  return useCallback(
    (n: AppNotification) => {
      if (n.readAt === null) markRead.mutate(n.id);
      if (!n.link) return;
      if (subAccount && subAccount.id !== n.subAccountId) switchSubAccount(n.subAccountId);
      router.push(n.link);
    },
    [markRead, router, subAccount, switchSubAccount],
  );
}
