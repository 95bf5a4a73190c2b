'use client';

import * as React from 'react';
import Link from 'next/link';
import { Menu, TriangleAlert } from 'lucide-react';
import { SessionProvider, useSession } from '@/components/auth/session-provider';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { Brand, SidebarNav } from '@/components/layout/sidebar-nav';
import { SubAccountSwitcher } from '@/components/layout/subaccount-switcher';
import { UserMenu } from '@/components/layout/user-menu';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet';

export function AdminShell({ children }: { children: React.ReactNode }) {
  return (
    <SessionProvider>
      <Shell>{children}</Shell>
    </SessionProvider>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const [menuOpen, setMenuOpen] = React.useState(false);
  const { isAdmin, subAccounts } = useSession();
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_minmax(0,1fr)]" data-testid="admin-shell">
      <aside className="hidden border-r bg-sidebar md:block">
        <div className="sticky top-0 flex h-dvh flex-col gap-6 overflow-y-auto px-3 py-4">
          <div className="px-2">
            <Brand />
          </div>
          <SidebarNav />
        </div>
      </aside>

      <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
        <SheetContent side="left" className="bg-sidebar px-3 py-4">
          <SheetTitle className="px-2">
            <Brand />
          </SheetTitle>
          <SheetDescription className="sr-only">Main navigation</SheetDescription>
          <SidebarNav onNavigate={() => setMenuOpen(false)} />
        </SheetContent>
      </Sheet>

      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur sm:px-6">
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label="Open menu"
            onClick={() => setMenuOpen(true)}
          >
            <Menu />
          </Button>
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <SubAccountSwitcher />
          </div>
          <NotificationBell />
          <UserMenu />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-3 py-6 sm:px-6">
          {isAdmin && subAccounts.length === 0 && (
            <div className="mb-6 flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" />
              <p>
                You do not manage any SubAccount yet. SMS, leads and strategies belong to a SubAccount:{' '}
                <Link className="font-medium underline" href="/admin/subaccounts">
                  create one
                </Link>{' '}
                first.
              </p>
            </div>
          )}
          {children}
        </main>
      </div>
    </div>
  );
}
