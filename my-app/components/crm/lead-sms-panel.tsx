'use client';

import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { MessageThread } from '@/components/inbox/message-thread';
import { ReplyBox } from '@/components/inbox/reply-box';
import { EmptyState, ErrorState } from '@/components/common/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { inboxKeys, useLeadOptOut, useLeadThread, useSetLeadOptOut } from '@/lib/queries/inbox';
import { LEAD_VARIABLES } from '@/lib/sms/template';
import type { Lead } from '@/types/crm';

const SOURCE_LABELS: Record<string, string> = {
  keyword: 'replied STOP',
  error_21610: 'Twilio reported a STOP',
  manual: 'added by hand',
  import: 'imported',
};

/** The SMS conversation with a lead: the thread (live), a reply box and the opt-out switch. */
export function LeadSmsPanel({ lead }: { lead: Lead }) {
  const qc = useQueryClient();
  const thread = useLeadThread(lead.id);
  const optOut = useLeadOptOut(lead.id);
  const optedOut = optOut.data?.optedOut ?? false;
  const disabledReason = !lead.phone
    ? 'Add a phone number to text this lead.'
    : optedOut
      ? 'This lead opted out: it cannot be texted.'
      : null;

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>SMS</CardTitle>
          <CardDescription>Messages with this lead; replies appear as they arrive.</CardDescription>
        </div>
        {lead.phone && <OptOutSwitch lead={lead} />}
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        {optedOut && optOut.data && (
          <p className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive" role="status">
            Opted out ({SOURCE_LABELS[optOut.data.source ?? ''] ?? optOut.data.source})
            {optOut.data.since ? ` since ${formatDateTime(optOut.data.since)}` : ''}.
          </p>
        )}
        {thread.isLoading ? (
          <Skeleton className="h-32 w-full" />
        ) : thread.isError ? (
          <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
        ) : !thread.data?.items.length ? (
          <EmptyState title="No messages yet" description={lead.phone ? 'Write the first one below.' : undefined} />
        ) : (
          <MessageThread messages={thread.data.items} className="max-h-[28rem]" />
        )}
        <ReplyBox
          leadId={lead.id}
          strategyId={lead.strategyId}
          variables={LEAD_VARIABLES}
          disabledReason={disabledReason}
          onSent={() => void qc.invalidateQueries({ queryKey: inboxKeys.leadThread(lead.id) })}
        />
      </CardContent>
    </Card>
  );
}

function OptOutSwitch({ lead }: { lead: Lead }) {
  const optOut = useLeadOptOut(lead.id);
  const set = useSetLeadOptOut(lead.id);
  const checked = optOut.data?.optedOut ?? false;
  return (
    <div className="flex items-center gap-2">
      <Switch
        id={`opt-out-${lead.id}`}
        checked={checked}
        disabled={optOut.isLoading || set.isPending}
        onCheckedChange={(next) =>
          set.mutate(next, {
            onSuccess: () => toast.success(next ? 'Opted out: no more texts to this lead' : 'Opted back in'),
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      />
      <Label htmlFor={`opt-out-${lead.id}`}>Opted out</Label>
    </div>
  );
}
