'use client';

import * as React from 'react';
import Link from 'next/link';
import { Bell, CheckCheck, Loader2 } from 'lucide-react';
import { useSession } from '@/components/auth/session-provider';
import { NotificationSummary } from '@/components/notifications/notification-item';
import { useOpenNotification } from '@/components/notifications/use-open-notification';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import {
  useMarkAllNotificationsRead,
  useNotifications,
  useUnreadCount,
  useUnreadCountStream,
} from '@/lib/queries/notifications';

const LATEST = 6;

/** The header's bell: a live unread count, the latest few, "mark all read" and the way to the list. */
export function NotificationBell() {
  const [open, setOpen] = React.useState(false);
  const { isAdmin, subAccounts } = useSession();
  useUnreadCountStream();
  const unread = useUnreadCount().data?.count ?? 0;
  const latest = useNotifications({ limit: LATEST }, { enabled: open });
  const markAll = useMarkAllNotificationsRead();
  const openNotification = useOpenNotification();
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={label} data-testid="notification-bell">
          <Bell />
          {unread > 0 && (
            <span
              data-testid="notification-badge"
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] leading-none font-semibold text-white"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[22rem] max-w-[calc(100vw-1rem)]">
        <div className="flex items-center justify-between gap-2 pr-1">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          <Button
            variant="ghost"
            size="sm"
            className="h-7 text-xs"
            disabled={unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            <CheckCheck /> Mark all read
          </Button>
        </div>
        <DropdownMenuSeparator />
        {latest.isLoading && (
          <p className="flex items-center gap-2 px-2 py-4 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" /> Loading…
          </p>
        )}
        {latest.isError && <p className="px-2 py-4 text-sm text-red-700">Could not load notifications.</p>}
        {latest.data?.items.length === 0 && (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground">Nothing yet.</p>
        )}
        {latest.data?.items.map((n) => (
          <DropdownMenuItem key={n.id} className="items-start" onSelect={() => openNotification(n)}>
            <NotificationSummary notification={n} showSubAccount={isAdmin && subAccounts.length > 1} compact />
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/admin/notifications" className="justify-center text-sm font-medium">
            View all notifications
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
