'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { CountryCode } from 'libphonenumber-js';
import { Calculator, ClipboardList, FileSpreadsheet, Loader2, Rocket, Users } from 'lucide-react';
import { toast } from 'sonner';
import { useQueryClient } from '@tanstack/react-query';
import { useOptionalSession } from '@/components/auth/session-provider';
import { campaignSchema, type CampaignValues } from '@/components/sms/campaign/campaign-schema';
import { LeadsFilter, type LeadFilter } from '@/components/sms/campaign/leads-filter';
import { PasteRecipients } from '@/components/sms/campaign/paste-recipients';
import { CsvDropzone } from '@/components/sms/csv-dropzone';
import { CsvPreviewTable } from '@/components/sms/csv-preview-table';
import { DryRunReport } from '@/components/sms/dry-run-report';
import { MessageComposer } from '@/components/sms/message-composer';
import { ScheduleInput } from '@/components/sms/schedule-input';
import { TemplatePicker } from '@/components/sms/template-picker';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Progress } from '@/components/ui/progress';
import { Switch } from '@/components/ui/switch';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { crmApi, smsApi } from '@/lib/api-client';
import { applyServerErrors } from '@/lib/form-errors';
import { smsKeys, useCreateCampaign, useSmsSettings } from '@/lib/queries/sms';
import { toCountryCode } from '@/lib/sms/countries';
import { phoneColumnParam, previewCsv, readFileHead, variableNames, type CsvPreview } from '@/lib/sms/csv-preview';
import { parseRecipients } from '@/lib/sms/recipients';
import { LEAD_VARIABLES } from '@/lib/sms/template';
import type { LeadListParams } from '@/types/crm';
import type { BulkSmsResult } from '@/types/sms';

type Source = 'paste' | 'csv' | 'leads';

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

export function CampaignForm() {
  const router = useRouter();
  const qc = useQueryClient();
  const session = useOptionalSession();
  const settings = useSmsSettings();
  const create = useCreateCampaign();
  const defaultCountry = toCountryCode(settings.data?.defaultCountry ?? session?.subAccount?.defaultCountry);
  const [country, setCountry] = React.useState<CountryCode | null>(null);
  const effectiveCountry = country ?? defaultCountry;

  // CSV source
  const [file, setFile] = React.useState<File | null>(null);
  const [preview, setPreview] = React.useState<CsvPreview | null>(null);
  const [fileError, setFileError] = React.useState<string | null>(null);
  const [uploadProgress, setUploadProgress] = React.useState<number | null>(null);

  // Lead source
  const [leadFilter, setLeadFilter] = React.useState<LeadFilter>({});
  const [estimate, setEstimate] = React.useState<BulkSmsResult | null>(null);

  const form = useForm<CampaignValues>({
    resolver: zodResolver(campaignSchema),
    defaultValues: { name: '', message: '', source: 'paste', recipients: '', scheduleLater: false, scheduledAt: '' },
  });
  const [source, recipientsText, scheduleLater] = useWatch({
    control: form.control,
    name: ['source', 'recipients', 'scheduleLater'],
  });
  const parsed = React.useMemo(
    () => parseRecipients(recipientsText, effectiveCountry),
    [recipientsText, effectiveCountry],
  );

  const onFile = async (f: File) => {
    setFile(f);
    setFileError(null);
    try {
      const head = await readFileHead(f);
      const p = previewCsv(head.text, { truncated: head.truncated });
      setPreview(p);
      if (!p.phoneColumn)
        setFileError('No column looks like phone numbers. Name it “phone”, or use Bulk SMS to choose it.');
    } catch {
      setFileError('The file could not be read.');
    }
  };

  /** Creates the campaign, or with `dryRun` only checks the recipients and estimates the cost (like Bulk SMS). */
  const submit = async (v: CampaignValues, dryRun: boolean) => {
    const scheduledAt = v.scheduleLater ? v.scheduledAt : undefined;
    setEstimate(null);
    try {
      let report: BulkSmsResult;
      if (v.source === 'csv') {
        if (!file) {
          setFileError('Choose a CSV file');
          return;
        }
        setUploadProgress(0);
        report = await smsApi.sendBulkSms(file, v.message, {
          name: v.name,
          scheduledAt,
          phoneColumn: preview?.phoneColumn ? phoneColumnParam(preview, preview.phoneColumn) : undefined,
          onProgress: setUploadProgress,
          dryRun,
        });
        void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
      } else if (v.source === 'paste') {
        if (parsed.numbers.length === 0) {
          form.setError('recipients', { message: 'Paste at least one valid phone number' });
          return;
        }
        report = await create.mutateAsync({
          name: v.name,
          message: v.message,
          recipients: parsed.numbers,
          scheduledAt,
          dryRun,
        });
      } else {
        const leadIds = await collectLeadIds(leadFilter);
        if (leadIds.length === 0) {
          form.setError('root.server', { message: 'No lead with a phone number matches this filter.' });
          return;
        }
        report = await create.mutateAsync({ name: v.name, message: v.message, leadIds, scheduledAt, dryRun });
      }
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
      setUploadProgress(null);
    }
  };

  const busy = form.formState.isSubmitting;
  const variables =
    source === 'csv' && preview
      ? variableNames(preview.headers, preview.phoneColumn)
      : source === 'leads'
        ? LEAD_VARIABLES
        : [];

  return (
    <Form {...form}>
      <form
        onSubmit={form.handleSubmit((v) => submit(v, false))}
        className="grid grid-cols-1 gap-6"
        noValidate
        data-testid="campaign-form"
      >
        <Card>
          <CardHeader>
            <CardTitle>Campaign</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-5">
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem className="max-w-md">
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input placeholder="Spring promotion" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="message"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Message</FormLabel>
                  <FormControl>
                    <MessageComposer
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      variables={variables}
                      toolbar={
                        <TemplatePicker onPick={(t) => form.setValue('message', t.body, { shouldValidate: true })} />
                      }
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Recipients</CardTitle>
            <CardDescription>Opted-out and duplicate numbers are skipped automatically.</CardDescription>
          </CardHeader>
          <CardContent>
            <Tabs value={source} onValueChange={(s) => form.setValue('source', s as Source)}>
              <TabsList className="w-full sm:w-auto">
                <TabsTrigger value="paste">
                  <ClipboardList /> Paste numbers
                </TabsTrigger>
                <TabsTrigger value="csv">
                  <FileSpreadsheet /> CSV file
                </TabsTrigger>
                <TabsTrigger value="leads">
                  <Users /> Leads
                </TabsTrigger>
              </TabsList>
              <TabsContent value="paste" className="grid grid-cols-1 gap-3 pt-3">
                <PasteRecipients
                  form={form}
                  country={effectiveCountry}
                  onCountryChange={setCountry}
                  parsed={parsed}
                  text={recipientsText}
                />
              </TabsContent>
              <TabsContent value="csv" className="grid grid-cols-1 gap-3 pt-3">
                <CsvDropzone
                  file={file}
                  onFile={(f) => void onFile(f)}
                  onClear={() => {
                    setFile(null);
                    setPreview(null);
                    setFileError(null);
                  }}
                  disabled={busy}
                />
                {fileError && (
                  <p role="alert" className="text-sm text-destructive">
                    {fileError}
                  </p>
                )}
                {preview && <CsvPreviewTable preview={preview} phoneColumn={preview.phoneColumn} />}
                {uploadProgress !== null && (
                  <div className="grid grid-cols-1 gap-1">
                    <p className="text-sm">Uploading… {Math.round(uploadProgress * 100)}%</p>
                    <Progress value={uploadProgress * 100} aria-label="Upload progress" />
                  </div>
                )}
              </TabsContent>
              <TabsContent value="leads" className="grid grid-cols-1 gap-3 pt-3">
                <LeadsFilter filter={leadFilter} onChange={setLeadFilter} />
              </TabsContent>
            </Tabs>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>When</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-4">
            <FormField
              control={form.control}
              name="scheduleLater"
              render={({ field }) => (
                <FormItem className="flex items-center gap-3">
                  <FormControl>
                    <Switch checked={field.value} onCheckedChange={field.onChange} />
                  </FormControl>
                  <FormLabel>Schedule for later (otherwise it starts now)</FormLabel>
                </FormItem>
              )}
            />
            {scheduleLater && (
              <FormField
                control={form.control}
                name="scheduledAt"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Start at</FormLabel>
                    <FormControl>
                      <ScheduleInput
                        value={field.value}
                        onChange={field.onChange}
                        defaultTimeZone={session?.subAccount?.timeZone}
                      />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
            )}
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
              <Button
                variant="outline"
                disabled={busy}
                data-testid="campaign-dry-run"
                onClick={form.handleSubmit((v) => submit(v, true))}
              >
                <Calculator /> Check and estimate cost
              </Button>
              <Button variant="ghost" onClick={() => router.back()} disabled={busy}>
                Cancel
              </Button>
            </div>
          </CardContent>
        </Card>
      </form>
    </Form>
  );
}
