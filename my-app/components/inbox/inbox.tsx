'use client';

import * as React from 'react';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { UserRound } from 'lucide-react';
import { useSession } from '@/components/auth/session-provider';
import { CursorPagination } from '@/components/common/cursor-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EmptyState, ErrorState } from '@/components/common/states';
import { ConversationList } from '@/components/inbox/conversation-list';
import { MessageThread } from '@/components/inbox/message-thread';
import { ReplyBox } from '@/components/inbox/reply-box';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { formatPhone } from '@/lib/format';
import { useUsers } from '@/lib/queries/crm';
import {
  inboxKeys,
  useConversation,
  useConversationMessages,
  useConversations,
  useMarkConversationRead,
} from '@/lib/queries/inbox';
import { LEAD_VARIABLES } from '@/lib/sms/template';
import { useUrlState } from '@/lib/use-url-state';

const PAGE_SIZE = 25;

/** Conversations by contact, newest first; the selected one's thread and a reply box beside them. */
export function Inbox() {
  const url = useUrlState();
  const selectedId = url.getNumber('c') ?? null;
  const filters = {
    cursor: url.getCursorPage().cursor,
    limit: PAGE_SIZE,
    search: url.get('search'),
    unread: url.get('show') === 'unread' ? true : undefined,
    ownerId: url.getNumber('owner'),
  };
  const list = useConversations(filters);

  return (
    <div className="grid grid-cols-1 gap-4">
      <InboxFilters />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card className="gap-0 overflow-hidden py-0">
          {list.isLoading ? (
            <div className="grid gap-2 p-3">
              <Skeleton className="h-14" />
              <Skeleton className="h-14" />
            </div>
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : !list.data?.items.length ? (
            <EmptyState
              title={filters.unread ? 'Nothing unread' : 'No conversations yet'}
              description="Replies, and messages you send to one person, show here."
            />
          ) : (
            <>
              <ConversationList
                conversations={list.data.items}
                selectedId={selectedId}
                onSelect={(c) => url.set({ c }, { resetPage: false })}
              />
              <div className="border-t p-2">
                <CursorPagination url={url} data={list.data} limit={PAGE_SIZE} showLimit={false} />
              </div>
            </>
          )}
        </Card>
        {selectedId ? (
          <ConversationPane id={selectedId} />
        ) : (
          <Card className="hidden items-center justify-center lg:flex">
            <EmptyState title="Pick a conversation" description="Its messages and a reply box open here." />
          </Card>
        )}
      </div>
    </div>
  );
}

function InboxFilters() {
  const url = useUrlState();
  const { me } = useSession();
  const users = useUsers();
  const owner = url.get('owner') ?? 'all';
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <Tabs
        withPanels={false}
        value={url.get('show') ?? 'all'}
        onValueChange={(show) => url.set({ show: show === 'all' ? null : show })}
      >
        <TabsList>
          <TabsTrigger value="all">All</TabsTrigger>
          <TabsTrigger value="unread">Unread</TabsTrigger>
        </TabsList>
      </Tabs>
      <Select value={owner} onValueChange={(v) => url.set({ owner: v === 'all' ? null : v })}>
        <SelectTrigger className="w-full sm:w-52" aria-label="Assigned user">
          <UserRound className="size-4 text-muted-foreground" />
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="all">Anyone</SelectItem>
          {me?.kind === 'user' && <SelectItem value={String(me.id)}>Assigned to me</SelectItem>}
          {(users.data?.items ?? [])
            .filter((u) => !(me?.kind === 'user' && u.id === me.id))
            .map((u) => (
              <SelectItem key={u.id} value={String(u.id)}>
                {u.name}
              </SelectItem>
            ))}
        </SelectContent>
      </Select>
      <SearchInput
        id="inbox-search"
        value={url.get('search') ?? ''}
        onChange={(search) => url.set({ search })}
        placeholder="Search name or number…"
        label="Search conversations"
      />
    </div>
  );
}

function ConversationPane({ id }: { id: number }) {
  const qc = useQueryClient();
  const conversation = useConversation(id);
  const messages = useConversationMessages(id);
  const markRead = useMarkConversationRead();
  const c = conversation.data;
  const newest = messages.data?.items[0]?.id;
  // Opening a conversation, or a reply arriving while it is open, reads it.
  const { mutate: read } = markRead;
  React.useEffect(() => {
    if (newest) read(id);
  }, [id, newest, read]);

  if (conversation.isError)
    return <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />;
  if (!c) return <Skeleton className="h-96" />;
  return (
    <Card className="flex flex-col gap-4 p-4" data-testid="conversation-pane">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold">{c.leadName ?? formatPhone(c.phoneNumber)}</h2>
          <p className="text-sm text-muted-foreground">
            {formatPhone(c.phoneNumber)}
            {c.ownerName ? ` · assigned to ${c.ownerName}` : ''}
          </p>
        </div>
        {c.leadId && (
          <Button asChild variant="outline" size="sm">
            <Link href={`/admin/leads/${c.leadId}`}>Open lead</Link>
          </Button>
        )}
      </div>
      {messages.isLoading ? (
        <Skeleton className="h-64" />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <MessageThread messages={messages.data?.items ?? []} className="max-h-[32rem] min-h-48" />
      )}
      <ReplyBox
        phoneNumber={c.phoneNumber}
        leadId={c.leadId}
        variables={c.leadId ? LEAD_VARIABLES : undefined}
        disabledReason={c.optedOut ? 'This number opted out: it cannot be texted.' : null}
        onSent={() => void qc.invalidateQueries({ queryKey: inboxKeys.all })}
      />
    </Card>
  );
}
