'use client';

import * as React from 'react';
import Link from 'next/link';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { formatDateTime, formatShortDateTime } from '@/lib/format';
import { useMessageWaits } from '@/lib/queries/sms';
import { cn } from '@/lib/utils';
import type { MessageWait, SmsMessage } from '@/types/sms';

/**
 * A conversation as chat bubbles, oldest at the top: replies on the left, what we sent on the right with its
 * live status. Takes the API's newest-first page and keeps the newest message in view.
 */
export function MessageThread({ messages, className }: { messages: SmsMessage[]; className?: string }) {
  const ordered = React.useMemo(() => [...messages].reverse(), [messages]);
  const end = React.useRef<HTMLDivElement>(null);
  const newestId = messages[0]?.id;
  const waits = useMessageWaits(messages);
  React.useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [newestId]);
  return (
    <div className={cn('flex flex-col gap-3 overflow-y-auto pr-1', className)} data-testid="message-thread">
      {ordered.map((m) => (
        <Bubble key={m.id} message={m} wait={waits.get(m.id)} />
      ))}
      <div ref={end} />
    </div>
  );
}

function Bubble({ message: m, wait }: { message: SmsMessage; wait?: MessageWait }) {
  const inbound = m.direction === 'inbound';
  return (
    <div className={cn('flex', inbound ? 'justify-start' : 'justify-end')} data-direction={m.direction}>
      <div
        className={cn(
          'max-w-[85%] rounded-2xl px-3 py-2 text-sm',
          inbound ? 'rounded-bl-sm bg-muted' : 'rounded-br-sm bg-primary/10',
        )}
      >
        <p className="break-words whitespace-pre-wrap">{m.message}</p>
        <div className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs text-muted-foreground">
          {m.campaignId && (
            <Link href={`/admin/sms/campaigns/${m.campaignId}`} className="underline-offset-4 hover:underline">
              campaign #{m.campaignId}
            </Link>
          )}
          <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
            {formatShortDateTime(m.createdAt)}
          </time>
          {!inbound && <SmsStatusBadge status={m.status} reason={m.statusReason} notBefore={m.notBefore} wait={wait} />}
        </div>
        {!inbound && m.errorMessage && (m.status === 'failed' || m.status === 'undelivered') && (
          <p className="mt-1 text-xs text-destructive">{m.errorMessage}</p>
        )}
      </div>
    </div>
  );
}
