'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import { ClipboardList, FileSpreadsheet, Loader2, Rocket, Users } from 'lucide-react';
import { toast } from 'sonner';
import { useQueryClient } from '@tanstack/react-query';
import { useOptionalSession } from '@/components/auth/session-provider';
import { SearchInput } from '@/components/common/search-input';
import { CountrySelect } from '@/components/sms/country-select';
import { CsvDropzone } from '@/components/sms/csv-dropzone';
import { CsvPreviewTable } from '@/components/sms/csv-preview-table';
import { MessageComposer } from '@/components/sms/message-composer';
import { ScheduleInput } from '@/components/sms/schedule-input';
import { TemplatePicker } from '@/components/sms/template-picker';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
} from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Progress } from '@/components/ui/progress';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Switch } from '@/components/ui/switch';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Textarea } from '@/components/ui/textarea';
import { crmApi, smsApi } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { applyServerErrors } from '@/lib/form-errors';
import { useLeads, useStrategies } from '@/lib/queries/crm';
import { smsKeys, useCreateCampaign, useSmsSettings } from '@/lib/queries/sms';
import { toCountryCode } from '@/lib/sms/countries';
import { phoneColumnParam, previewCsv, readFileHead, variableNames, type CsvPreview } from '@/lib/sms/csv-preview';
import { parseRecipients } from '@/lib/sms/recipients';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import { LEAD_VARIABLES } from '@/lib/sms/template';
import { LEAD_STATUSES, type LeadListParams, type LeadStatus } from '@/types/crm';
import type { BulkSmsResult } from '@/types/sms';

type Source = 'paste' | 'csv' | 'leads';

const campaignSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name').max(200, 'At most 200 characters'),
    message: z
      .string()
      .refine((v) => v.trim().length > 0, 'Write a message')
      .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
    source: z.enum(['paste', 'csv', 'leads']),
    recipients: z.string(),
    scheduleLater: z.boolean(),
    scheduledAt: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.scheduleLater) {
      if (!v.scheduledAt) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'Pick a date and time' });
      else if (Date.parse(v.scheduledAt) <= Date.now())
        ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'The time must be in the future' });
    }
  });
type CampaignValues = z.infer<typeof campaignSchema>;

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
  const [leadFilter, setLeadFilter] = React.useState<{ status?: LeadStatus; strategyId?: number; search?: string }>({});
  const leadCount = useLeads({ ...leadFilter, page: 1, limit: 1 });
  const strategies = useStrategies();

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

  const onSubmit = async (v: CampaignValues) => {
    const scheduledAt = v.scheduleLater ? v.scheduledAt : undefined;
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
        });
      } else {
        const leadIds = await collectLeadIds(leadFilter);
        if (leadIds.length === 0) {
          form.setError('root.server', { message: 'No lead with a phone number matches this filter.' });
          return;
        }
        report = await create.mutateAsync({ name: v.name, message: v.message, leadIds, scheduledAt });
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
        onSubmit={form.handleSubmit(onSubmit)}
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
                <div className="grid grid-cols-1 max-w-xs gap-2">
                  <Label>Country for numbers without +</Label>
                  <CountrySelect value={effectiveCountry} onChange={setCountry} />
                </div>
                <FormField
                  control={form.control}
                  name="recipients"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Phone numbers</FormLabel>
                      <FormControl>
                        <Textarea
                          rows={6}
                          placeholder={'One number per line, e.g.\n+1 415 555 0100\n(415) 555-0101'}
                          className="font-mono"
                          {...field}
                        />
                      </FormControl>
                      <FormDescription>One per line, or separated by commas.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                {recipientsText.trim() && (
                  <p className="text-sm" aria-live="polite" data-testid="paste-summary">
                    <span className="font-medium text-emerald-700">{formatNumber(parsed.numbers.length)} valid</span>
                    {parsed.duplicates > 0 && (
                      <span className="text-muted-foreground"> · {parsed.duplicates} duplicates</span>
                    )}
                    {parsed.invalid.length > 0 && (
                      <span className="text-destructive">
                        {' '}
                        · {parsed.invalid.length} invalid: {parsed.invalid.slice(0, 3).join(', ')}
                        {parsed.invalid.length > 3 ? '…' : ''} (skipped)
                      </span>
                    )}
                  </p>
                )}
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
                <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
                  <div className="grid grid-cols-1 gap-1.5">
                    <Label htmlFor="lead-search">Search</Label>
                    <SearchInput
                      id="lead-search"
                      className="sm:w-full"
                      placeholder="Name, email, company…"
                      label="Search leads"
                      value={leadFilter.search ?? ''}
                      onChange={(search) => setLeadFilter((f) => ({ ...f, search: search || undefined }))}
                    />
                  </div>
                  <div className="grid grid-cols-1 gap-1.5">
                    <Label>Status</Label>
                    <Select
                      value={leadFilter.status ?? 'all'}
                      onValueChange={(v) =>
                        setLeadFilter((f) => ({ ...f, status: v === 'all' ? undefined : (v as LeadStatus) }))
                      }
                    >
                      <SelectTrigger aria-label="Lead status">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value="all">Any status</SelectItem>
                        {LEAD_STATUSES.map((s) => (
                          <SelectItem key={s} value={s} className="capitalize">
                            {s}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </div>
                  <div className="grid grid-cols-1 gap-1.5">
                    <Label>Strategy</Label>
                    <Select
                      value={leadFilter.strategyId ? String(leadFilter.strategyId) : 'all'}
                      onValueChange={(v) =>
                        setLeadFilter((f) => ({ ...f, strategyId: v === 'all' ? undefined : Number(v) }))
                      }
                    >
                      <SelectTrigger aria-label="Strategy">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value="all">Any strategy</SelectItem>
                        {(strategies.data?.items ?? []).map((s) => (
                          <SelectItem key={s.id} value={String(s.id)}>
                            {s.name}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </div>
                </div>
                <p className="text-sm" aria-live="polite">
                  {leadCount.isLoading ? (
                    'Counting leads…'
                  ) : leadCount.isError ? (
                    <span className="text-destructive">Could not count leads.</span>
                  ) : (
                    <>
                      <span className="font-medium">{formatNumber(leadCount.data?.total ?? 0)}</span> leads match. Leads
                      without a phone number are skipped.
                    </>
                  )}
                </p>
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
            <FormRootError />
            <div className="flex gap-2">
              <Button type="submit" disabled={busy} data-testid="campaign-submit">
                {busy ? <Loader2 className="animate-spin" /> : <Rocket />}
                {scheduleLater ? 'Schedule campaign' : 'Start campaign'}
              </Button>
              <Button variant="outline" onClick={() => router.back()} disabled={busy}>
                Cancel
              </Button>
            </div>
          </CardContent>
        </Card>
      </form>
    </Form>
  );
}
