'use client';

import { ListOrdered, Loader2, Square } from 'lucide-react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { ErrorState } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatRelative } from '@/lib/format';
import { useEnrollLead, useLeadSequence, useStopLeadSequence } from '@/lib/queries/automation';
import { cn } from '@/lib/utils';
import type { EnrollmentStatus, SequenceEnrollment } from '@/types/automation';
import { describeStopReason, formatWindow } from './automation-format';

const STATUS_BADGE: Record<EnrollmentStatus, { label: string; variant: 'success' | 'info' | 'muted' }> = {
  active: { label: 'Active', variant: 'success' },
  completed: { label: 'Completed', variant: 'info' },
  stopped: { label: 'Stopped', variant: 'muted' },
};

/** The lead's SMS sequence: its enrolment, the next step and when it is due, with Enroll and Stop. */
export function LeadSequencePanel({ leadId, className }: { leadId: number; className?: string }) {
  const query = useLeadSequence(leadId);
  const enroll = useEnrollLead(leadId);
  const stop = useStopLeadSequence(leadId);
  const view = query.data;
  const e = view?.enrollment ?? null;

  return (
    <Card className={cn(className)} data-testid="lead-sequence-panel">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ListOrdered className="size-4" /> SMS sequence
          {e && (
            <Badge variant={STATUS_BADGE[e.status].variant} data-testid="lead-sequence-status" data-status={e.status}>
              {STATUS_BADGE[e.status].label}
            </Badge>
          )}
        </CardTitle>
        <CardDescription>The follow-up texts of the lead&apos;s strategy.</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-3 text-sm">
        {query.isLoading ? (
          <Skeleton className="h-16 w-full" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            {e ? <EnrollmentSummary enrollment={e} /> : <p className="text-muted-foreground">Not enrolled.</p>}
            <div className="flex flex-wrap items-center gap-2">
              {e?.status === 'active' ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="outline" size="sm" data-testid="lead-sequence-stop">
                      <Square /> Stop
                    </Button>
                  }
                  title="Stop the sequence for this lead?"
                  description="No further steps are sent. You can enrol the lead again later."
                  confirmLabel="Stop"
                  destructive
                  onConfirm={() =>
                    stop.mutateAsync().then(
                      () => toast.success('Sequence stopped'),
                      (err: unknown) => {
                        toast.error(errorMessage(err));
                        throw err;
                      },
                    )
                  }
                />
              ) : (
                <Button
                  size="sm"
                  disabled={!view?.canEnroll || enroll.isPending}
                  data-testid="lead-sequence-enroll"
                  onClick={() =>
                    enroll.mutate(undefined, {
                      onSuccess: () => toast.success('Lead enrolled'),
                      onError: (err) => toast.error(errorMessage(err)),
                    })
                  }
                >
                  {enroll.isPending && <Loader2 className="animate-spin" />}
                  {e ? 'Enroll again' : 'Enroll'}
                </Button>
              )}
              {view && !view.canEnroll && e?.status !== 'active' && view.cannotEnrollReason && (
                <span className="text-xs text-muted-foreground">Cannot enrol: {view.cannotEnrollReason}.</span>
              )}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function EnrollmentSummary({ enrollment: e }: { enrollment: SequenceEnrollment }) {
  if (e.status === 'stopped') {
    return (
      <p data-testid="lead-sequence-reason">
        {describeStopReason(e.stopReason)} after {e.nextPosition} of {e.stepCount} steps ({formatRelative(e.updatedAt)}
        ).
      </p>
    );
  }
  if (e.status === 'completed') return <p>All {e.stepCount} steps sent.</p>;
  const step = e.nextStep;
  const window = step ? formatWindow(step.windowStartMinute, step.windowEndMinute) : null;
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1" data-testid="lead-sequence-next">
      <dt className="text-muted-foreground">Next step</dt>
      <dd>
        {step
          ? `${e.nextPosition + 1} of ${e.stepCount}: ${step.templateName}`
          : `${e.nextPosition + 1} of ${e.stepCount}`}
      </dd>
      <dt className="text-muted-foreground">Due</dt>
      <dd title={e.nextDueAt ?? undefined} data-testid="lead-sequence-due">
        {e.nextDueAt ? `${formatDateTime(e.nextDueAt)} (${formatRelative(e.nextDueAt)})` : '—'}
      </dd>
      {window && (
        <>
          <dt className="text-muted-foreground">Send window</dt>
          <dd>{window} local time</dd>
        </>
      )}
    </dl>
  );
}
