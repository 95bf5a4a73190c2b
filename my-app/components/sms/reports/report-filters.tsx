'use client';

import * as React from 'react';
import { Download, FilterX, Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { DateRangeInputs } from '@/components/common/date-range-inputs';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { errorMessage, saveBlob } from '@/lib/api-client';
import { reportsApi } from '@/lib/queries/reports';
import type { UrlUpdate } from '@/lib/use-url-state';
import type { ReportParams } from '@/types/reports';
import type { SubAccountSummary } from '@/types/crm';

const ALL = 'all';

/** Date range (UTC days), the SubAccount for admins, and the usage CSV download. */
export function ReportFilters({
  params,
  onChange,
  subAccounts,
}: {
  params: ReportParams;
  onChange: (update: UrlUpdate) => void;
  /** The SubAccounts an admin can narrow to; null for a user (their own only). */
  subAccounts: SubAccountSummary[] | null;
}) {
  const [downloading, setDownloading] = React.useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const { blob, filename } = await reportsApi.downloadUsageCsv(params);
      saveBlob(blob, filename ?? 'sms-usage.csv');
      toast.success('Usage CSV downloaded');
    } catch (e) {
      toast.error(`Download failed: ${errorMessage(e)}`);
    } finally {
      setDownloading(false);
    }
  };
  const filtered = params.from || params.to || params.subAccountId;
  return (
    <Card>
      <CardContent className="flex flex-wrap items-end gap-4">
        <DateRangeInputs idPrefix="report" from={params.from} to={params.to} onChange={onChange} labelSuffix=" (UTC)" />
        {subAccounts && (
          <div className="grid min-w-56 gap-1.5">
            <Label htmlFor="report-subaccount">SubAccount</Label>
            <Select
              value={params.subAccountId ? String(params.subAccountId) : ALL}
              onValueChange={(v) => onChange({ subAccountId: v === ALL ? null : v })}
            >
              <SelectTrigger id="report-subaccount" aria-label="SubAccount">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL}>All my SubAccounts</SelectItem>
                {subAccounts.map((s) => (
                  <SelectItem key={s.id} value={String(s.id)}>
                    {s.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        )}
        {filtered && (
          <Button variant="ghost" onClick={() => onChange({ from: null, to: null, subAccountId: null })}>
            <FilterX /> Reset
          </Button>
        )}
        <Button
          variant="outline"
          className="ml-auto"
          onClick={() => void download()}
          disabled={downloading}
          data-testid="usage-csv"
        >
          {downloading ? <Loader2 className="animate-spin" /> : <Download />} Usage CSV
        </Button>
      </CardContent>
    </Card>
  );
}
