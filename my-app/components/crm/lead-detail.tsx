'use client';

import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, Pencil, Trash2 } from 'lucide-react';
import { BlockedButton, useRole } from '@/components/auth/require-role';
import { toast } from 'sonner';
import { LeadSequencePanel } from '@/components/automation/lead-sequence-panel';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { PageHeader } from '@/components/common/page-header';
import { EmptyState, ErrorState } from '@/components/common/states';
import { LeadFormDialog } from '@/components/crm/lead-form-dialog';
import { LeadSmsPanel } from '@/components/crm/lead-sms-panel';
import { LeadStatusBadge } from '@/components/crm/lead-status-badge';
import { LeadTimeline } from '@/components/crm/lead-timeline';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatDateTime, formatPhone } from '@/lib/format';
import { useDeleteLead, useLead, useStrategies } from '@/lib/queries/crm';

export function LeadDetail({ id }: { id: number }) {
  const router = useRouter();
  const query = useLead(id);
  const remove = useDeleteLead();
  const deleteBlocked = useRole().reasonUnless('subaccount_admin');
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
            <Button variant="outline" onClick={() => setEditing(true)}>
              <Pencil /> Edit
            </Button>
            {deleteBlocked ? (
              <BlockedButton reason={deleteBlocked} label="Delete" variant="outline" className="text-destructive">
                <Trash2 /> Delete
              </BlockedButton>
            ) : (
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
            )}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="grid grid-cols-1 content-start gap-6">
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
          <LeadSequencePanel leadId={lead.id} />
        </div>
        <LeadSmsPanel lead={lead} />
      </div>
      <LeadTimeline leadId={lead.id} />
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
