'use client';

import { Ban } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { formatPhone, formatShortDateTime } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { Conversation } from '@/types/inbox';

/** The Inbox's left pane: contacts, newest activity first, unread ones in bold with their count. */
export function ConversationList({
  conversations,
  selectedId,
  onSelect,
}: {
  conversations: Conversation[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  return (
    <ul className="flex flex-col divide-y" aria-label="Conversations" data-testid="conversation-list">
      {conversations.map((c) => {
        const unread = c.unreadCount > 0;
        return (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onSelect(c.id)}
              aria-current={c.id === selectedId ? 'true' : undefined}
              data-unread={unread || undefined}
              className={cn(
                'grid w-full gap-0.5 px-3 py-2.5 text-left text-sm outline-none hover:bg-muted/60 focus-visible:ring-2 focus-visible:ring-ring',
                c.id === selectedId && 'bg-muted',
              )}
            >
              <span className="flex items-center gap-2">
                <span className={cn('min-w-0 flex-1 truncate', unread ? 'font-semibold' : 'font-medium')}>
                  {c.leadName ?? formatPhone(c.phoneNumber)}
                </span>
                <time className="shrink-0 text-xs text-muted-foreground" dateTime={c.lastMessageAt}>
                  {formatShortDateTime(c.lastMessageAt)}
                </time>
              </span>
              <span className="flex items-center gap-2">
                <span className={cn('min-w-0 flex-1 truncate text-muted-foreground', unread && 'text-foreground')}>
                  {c.lastDirection === 'outbound' ? 'You: ' : ''}
                  {c.lastMessagePreview}
                </span>
                {c.optedOut && <Ban className="size-3.5 shrink-0 text-destructive" aria-label="Opted out" />}
                {unread && (
                  <Badge className="h-5 min-w-5 justify-center px-1.5" aria-label={`${c.unreadCount} unread`}>
                    {c.unreadCount}
                  </Badge>
                )}
              </span>
              {c.ownerName && <span className="text-xs text-muted-foreground">Assigned to {c.ownerName}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
