'use client';

import { useRouter } from 'next/navigation';
import { Ban, Pause, Play, RotateCw, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { BlockedButton, useRole } from '@/components/auth/require-role';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useCampaignAction, type CampaignAction } from '@/lib/queries/sms';
import type { SmsCampaign } from '@/types/sms';

const DONE: Record<CampaignAction, string> = {
  pause: 'Campaign paused',
  resume: 'Campaign resumed',
  cancel: 'Campaign canceled',
  'retry-failed': 'Failed messages queued again',
  delete: 'Campaign deleted',
};

/** Pause, resume, cancel, retry-failed and delete, each behind a confirmation. */
export function CampaignActions({ campaign }: { campaign: SmsCampaign }) {
  const router = useRouter();
  const action = useCampaignAction(campaign.id);
  const run = (a: CampaignAction) =>
    action.mutateAsync(a).then(
      () => {
        toast.success(DONE[a]);
        if (a === 'delete') router.push('/admin/sms/campaigns');
      },
      (e: unknown) => {
        toast.error(errorMessage(e));
        throw e;
      },
    );

  const s = campaign.status;
  const canPause = s === 'sending' || s === 'scheduled';
  const canResume = s === 'paused';
  const canCancel = s === 'draft' || s === 'scheduled' || s === 'sending' || s === 'paused';
  const canRetry = campaign.failedCount > 0 && s !== 'draft' && s !== 'canceled';
  const canDelete = s === 'draft' || s === 'canceled';
  // Cancel and delete are SubAccount-admin actions (docs/security.md).
  const blocked = useRole().reasonUnless('subaccount_admin');

  return (
    <div className="flex flex-wrap gap-2">
      {canPause && (
        <ConfirmDialog
          trigger={
            <Button variant="outline" data-testid="campaign-pause">
              <Pause /> Pause
            </Button>
          }
          title="Pause this campaign?"
          description="No new messages are sent until you resume. Messages already handed to Twilio still complete."
          confirmLabel="Pause"
          onConfirm={() => run('pause')}
        />
      )}
      {canResume && (
        <ConfirmDialog
          trigger={
            <Button data-testid="campaign-resume">
              <Play /> Resume
            </Button>
          }
          title="Resume this campaign?"
          description={`Sending continues with the ${formatNumber(campaign.pending)} pending messages.`}
          confirmLabel="Resume"
          onConfirm={() => run('resume')}
        />
      )}
      {canRetry && (
        <ConfirmDialog
          trigger={
            <Button variant="outline" data-testid="campaign-retry-failed">
              <RotateCw /> Retry failed
            </Button>
          }
          title={`Retry ${formatNumber(campaign.failedCount)} failed messages?`}
          description="They are queued again. Numbers that failed permanently (invalid, opted out) will fail again and may cost nothing, but carrier failures can succeed."
          confirmLabel="Retry failed"
          onConfirm={() => run('retry-failed')}
        />
      )}
      {canCancel && blocked && (
        <BlockedButton reason={blocked} label="Cancel" variant="outline" className="text-destructive">
          <Ban /> Cancel
        </BlockedButton>
      )}
      {canCancel && !blocked && (
        <ConfirmDialog
          trigger={
            <Button variant="outline" className="text-destructive" data-testid="campaign-cancel">
              <Ban /> Cancel
            </Button>
          }
          title="Cancel this campaign?"
          description={`The ${formatNumber(campaign.pending)} pending messages will not be sent. This cannot be undone.`}
          confirmLabel="Cancel campaign"
          destructive
          onConfirm={() => run('cancel')}
        />
      )}
      {canDelete && blocked && (
        <BlockedButton reason={blocked} label="Delete" variant="outline" className="text-destructive">
          <Trash2 /> Delete
        </BlockedButton>
      )}
      {canDelete && !blocked && (
        <ConfirmDialog
          trigger={
            <Button variant="outline" className="text-destructive" data-testid="campaign-delete">
              <Trash2 /> Delete
            </Button>
          }
          title="Delete this campaign?"
          description="The campaign and its unsent messages are removed. This cannot be undone."
          confirmLabel="Delete"
          destructive
          onConfirm={() => run('delete')}
        />
      )}
    </div>
  );
}
