'use client';

import * as React from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, FlaskConical, Loader2, PauseCircle, PlugZap, Save, ShieldAlert, XCircle } from 'lucide-react';
import { useRole } from '@/components/auth/require-role';
import { toast } from 'sonner';
import { ErrorState } from '@/components/common/states';
import { CountrySelect } from '@/components/sms/country-select';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
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
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { errorMessage } from '@/lib/api-client';
import { applyServerErrors } from '@/lib/form-errors';
import { crmKeys } from '@/lib/queries/crm';
import { useSmsSettings, useTestSmsSettings, useUpdateSmsSettings } from '@/lib/queries/sms';
import { toCountryCode } from '@/lib/sms/countries';
import type { SmsSettings, TestConnectionResult, UpdateSmsSettingsDto } from '@/types/sms';

const optional = (re: RegExp, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || re.test(v), message);
const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), message);

const settingsSchema = z.object({
  accountSid: optional(/^AC[0-9a-fA-F]{32}$/, 'An Account SID is “AC” followed by 32 hexadecimal characters'),
  authToken: optional(/^[0-9a-zA-Z]{16,64}$/, 'An auth token is 16 to 64 letters and digits'),
  phoneNumber: optional(/^\+[1-9]\d{6,14}$/, 'Use the E.164 form, like +14155552671'),
  messagingServiceSid: optional(
    /^MG[0-9a-fA-F]{32}$/,
    'A Messaging Service SID is “MG” followed by 32 hexadecimal characters',
  ),
  rateLimitPerMinute: optionalInt(1, 60_000, 'A whole number from 1 to 60,000, or empty for the default'),
  maxInFlight: optionalInt(1, 1000, 'A whole number from 1 to 1,000, or empty for the default'),
  spendingCapSegments: optionalInt(0, Number.MAX_SAFE_INTEGER, 'A whole number, or empty for no cap'),
  defaultCountry: z.string().length(2),
  quietHoursEnabled: z.boolean(),
  quietHoursStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  quietHoursEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  quietHoursDays: z.array(z.number().int().min(1).max(7)),
  helpText: z.string().max(320, 'At most 320 characters'),
});
type SettingsValues = z.infer<typeof settingsSchema>;
type Field = keyof SettingsValues;

const FIELDS: readonly Field[] = [
  'accountSid',
  'authToken',
  'phoneNumber',
  'messagingServiceSid',
  'rateLimitPerMinute',
  'maxInFlight',
  'spendingCapSegments',
  'defaultCountry',
  'quietHoursEnabled',
  'quietHoursStart',
  'quietHoursEnd',
  'quietHoursDays',
  'helpText',
];

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const intOrNull = (v: string) => (v === '' ? null : Number(v));

function toValues(s: SmsSettings): SettingsValues {
  return {
    accountSid: s.accountSid ?? '',
    authToken: '',
    phoneNumber: s.phoneNumber ?? '',
    messagingServiceSid: s.messagingServiceSid ?? '',
    rateLimitPerMinute: str(s.rateLimitPerMinute),
    maxInFlight: str(s.maxInFlight),
    spendingCapSegments: str(s.spendingCapSegments),
    defaultCountry: s.defaultCountry || 'US',
    quietHoursEnabled: s.quietHoursEnabled ?? false,
    quietHoursStart: s.quietHoursStart ?? '21:00',
    quietHoursEnd: s.quietHoursEnd ?? '08:00',
    quietHoursDays: s.quietHoursDays ?? [1, 2, 3, 4, 5, 6, 7],
    helpText: s.helpText ?? '',
  };
}

/** Only what changed (PUT is partial); the auth token only when a new one was typed. */
export function settingsDto(v: SettingsValues, dirty: Partial<Record<Field, unknown>>): UpdateSmsSettingsDto {
  const dto: UpdateSmsSettingsDto = {};
  if (dirty.accountSid) dto.accountSid = v.accountSid || null;
  if (v.authToken) dto.authToken = v.authToken;
  if (dirty.phoneNumber) dto.phoneNumber = v.phoneNumber || null;
  if (dirty.messagingServiceSid) dto.messagingServiceSid = v.messagingServiceSid || null;
  if (dirty.rateLimitPerMinute) dto.rateLimitPerMinute = intOrNull(v.rateLimitPerMinute);
  if (dirty.maxInFlight) dto.maxInFlight = intOrNull(v.maxInFlight);
  if (dirty.spendingCapSegments) dto.spendingCapSegments = intOrNull(v.spendingCapSegments);
  if (dirty.defaultCountry) dto.defaultCountry = v.defaultCountry;
  if (dirty.quietHoursEnabled) dto.quietHoursEnabled = v.quietHoursEnabled;
  if (dirty.quietHoursStart) dto.quietHoursStart = v.quietHoursStart;
  if (dirty.quietHoursEnd) dto.quietHoursEnd = v.quietHoursEnd;
  if (dirty.quietHoursDays) dto.quietHoursDays = [...v.quietHoursDays].sort();
  if (dirty.helpText) dto.helpText = v.helpText.trim() || null;
  return dto;
}

export function SmsSettingsForm() {
  const query = useSmsSettings();
  if (query.isLoading) {
    return (
      <div className="grid grid-cols-1 gap-4" aria-busy="true">
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-80 w-full" />
      </div>
    );
  }
  if (query.isError || !query.data) {
    return <ErrorState title="Could not load SMS settings" error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <SettingsEditor settings={query.data} />;
}

function CredentialsBadge({ status }: { status: SmsSettings['credentialsStatus'] }) {
  if (status === 'ok')
    return (
      <Badge variant="success">
        <CheckCircle2 /> Credentials accepted
      </Badge>
    );
  if (status === 'rejected')
    return (
      <Badge variant="danger">
        <XCircle /> Credentials rejected
      </Badge>
    );
  return <Badge variant="muted">Credentials not tested</Badge>;
}

function SettingsEditor({ settings }: { settings: SmsSettings }) {
  const qc = useQueryClient();
  const update = useUpdateSmsSettings();
  const test = useTestSmsSettings();
  const [testResult, setTestResult] = React.useState<TestConnectionResult | null>(null);
  const form = useForm<SettingsValues>({ resolver: zodResolver(settingsSchema), defaultValues: toValues(settings) });
  const quietEnabled = useWatch({ control: form.control, name: 'quietHoursEnabled' });
  const blocked = useRole().reasonUnless('subaccount_admin');

  const onSubmit = async (v: SettingsValues) => {
    const dto = settingsDto(v, form.formState.dirtyFields as Partial<Record<Field, unknown>>);
    if (Object.keys(dto).length === 0) {
      toast.message('Nothing changed');
      return;
    }
    try {
      const saved = await update.mutateAsync(dto);
      form.reset(toValues(saved));
      setTestResult(null);
      // The default country is the SubAccount's: the shell's copy of it is now stale.
      if (dto.defaultCountry) void qc.invalidateQueries({ queryKey: crmKeys.me });
      toast.success('Settings saved');
    } catch (error) {
      applyServerErrors(form.setError, error, FIELDS);
    }
  };

  const runTest = async () => {
    setTestResult(null);
    try {
      const result = await test.mutateAsync();
      setTestResult(result);
      if (result.ok) toast.success('Connection works');
      else toast.error('Connection failed');
    } catch (e) {
      setTestResult({ ok: false, message: errorMessage(e) });
    }
  };

  const defaultRate = settings.effectiveRateLimitPerMinute;

  return (
    <div className="grid grid-cols-1 gap-6">
      {settings.mode === 'simulator' && (
        <Alert variant="warning" data-testid="simulator-banner">
          <FlaskConical />
          <AlertTitle>Simulator mode: no real SMS is sent</AlertTitle>
          <AlertDescription>
            Messages go to the built-in Twilio simulator, which accepts them and reports them sent and delivered the way
            Twilio would. Nobody receives a text. Start the server with real Twilio credentials to send for real.
          </AlertDescription>
        </Alert>
      )}
      {settings.dispatchPaused && (
        <Alert variant="destructive" data-testid="dispatch-paused-banner">
          <PauseCircle />
          <AlertTitle>Sending is paused for this SubAccount</AlertTitle>
          <AlertDescription>
            {settings.dispatchPausedReason ?? 'Messages are accepted and queued, but none leaves.'} Fix the credentials
            and test the connection to resume.
          </AlertDescription>
        </Alert>
      )}

      {blocked && (
        <Alert data-testid="settings-role-note">
          <ShieldAlert />
          <AlertTitle>Read-only for you</AlertTitle>
          <AlertDescription>{blocked}: credentials, sender, limits, spending cap and quiet hours.</AlertDescription>
        </Alert>
      )}
      <Form {...form}>
        <form
          onSubmit={form.handleSubmit(onSubmit)}
          className="grid grid-cols-1 gap-6"
          noValidate
          data-testid="settings-form"
        >
          {/* A disabled fieldset disables every input and button inside it. */}
          <fieldset disabled={!!blocked} className="grid min-w-0 grid-cols-1 gap-6">
            <Card>
              <CardHeader>
                <CardTitle>Twilio account</CardTitle>
                <CardDescription>
                  Found in the Twilio Console under Account info.
                  {settings.credentialsSource === 'environment' && ' Empty: the server’s own credentials are used.'}
                </CardDescription>
                <CardAction>
                  <CredentialsBadge status={settings.credentialsStatus} />
                </CardAction>
              </CardHeader>
              <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
                <FormField
                  control={form.control}
                  name="accountSid"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Account SID</FormLabel>
                      <FormControl>
                        <Input
                          placeholder="AC…"
                          autoComplete="off"
                          spellCheck={false}
                          className="font-mono"
                          {...field}
                        />
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="authToken"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Auth token</FormLabel>
                      <FormControl>
                        <Input
                          type="password"
                          autoComplete="new-password"
                          spellCheck={false}
                          placeholder={settings.authTokenLast4 ? `•••••••••••• ${settings.authTokenLast4}` : 'Not set'}
                          className="font-mono"
                          data-testid="auth-token-input"
                          {...field}
                        />
                      </FormControl>
                      <FormDescription data-testid="auth-token-hint">
                        {settings.authTokenLast4
                          ? `Stored, ending in ${settings.authTokenLast4}. Leave empty to keep it.`
                          : 'Write-only: never shown again once saved.'}
                      </FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <div className="flex flex-wrap items-center gap-3 md:col-span-2">
                  <Button
                    variant="outline"
                    onClick={runTest}
                    disabled={test.isPending || form.formState.isDirty}
                    data-testid="settings-test"
                  >
                    {test.isPending ? <Loader2 className="animate-spin" /> : <PlugZap />}
                    Test connection
                  </Button>
                  {form.formState.isDirty && (
                    <span className="text-xs text-muted-foreground">Save first to test the new values.</span>
                  )}
                  {testResult && (
                    <span
                      role="status"
                      data-testid="settings-test-result"
                      className={
                        testResult.ok
                          ? 'flex items-center gap-1 text-sm text-emerald-700'
                          : 'flex items-center gap-1 text-sm text-destructive'
                      }
                    >
                      {testResult.ok ? <CheckCircle2 className="size-4" /> : <XCircle className="size-4" />}
                      {testResult.message}
                    </span>
                  )}
                </div>
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>Sender</CardTitle>
                <CardDescription>
                  A Twilio number, or a Messaging Service (which then picks the number).
                </CardDescription>
              </CardHeader>
              <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
                <FormField
                  control={form.control}
                  name="phoneNumber"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Sender number</FormLabel>
                      <FormControl>
                        <Input placeholder="+14155552671" inputMode="tel" className="font-mono" {...field} />
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="messagingServiceSid"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Messaging Service SID</FormLabel>
                      <FormControl>
                        <Input placeholder="MG…" spellCheck={false} className="font-mono" {...field} />
                      </FormControl>
                      <FormDescription>Used instead of the sender number when set.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>Limits and defaults</CardTitle>
              </CardHeader>
              <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
                <FormField
                  control={form.control}
                  name="rateLimitPerMinute"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Messages per minute</FormLabel>
                      <FormControl>
                        <Input
                          type="number"
                          min={1}
                          inputMode="numeric"
                          placeholder={defaultRate ? `Default (${defaultRate})` : 'Default'}
                          data-testid="rate-limit-input"
                          {...field}
                        />
                      </FormControl>
                      <FormDescription>What your sender may send; about 60 for one long code.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="maxInFlight"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Requests in flight</FormLabel>
                      <FormControl>
                        <Input type="number" min={1} inputMode="numeric" placeholder="Default" {...field} />
                      </FormControl>
                      <FormDescription>Concurrent calls to Twilio; halves by itself after a 429.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="spendingCapSegments"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Monthly spending cap (segments)</FormLabel>
                      <FormControl>
                        <Input type="number" min={0} inputMode="numeric" placeholder="No cap" {...field} />
                      </FormControl>
                      <FormDescription>Sends beyond it are refused. Empty: no cap.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="defaultCountry"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Default country</FormLabel>
                      <FormControl>
                        <CountrySelect value={toCountryCode(field.value)} onChange={field.onChange} />
                      </FormControl>
                      <FormDescription>For numbers written without a + country code.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>Quiet hours and replies</CardTitle>
                <CardDescription>
                  Messages due in quiet hours wait until they end, in the recipient’s time zone.
                </CardDescription>
              </CardHeader>
              <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
                <FormField
                  control={form.control}
                  name="quietHoursEnabled"
                  render={({ field }) => (
                    <FormItem className="flex items-center gap-3 md:col-span-2">
                      <FormControl>
                        <Switch checked={field.value} onCheckedChange={field.onChange} />
                      </FormControl>
                      <FormLabel>Hold messages during quiet hours</FormLabel>
                    </FormItem>
                  )}
                />
                <div className="grid grid-cols-2 gap-3">
                  <FormField
                    control={form.control}
                    name="quietHoursStart"
                    render={({ field }) => (
                      <FormItem>
                        <FormLabel>From</FormLabel>
                        <FormControl>
                          <Input type="time" disabled={!quietEnabled} {...field} />
                        </FormControl>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                  <FormField
                    control={form.control}
                    name="quietHoursEnd"
                    render={({ field }) => (
                      <FormItem>
                        <FormLabel>Until</FormLabel>
                        <FormControl>
                          <Input type="time" disabled={!quietEnabled} {...field} />
                        </FormControl>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                </div>
                <FormField
                  control={form.control}
                  name="quietHoursDays"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>On</FormLabel>
                      <div className="flex flex-wrap gap-3" role="group" aria-label="Quiet days">
                        {WEEKDAYS.map((day, i) => {
                          const n = i + 1;
                          const checked = field.value.includes(n);
                          return (
                            <label key={day} className="flex items-center gap-1.5 text-sm">
                              <Checkbox
                                checked={checked}
                                disabled={!quietEnabled}
                                onCheckedChange={(c) =>
                                  field.onChange(c ? [...field.value, n] : field.value.filter((d) => d !== n))
                                }
                              />
                              {day}
                            </label>
                          );
                        })}
                      </div>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="helpText"
                  render={({ field }) => (
                    <FormItem className="md:col-span-2">
                      <FormLabel>Reply to HELP</FormLabel>
                      <FormControl>
                        <Textarea
                          rows={2}
                          placeholder="Acme Roofing: reply STOP to opt out. Questions? Call (555) 123-4567."
                          {...field}
                        />
                      </FormControl>
                      <FormDescription>Sent when someone texts HELP. Empty: the default text.</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              </CardContent>
            </Card>

            <FormRootError />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="settings-save">
                {form.formState.isSubmitting ? <Loader2 className="animate-spin" /> : <Save />}
                Save settings
              </Button>
              <Button
                variant="outline"
                disabled={!form.formState.isDirty || form.formState.isSubmitting}
                onClick={() => form.reset(toValues(settings))}
              >
                Discard changes
              </Button>
            </div>
          </fieldset>
        </form>
      </Form>
    </div>
  );
}
