'use client';

import Link from 'next/link';
import { Ban, Loader2, RotateCw } from 'lucide-react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { ErrorState } from '@/components/common/states';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Separator } from '@/components/ui/separator';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/api-client';
import { formatMessagePrice, formatDateTime, formatPhone } from '@/lib/format';
import { useCancelMessage, useMessage, useRetryMessage } from '@/lib/queries/sms';
import type { SmsEvent, SmsMessageDetail } from '@/types/sms';

export function MessageDetailSheet({ id, onClose }: { id: number | null; onClose: () => void }) {
  return (
    <Sheet open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent side="right" className="sm:max-w-lg" data-testid="message-drawer">
        {id !== null && <MessageDetail id={id} />}
      </SheetContent>
    </Sheet>
  );
}

function MessageDetail({ id }: { id: number }) {
  const query = useMessage(id);
  const m = query.data;
  return (
    <>
      <SheetHeader>
        <SheetTitle className="flex flex-wrap items-center gap-2">
          Message #{id}
          {m && (
            <span data-testid="drawer-status">
              <SmsStatusBadge status={m.status} reason={m.statusReason} notBefore={m.notBefore} />
            </span>
          )}
        </SheetTitle>
        <SheetDescription>
          {m ? `${m.direction === 'inbound' ? 'From' : 'To'} ${formatPhone(m.phoneNumber)}` : 'Loading…'}
        </SheetDescription>
      </SheetHeader>
      <div className="grid grid-cols-1 gap-5 px-4 pb-6">
        {query.isLoading ? (
          <div className="grid grid-cols-1 gap-3">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : m ? (
          <>
            <p className="rounded-lg bg-muted px-3 py-2 text-sm whitespace-pre-wrap">{m.message}</p>
            <MessageActions message={m} />
            <MessageFacts message={m} />
            <Separator />
            <EventTimeline events={m.events ?? []} />
          </>
        ) : null}
      </div>
    </>
  );
}

function MessageActions({ message }: { message: SmsMessageDetail }) {
  const retry = useRetryMessage();
  const cancel = useCancelMessage();
  if (message.status !== 'failed' && message.status !== 'pending') return null;
  return (
    <div className="flex gap-2">
      {message.status === 'failed' && (
        <Button
          variant="outline"
          size="sm"
          disabled={retry.isPending}
          onClick={() =>
            retry.mutate(message.id, {
              onSuccess: () => toast.success('Message queued again'),
              onError: (e) => toast.error(errorMessage(e)),
            })
          }
        >
          {retry.isPending ? <Loader2 className="animate-spin" /> : <RotateCw />} Retry
        </Button>
      )}
      {message.status === 'pending' && (
        <ConfirmDialog
          trigger={
            <Button variant="outline" size="sm">
              <Ban /> Cancel send
            </Button>
          }
          title="Cancel this message?"
          description="It has not been sent yet and will not be."
          confirmLabel="Cancel message"
          destructive
          onConfirm={() =>
            cancel.mutateAsync(message.id).then(
              () => toast.success('Message canceled'),
              (e: unknown) => {
                toast.error(errorMessage(e));
                throw e;
              },
            )
          }
        />
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function MessageFacts({ message: m }: { message: SmsMessageDetail }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
      <Fact label="Direction">{m.direction === 'inbound' ? 'Inbound' : 'Outbound'}</Fact>
      {m.fromNumber && <Fact label="From">{formatPhone(m.fromNumber)}</Fact>}
      <Fact label={m.direction === 'inbound' ? 'Contact' : 'To'}>{formatPhone(m.phoneNumber)}</Fact>
      <Fact label="Segments">
        {m.segments ?? '—'} {m.encoding ? `· ${m.encoding}` : ''}
      </Fact>
      <Fact label="Price">{formatMessagePrice(m)}</Fact>
      <Fact label="Attempts">{m.attempts}</Fact>
      {m.twilioSid && (
        <Fact label="Twilio SID">
          <code className="text-xs">{m.twilioSid}</code>
        </Fact>
      )}
      {(m.errorCode || m.errorMessage) && (
        <Fact label="Error">
          <span className="text-destructive">
            {m.errorCode ? `${m.errorCode}: ` : ''}
            {m.errorMessage}
          </span>
        </Fact>
      )}
      {m.campaignId && (
        <Fact label="Campaign">
          <Link
            className="text-primary underline-offset-4 hover:underline"
            href={`/admin/sms/campaigns/${m.campaignId}`}
          >
            Campaign #{m.campaignId}
          </Link>
        </Fact>
      )}
      {m.leadId && (
        <Fact label="Lead">
          <Link className="text-primary underline-offset-4 hover:underline" href={`/admin/leads/${m.leadId}`}>
            Lead #{m.leadId}
          </Link>
        </Fact>
      )}
      <Fact label="Created">{formatDateTime(m.createdAt)}</Fact>
      {m.notBefore && <Fact label="Not before">{formatDateTime(m.notBefore)}</Fact>}
      {m.sentAt && <Fact label="Sent">{formatDateTime(m.sentAt)}</Fact>}
      {m.deliveredAt && <Fact label="Delivered">{formatDateTime(m.deliveredAt)}</Fact>}
    </dl>
  );
}

function EventTimeline({ events }: { events: SmsEvent[] }) {
  const sorted = [...events].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return (
    <section aria-labelledby="timeline-title" className="grid grid-cols-1 gap-3">
      <h3 id="timeline-title" className="text-sm font-semibold">
        Timeline
      </h3>
      {sorted.length === 0 ? (
        <p className="text-sm text-muted-foreground">No events recorded yet.</p>
      ) : (
        <ol className="relative ml-2 border-l pl-5" data-testid="event-timeline">
          {sorted.map((e) => (
            <li key={e.id} className="relative mb-4 last:mb-0">
              <span className="absolute top-1.5 -left-[26px] size-2.5 rounded-full border-2 border-background bg-primary" />
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                {humanise(e.type)}
                {e.status && <span className="rounded bg-muted px-1.5 py-0.5 text-xs font-normal">{e.status}</span>}
              </p>
              <p className="text-xs text-muted-foreground">{formatDateTime(e.createdAt)}</p>
              {e.payload != null && (
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Payload</summary>
                  <pre className="mt-1 max-h-48 overflow-auto rounded bg-muted p-2 text-[11px]">
                    {JSON.stringify(e.payload, null, 2)}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function humanise(type: string): string {
  const s = type.replace(/[._-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
