'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { Loader2, Send } from 'lucide-react';
import { toast } from 'sonner';
import { MessageComposer } from '@/components/sms/message-composer';
import { TemplatePicker } from '@/components/sms/template-picker';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { errorMessage } from '@/lib/api-client';
import { formatCost, formatNumber } from '@/lib/format';
import { useCreateCampaignFromLeads } from '@/lib/queries/inbox';
import { LEAD_VARIABLES } from '@/lib/sms/template';
import type { LeadFilter } from '@/types/crm';
import type { BulkSmsResult } from '@/types/sms';

type Report = BulkSmsResult & { counts: { leads: number; noPhone: number } };

/**
 * "Text these leads": a campaign to every lead the list's current filter matches. A dry run first says how
 * many will be texted and how many are skipped and why; nothing is created until "Start campaign".
 */
export function TextLeadsDialog({
  filter,
  open,
  onOpenChange,
}: {
  filter: LeadFilter;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [name, setName] = React.useState('');
  const [message, setMessage] = React.useState('');
  const [report, setReport] = React.useState<Report | null>(null);
  const check = useCreateCampaignFromLeads();
  const start = useCreateCampaignFromLeads();
  const filterKey = JSON.stringify(filter);

  React.useEffect(() => {
    if (!open) return;
    setName(`Leads ${new Date().toLocaleDateString()}`);
    setReport(null);
  }, [open, filterKey]);

  // The dry run follows the message (debounced): counts, skipped reasons, cost and previews stay current.
  const { mutate: dryRun } = check;
  React.useEffect(() => {
    if (!open || !message.trim()) return;
    const timer = setTimeout(
      () =>
        dryRun(
          { name: name || 'Leads', message, filter, dryRun: true },
          { onSuccess: (r) => setReport(r), onError: () => setReport(null) },
        ),
      400,
    );
    return () => clearTimeout(timer);
  }, [open, message, filterKey, dryRun]);

  const submit = () =>
    start.mutate(
      { name, message, filter },
      {
        onSuccess: (r) => {
          toast.success(`Campaign started: ${formatNumber(r.counts.valid)} leads`);
          onOpenChange(false);
          if (r.campaignId) router.push(`/admin/sms/campaigns/${r.campaignId}`);
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl" data-testid="text-leads-dialog">
        <DialogHeader>
          <DialogTitle>Text these leads</DialogTitle>
          <DialogDescription>
            A campaign to every lead the current filter matches, with the lead&apos;s fields as variables.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4">
          <div className="grid gap-2">
            <Label htmlFor="text-leads-name">Campaign name</Label>
            <Input id="text-leads-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="text-leads-message">Message</Label>
            <MessageComposer
              id="text-leads-message"
              value={message}
              onChange={setMessage}
              variables={LEAD_VARIABLES}
              toolbar={<TemplatePicker strategyId={filter.strategyId} onPick={(t) => setMessage(t.body)} />}
              placeholder="Hi {{first_name|there}}, …"
            />
          </div>
          {check.isError && <p className="text-sm text-destructive">{errorMessage(check.error)}</p>}
          {report && <Reach report={report} />}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            onClick={submit}
            disabled={!report || report.counts.valid === 0 || !name.trim() || start.isPending || check.isPending}
          >
            {start.isPending ? <Loader2 className="animate-spin" /> : <Send />}
            Start campaign
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function Reach({ report }: { report: Report }) {
  const c = report.counts;
  const skipped = [
    { label: 'no phone', n: c.noPhone },
    { label: 'invalid number', n: c.invalid },
    { label: 'opted out', n: c.optedOut },
    { label: 'same number as another lead', n: c.duplicate },
    { label: 'missing a variable', n: c.missingVariable },
  ].filter((s) => s.n > 0);
  return (
    <div className="grid gap-2 rounded-md border p-3 text-sm" data-testid="text-leads-reach" aria-live="polite">
      <p>
        <span className="font-semibold">{formatNumber(c.valid)}</span> of {formatNumber(c.leads)} matching leads will be
        texted · about {formatNumber(report.estimatedSegments)}{' '}
        {report.estimatedSegments === 1 ? 'segment' : 'segments'} ({formatCost(String(report.estimatedCost))})
      </p>
      {skipped.length > 0 && (
        <p className="text-muted-foreground" data-testid="text-leads-skipped">
          Skipped: {skipped.map((s) => `${formatNumber(s.n)} ${s.label}`).join(', ')}
        </p>
      )}
      {report.preview[0] && (
        <p className="rounded bg-muted px-2 py-1.5 whitespace-pre-wrap">
          <span className="text-xs text-muted-foreground">Preview: </span>
          {report.preview[0].message}
        </p>
      )}
    </div>
  );
}
