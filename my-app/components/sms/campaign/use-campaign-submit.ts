'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import type { UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import { useQueryClient } from '@tanstack/react-query';
import { crmApi, smsApi } from '@/lib/api-client';
import { applyServerErrors } from '@/lib/form-errors';
import { smsKeys, useCreateCampaign } from '@/lib/queries/sms';
import { phoneColumnParam } from '@/lib/sms/csv-preview';
import type { LeadListParams } from '@/types/crm';
import type { BulkSmsResult } from '@/types/sms';
import type { CampaignValues } from './campaign-schema';
import type { LeadFilter } from './leads-filter';
import type { CsvSource } from './use-csv-source';
import type { PasteSource } from './use-paste-source';

const FIELDS = ['name', 'message', 'recipients', 'scheduledAt'] as const;

function describeRejected(r: BulkSmsResult): string {
  const c = r.counts;
  const parts = [
    c.invalid && `${c.invalid} invalid`,
    c.duplicate && `${c.duplicate} duplicate`,
    c.optedOut && `${c.optedOut} opted out`,
    c.missingVariable && `${c.missingVariable} missing a variable`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no valid recipient';
}

/** Leads matching a filter, every page of them (the API pages by 100 at most). */
async function collectLeadIds(filter: LeadListParams): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; page <= 100; page++) {
    const res = await crmApi.getLeads({ ...filter, page, limit: 100 });
    ids.push(...res.items.filter((l) => !!l.phone).map((l) => l.id));
    if (page * res.limit >= res.total || res.items.length === 0) break;
  }
  return ids;
}

/**
 * Sends the campaign form: creates the campaign and opens it, or with `dryRun` only checks the recipients and
 * estimates the cost (like Bulk SMS), keeping the report in `estimate`.
 */
export function useCampaignSubmit({
  form,
  csv,
  paste: { parsed },
  leadFilter,
}: {
  form: UseFormReturn<CampaignValues>;
  csv: CsvSource;
  paste: PasteSource;
  leadFilter: LeadFilter;
}) {
  const router = useRouter();
  const qc = useQueryClient();
  const create = useCreateCampaign();
  const [estimate, setEstimate] = React.useState<BulkSmsResult | null>(null);

  /** The dry run's or the campaign's report; null when a recipient check failed on the form. */
  const send = async (v: CampaignValues, dryRun: boolean): Promise<BulkSmsResult | null> => {
    const scheduledAt = v.scheduleLater ? v.scheduledAt : undefined;
    if (v.source === 'csv') {
      if (!csv.file) {
        csv.setError('Choose a CSV file');
        return null;
      }
      csv.setUploadProgress(0);
      const report = await smsApi.sendBulkSms(csv.file, v.message, {
        name: v.name,
        scheduledAt,
        phoneColumn: csv.preview?.phoneColumn ? phoneColumnParam(csv.preview, csv.preview.phoneColumn) : undefined,
        onProgress: csv.setUploadProgress,
        dryRun,
      });
      void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
      return report;
    }
    if (v.source === 'paste') {
      if (parsed.numbers.length === 0) {
        form.setError('recipients', { message: 'Paste at least one valid phone number' });
        return null;
      }
      return create.mutateAsync({ name: v.name, message: v.message, recipients: parsed.numbers, scheduledAt, dryRun });
    }
    const leadIds = await collectLeadIds(leadFilter);
    if (leadIds.length === 0) {
      form.setError('root.server', { message: 'No lead with a phone number matches this filter.' });
      return null;
    }
    return create.mutateAsync({ name: v.name, message: v.message, leadIds, scheduledAt, dryRun });
  };

  const submit = async (v: CampaignValues, dryRun: boolean) => {
    setEstimate(null);
    try {
      const report = await send(v, dryRun);
      if (!report) return;
      if (dryRun) {
        setEstimate(report);
        return;
      }
      if (!report.campaignId) {
        form.setError('root.server', { message: `No campaign was created: ${describeRejected(report)}.` });
        return;
      }
      const rejected = report.counts.rows - report.counts.valid;
      if (rejected > 0) toast.warning(`Campaign created; ${describeRejected(report)} were skipped.`);
      else toast.success('Campaign created');
      router.push(`/admin/sms/campaigns/${report.campaignId}`);
    } catch (error) {
      applyServerErrors(form.setError, error, FIELDS);
    } finally {
      csv.setUploadProgress(null);
    }
  };

  return { submit, estimate };
}
