'use client';

import { Calculator, Loader2, Rocket } from 'lucide-react';
import { DryRunReport } from '@/components/sms/dry-run-report';
import { Button } from '@/components/ui/button';
import { FormRootError } from '@/components/ui/form';
import type { BulkSmsResult } from '@/types/sms';

/** The last dry run's report, the form's error, and Start (or Schedule), Check and estimate cost, Cancel. */
export function CampaignSubmitBar({
  estimate,
  busy,
  scheduleLater,
  onDryRun,
  onCancel,
}: {
  estimate: BulkSmsResult | null;
  busy: boolean;
  scheduleLater: boolean;
  onDryRun: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      {estimate && (
        <div className="grid gap-2 rounded-lg border p-4" data-testid="campaign-estimate">
          <p className="text-sm font-medium">Dry run: nothing was sent or saved.</p>
          <DryRunReport result={estimate} />
        </div>
      )}
      <FormRootError />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} data-testid="campaign-submit">
          {busy ? <Loader2 className="animate-spin" /> : <Rocket />}
          {scheduleLater ? 'Schedule campaign' : 'Start campaign'}
        </Button>
        <Button variant="outline" disabled={busy} data-testid="campaign-dry-run" onClick={onDryRun}>
          <Calculator /> Check and estimate cost
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </>
  );
}
