'use client';

import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { FileSearch, Loader2, Rocket, X } from 'lucide-react';
import { toast } from 'sonner';
import { SwitchField } from '@/components/common/labeled-field';
import { useOptionalSession } from '@/components/auth/session-provider';
import { CampaignLive } from '@/components/sms/campaign-live';
import { CsvDropzone } from '@/components/sms/csv-dropzone';
import { CsvPreviewTable } from '@/components/sms/csv-preview-table';
import { DryRunReport } from '@/components/sms/dry-run-report';
import { MessageComposer } from '@/components/sms/message-composer';
import { ScheduleInput } from '@/components/sms/schedule-input';
import { TemplatePicker } from '@/components/sms/template-picker';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
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
import { Progress } from '@/components/ui/progress';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { useQueryClient } from '@tanstack/react-query';
import { smsApi } from '@/lib/api-client';
import { applyServerErrors } from '@/lib/form-errors';
import { smsKeys } from '@/lib/queries/sms';
import {
  phoneColumnParam,
  previewCsv,
  readFileHead,
  rowVariables,
  variableNames,
  type CsvPreview,
} from '@/lib/sms/csv-preview';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import { renderTemplate } from '@/lib/sms/template';
import type { BulkSmsResult } from '@/types/sms';

const bulkSchema = z
  .object({
    name: z.string().trim().max(200, 'At most 200 characters'),
    message: z
      .string()
      .refine((v) => v.trim().length > 0, 'Write the message template')
      .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
    phoneColumn: z.string(),
    scheduleLater: z.boolean(),
    scheduledAt: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.scheduleLater) return;
    if (!v.scheduledAt) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'Pick a date and time' });
    else if (Date.parse(v.scheduledAt) <= Date.now())
      ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'The time must be in the future' });
  });
type BulkValues = z.infer<typeof bulkSchema>;

const FIELDS = ['name', 'message', 'phoneColumn', 'scheduledAt'] as const;
const EMPTY: BulkValues = { name: '', message: '', phoneColumn: '', scheduleLater: false, scheduledAt: '' };

type Phase = 'idle' | 'uploading' | 'processing';

export function BulkSmsUpload() {
  const session = useOptionalSession();
  const qc = useQueryClient();
  const [file, setFile] = React.useState<File | null>(null);
  const [preview, setPreview] = React.useState<CsvPreview | null>(null);
  const [previewError, setPreviewError] = React.useState<string | null>(null);
  const [phase, setPhase] = React.useState<Phase>('idle');
  const [progress, setProgress] = React.useState(0);
  const [report, setReport] = React.useState<{ result: BulkSmsResult; signature: string } | null>(null);
  const [campaignId, setCampaignId] = React.useState<number | null>(null);
  const abortRef = React.useRef<AbortController | null>(null);

  const form = useForm<BulkValues>({ resolver: zodResolver(bulkSchema), defaultValues: EMPTY });
  const [message, phoneColumn, scheduleLater, scheduledAt, name] = useWatch({
    control: form.control,
    name: ['message', 'phoneColumn', 'scheduleLater', 'scheduledAt', 'name'],
  });
  const signature = JSON.stringify([file?.name, file?.size, file?.lastModified, message, phoneColumn]);
  const reportStale = report !== null && report.signature !== signature;

  const onFile = async (f: File) => {
    setFile(f);
    setReport(null);
    setPreviewError(null);
    form.clearErrors();
    if (!form.getValues('name')) form.setValue('name', f.name.replace(/\.[^.]+$/, ''));
    try {
      const head = await readFileHead(f);
      if (head.text.includes('\u0000')) {
        setPreview(null);
        setPreviewError('This looks like a binary file (an Excel workbook?). Save it as CSV first.');
        return;
      }
      const p = previewCsv(head.text, { maxRows: 5, truncated: head.truncated });
      setPreview(p);
      form.setValue('phoneColumn', p.phoneColumn ?? '');
      if (!p.rows.length) setPreviewError('The file has no data rows.');
    } catch {
      setPreview(null);
      setPreviewError('The file could not be read.');
    }
  };

  const clearFile = () => {
    setFile(null);
    setPreview(null);
    setPreviewError(null);
    setReport(null);
    form.setValue('phoneColumn', '');
  };

  const upload = async (values: BulkValues, dryRun: boolean) => {
    if (!file) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase('uploading');
    setProgress(0);
    try {
      const result = await smsApi.sendBulkSms(file, values.message, {
        name: values.name || undefined,
        phoneColumn: preview && values.phoneColumn ? phoneColumnParam(preview, values.phoneColumn) : undefined,
        scheduledAt: values.scheduleLater ? values.scheduledAt : undefined,
        dryRun,
        signal: controller.signal,
        onProgress: (f) => {
          setProgress(f);
          if (f >= 1) setPhase('processing');
        },
      });
      if (dryRun) {
        setReport({ result, signature });
        if (result.phoneColumn && result.phoneColumn !== values.phoneColumn && !preview?.headerless) {
          form.setValue('phoneColumn', result.phoneColumn);
        }
      } else if (result.campaignId) {
        void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
        toast.success(`Campaign created with ${result.counts.valid} recipients`);
        setCampaignId(result.campaignId);
      } else {
        setReport({ result, signature });
        toast.error('No campaign was created: the file has no valid recipients.');
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        toast.message('Upload canceled');
      } else {
        applyServerErrors(form.setError, error, FIELDS);
      }
    } finally {
      abortRef.current = null;
      setPhase('idle');
    }
  };

  const reset = () => {
    setCampaignId(null);
    clearFile();
    form.reset(EMPTY);
  };

  if (campaignId !== null) return <CampaignLive id={campaignId} onDone={reset} />;

  const variables = preview ? variableNames(preview.headers, phoneColumn || null) : [];
  const sampleRow = preview?.rows[0];
  const sample =
    preview && sampleRow && message ? renderTemplate(message, rowVariables(preview.headers, sampleRow)) : null;
  const busy = phase !== 'idle';
  const validCount = report?.result.counts.valid;

  return (
    <Form {...form}>
      <form className="grid grid-cols-1 gap-6" noValidate onSubmit={(e) => e.preventDefault()} data-testid="bulk-form">
        <Card>
          <CardHeader>
            <CardTitle>1. Recipients</CardTitle>
            <CardDescription>A CSV with a phone column. Other columns can be used in the message.</CardDescription>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-4">
            <CsvDropzone file={file} onFile={(f) => void onFile(f)} onClear={clearFile} disabled={busy} />
            {previewError && (
              <p role="alert" className="text-sm text-destructive">
                {previewError}
              </p>
            )}
            {preview && preview.rows.length > 0 && (
              <>
                <FormField
                  control={form.control}
                  name="phoneColumn"
                  render={({ field }) => (
                    <FormItem className="max-w-sm">
                      <FormLabel>Phone column</FormLabel>
                      <Select value={field.value || undefined} onValueChange={field.onChange} disabled={busy}>
                        <FormControl>
                          <SelectTrigger>
                            <SelectValue placeholder="Choose the column with phone numbers" />
                          </SelectTrigger>
                        </FormControl>
                        <SelectContent>
                          {preview.headers.map((h) => (
                            <SelectItem key={h} value={h}>
                              {h}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                      <FormDescription>
                        {preview.phoneColumn
                          ? 'Detected from the header.'
                          : 'No column looked like phone numbers; choose one.'}
                      </FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <CsvPreviewTable preview={preview} phoneColumn={phoneColumn || null} />
              </>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>2. Message</CardTitle>
            <CardDescription>
              Use <code className="rounded bg-muted px-1">{'{{column}}'}</code> to personalise, and{' '}
              <code className="rounded bg-muted px-1">{'{{column|default}}'}</code> when a cell may be empty.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-5">
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem className="max-w-md">
                  <FormLabel>Campaign name</FormLabel>
                  <FormControl>
                    <Input placeholder="Spring promotion" {...field} disabled={busy} />
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
                  <FormLabel>Message template</FormLabel>
                  <FormControl>
                    <MessageComposer
                      {...field}
                      disabled={busy}
                      variables={variables}
                      placeholder="Hi {{first_name}}, …"
                      toolbar={
                        <TemplatePicker onPick={(t) => form.setValue('message', t.body, { shouldValidate: true })} />
                      }
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {sample && (
              <div className="grid grid-cols-1 gap-1">
                <p className="text-xs font-medium text-muted-foreground">First row, rendered</p>
                <p className="rounded-lg bg-muted px-3 py-2 text-sm whitespace-pre-wrap" data-testid="bulk-sample">
                  {sample}
                </p>
              </div>
            )}
            <SwitchField control={form.control} name="scheduleLater" label="Schedule for later" disabled={busy} />
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
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>3. Check and start</CardTitle>
            <CardDescription>
              Checking uploads the file without sending anything, and reports every row that would be rejected.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid grid-cols-1 gap-5">
            {busy && (
              <div className="grid grid-cols-1 gap-2" data-testid="upload-progress">
                <div className="flex items-center justify-between text-sm">
                  <span className="flex items-center gap-2">
                    <Loader2 className="size-4 animate-spin" />
                    {phase === 'uploading' ? 'Uploading…' : 'Checking rows on the server…'}
                  </span>
                  <span className="tabular-nums">{Math.round(progress * 100)}%</span>
                </div>
                <Progress value={progress * 100} aria-label="Upload progress" />
                <Button variant="ghost" size="sm" className="w-fit" onClick={() => abortRef.current?.abort()}>
                  <X /> Cancel upload
                </Button>
              </div>
            )}
            <FormRootError />
            {report && (
              <>
                {reportStale && (
                  <Alert variant="warning">
                    <AlertTitle>The file, message or phone column changed</AlertTitle>
                    <AlertDescription>Check again to see an up-to-date report.</AlertDescription>
                  </Alert>
                )}
                <DryRunReport result={report.result} />
              </>
            )}
            <div className="flex flex-wrap gap-2">
              <Button
                variant={report && !reportStale ? 'outline' : 'default'}
                disabled={!file || busy || !preview}
                onClick={form.handleSubmit((v) => upload(v, true))}
                data-testid="bulk-dry-run"
              >
                <FileSearch /> {report ? 'Check again' : 'Check file'}
              </Button>
              <Button
                variant={report && !reportStale ? 'default' : 'outline'}
                disabled={!file || busy || !preview || validCount === 0}
                onClick={form.handleSubmit((v) => upload(v, false))}
                data-testid="bulk-start"
              >
                <Rocket />
                {scheduleLater && scheduledAt ? 'Schedule campaign' : 'Start campaign'}
                {validCount !== undefined && !reportStale ? ` (${validCount})` : ''}
              </Button>
            </div>
            {!name && file && <p className="text-xs text-muted-foreground">Without a name, the file name is used.</p>}
          </CardContent>
        </Card>
      </form>
    </Form>
  );
}
