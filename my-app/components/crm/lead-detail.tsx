'use client';

import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, MessageSquare, Pencil, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { LeadSequencePanel } from '@/components/automation/lead-sequence-panel';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { PageHeader } from '@/components/common/page-header';
import { EmptyState, ErrorState } from '@/components/common/states';
import { LeadFormDialog } from '@/components/crm/lead-form-dialog';
import { LeadStatusBadge } from '@/components/crm/lead-status-badge';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatDateTime, formatPhone, formatRelative } from '@/lib/format';
import { useDeleteLead, useLead, useStrategies } from '@/lib/queries/crm';
import { useMessages } from '@/lib/queries/sms';
import type { Lead } from '@/types/crm';

export function LeadDetail({ id }: { id: number }) {
  const router = useRouter();
  const query = useLead(id);
  const remove = useDeleteLead();
  const strategies = useStrategies();
  const [editing, setEditing] = React.useState(false);
  const lead = query.data;

  if (query.isLoading) {
    return (
      <div className="grid grid-cols-1 gap-4" aria-busy="true">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-56 w-full" />
      </div>
    );
  }
  if (query.isError || !lead) {
    const notFound = query.error instanceof ApiError && query.error.statusCode === 404;
    return (
      <div className="grid grid-cols-1 gap-4">
        <BackLink />
        {notFound ? (
          <EmptyState
            title="Lead not found"
            description="It may have been deleted, or it belongs to another SubAccount."
          />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }
  const strategy = strategies.data?.items.find((s) => s.id === lead.strategyId);

  return (
    <div className="grid grid-cols-1 gap-6">
      <BackLink />
      <PageHeader
        title={lead.name}
        description={lead.company ?? undefined}
        actions={
          <>
            {lead.phone && (
              <Button asChild>
                <Link href={`/admin/sms/send?leadId=${lead.id}`}>
                  <MessageSquare /> Send SMS
                </Link>
              </Button>
            )}
            <Button variant="outline" onClick={() => setEditing(true)}>
              <Pencil /> Edit
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="outline" className="text-destructive">
                  <Trash2 /> Delete
                </Button>
              }
              title={`Delete ${lead.name}?`}
              description="The lead is removed. Messages already sent to it stay in History."
              confirmLabel="Delete"
              destructive
              onConfirm={() =>
                remove.mutateAsync(lead.id).then(
                  () => {
                    toast.success('Lead deleted');
                    router.push('/admin/leads');
                  },
                  (e: unknown) => {
                    toast.error(errorMessage(e));
                    throw e;
                  },
                )
              }
            />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Status</dt>
              <dd>
                <LeadStatusBadge status={lead.status} />
              </dd>
              <dt className="text-muted-foreground">Phone</dt>
              <dd>{formatPhone(lead.phone)}</dd>
              <dt className="text-muted-foreground">Email</dt>
              <dd className="break-all">{lead.email ?? '—'}</dd>
              <dt className="text-muted-foreground">Strategy</dt>
              <dd>{strategy?.name ?? '—'}</dd>
              <dt className="text-muted-foreground">Time zone</dt>
              <dd>{lead.timeZone ?? 'SubAccount default'}</dd>
              <dt className="text-muted-foreground">Created</dt>
              <dd>{formatDateTime(lead.createdAt)}</dd>
              <dt className="text-muted-foreground">Notes</dt>
              <dd className="whitespace-pre-wrap">{lead.notes || '—'}</dd>
            </dl>
          </CardContent>
        </Card>
        <LeadMessages lead={lead} />
        <LeadSequencePanel leadId={lead.id} className="lg:col-start-2" />
      </div>
      <LeadFormDialog lead={lead} open={editing} onOpenChange={setEditing} />
    </div>
  );
}

function BackLink() {
  return (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link href="/admin/leads">
        <ArrowLeft /> Leads
      </Link>
    </Button>
  );
}

function LeadMessages({ lead }: { lead: Lead }) {
  const query = useMessages({ leadId: lead.id, limit: 10 }, { refetchInterval: 15_000 });
  return (
    <Card>
      <CardHeader>
        <CardTitle>SMS</CardTitle>
        <CardDescription>Messages with this lead, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isLoading ? (
          <Skeleton className="h-32 w-full" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data?.items.length ? (
          <EmptyState
            title="No messages yet"
            description={lead.phone ? undefined : 'Add a phone number to text this lead.'}
          />
        ) : (
          <ul className="grid grid-cols-1 gap-3">
            {query.data.items.map((m) => (
              <li key={m.id} className={m.direction === 'inbound' ? 'mr-8' : 'ml-8'}>
                <Link
                  href={`/admin/sms/history?message=${m.id}`}
                  className={`block rounded-lg px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring ${m.direction === 'inbound' ? 'bg-muted' : 'bg-primary/10'}`}
                >
                  <p className="whitespace-pre-wrap">{m.message}</p>
                  <p className="mt-1 flex items-center justify-between gap-2 text-xs text-muted-foreground">
                    <span>{formatRelative(m.createdAt)}</span>
                    <SmsStatusBadge status={m.status} reason={m.statusReason} notBefore={m.notBefore} />
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
