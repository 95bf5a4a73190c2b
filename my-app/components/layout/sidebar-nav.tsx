'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { MessageSquareText } from 'lucide-react';
import { useRole } from '@/components/auth/require-role';
import { useSession } from '@/components/auth/session-provider';
import { NAV_GROUPS, activeHref } from '@/components/layout/nav-config';
import { Badge } from '@/components/ui/badge';
import { useUnreadConversations } from '@/lib/queries/inbox';
import { cn } from '@/lib/utils';

export function Brand() {
  return (
    <Link href="/admin/sms" className="flex items-center gap-2 font-semibold">
      <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground">
        <MessageSquareText className="size-4" />
      </span>
      <span>
        Loctelli <span className="text-muted-foreground">SMS</span>
      </span>
    </Link>
  );
}

export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const { isAdmin } = useSession();
  const { can } = useRole();
  const active = activeHref(pathname);
  return (
    <nav aria-label="Main" className="flex flex-col gap-6">
      {NAV_GROUPS.map((group) => (
        <div key={group.title}>
          <p className="mb-1 flex items-center gap-2 px-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
            {group.title}
          </p>
          <ul className="flex flex-col gap-0.5">
            {group.items
              .filter((item) => (isAdmin || !item.adminOnly) && (!item.systemOnly || can('system_admin')))
              .map((item) => {
                const isActive = item.href === active;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={isActive ? 'page' : undefined}
                      className={cn(
                        'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 transition-colors outline-none hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-ring',
                        isActive && 'bg-sidebar-accent text-sidebar-accent-foreground',
                      )}
                    >
                      <item.icon className="size-4" />
                      {item.title}
                      {item.badge === 'inboxUnread' && <InboxUnreadBadge />}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** Conversations with replies the signed-in person has not read. */
function InboxUnreadBadge() {
  const unread = useUnreadConversations().data?.conversations ?? 0;
  if (unread === 0) return null;
  return (
    <Badge className="ml-auto h-5 min-w-5 justify-center px-1.5" aria-label={`${unread} unread conversations`}>
      {unread}
    </Badge>
  );
}
