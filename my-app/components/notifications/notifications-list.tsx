'use client';

import { BellOff, Check, CheckCheck, ExternalLink, Loader2 } from 'lucide-react';
import { useSession } from '@/components/auth/session-provider';
import { CursorPagination } from '@/components/common/cursor-pagination';
import { EmptyState, ErrorState } from '@/components/common/states';
import { NotificationSummary } from '@/components/notifications/notification-item';
import { useOpenNotification } from '@/components/notifications/use-open-notification';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useUnreadCount,
} from '@/lib/queries/notifications';
import type { CursorParams } from '@/lib/queries/keys';
import { useUrlState } from '@/lib/use-url-state';
import type { NotificationListParams } from '@/types/notifications';

/** Your notifications, unread or all (in the URL), with read marks and the way to what each is about. */
export function NotificationsList() {
  const url = useUrlState();
  const { isAdmin, subAccounts } = useSession();
  const show = url.get('show') === 'unread' ? 'unread' : 'all';
  const filters: NotificationListParams & CursorParams = {
    limit: url.getCursorPage().limit,
    cursor: url.getCursorPage().cursor,
    unread: show === 'unread' ? 'true' : undefined,
  };
  const query = useNotifications(filters);
  const unread = useUnreadCount().data?.count ?? 0;
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const openNotification = useOpenNotification();
  const items = query.data?.items ?? [];

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Tabs
          withPanels={false}
          value={show}
          onValueChange={(v) => url.set({ show: v === 'unread' ? 'unread' : null })}
        >
          <TabsList>
            <TabsTrigger value="all">All</TabsTrigger>
            <TabsTrigger value="unread">Unread{unread > 0 ? ` (${unread})` : ''}</TabsTrigger>
          </TabsList>
        </Tabs>
        {query.isFetching && !query.isLoading && (
          <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Refreshing" />
        )}
        <Button
          variant="outline"
          className="sm:ml-auto"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          <CheckCheck /> Mark all read
        </Button>
      </div>

      <Card className="gap-0 divide-y py-0" data-testid="notifications-list">
        {query.isLoading ? (
          Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="space-y-2 p-4" aria-hidden="true">
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-3 w-3/4" />
            </div>
          ))
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} className="border-0" />
        ) : items.length === 0 ? (
          <EmptyState
            icon={BellOff}
            title={show === 'unread' ? 'All caught up' : 'No notifications yet'}
            description="Completed campaigns, rejected credentials, the spending cap, failed messages and replies from your leads show up here."
          />
        ) : (
          items.map((n) => (
            <div key={n.id} className="flex items-start gap-3 p-4">
              <NotificationSummary notification={n} showSubAccount={isAdmin && subAccounts.length > 1} />
              <div className="flex shrink-0 gap-1">
                {n.readAt === null && (
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Mark “${n.title}” read`}
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    <Check />
                  </Button>
                )}
                {n.link && (
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Open “${n.title}”`}
                    onClick={() => openNotification(n)}
                  >
                    <ExternalLink />
                  </Button>
                )}
              </div>
            </div>
          ))
        )}
      </Card>
      {query.data && query.data.total > 0 && <CursorPagination url={url} data={query.data} limit={filters.limit!} />}
    </div>
  );
}
