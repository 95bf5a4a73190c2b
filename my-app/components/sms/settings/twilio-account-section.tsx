'use client';

import * as React from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { CheckCircle2, Loader2, PlugZap, XCircle } from 'lucide-react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/api-client';
import { useTestSmsSettings } from '@/lib/queries/sms';
import type { SmsSettings, TestConnectionResult } from '@/types/sms';
import type { SettingsValues } from './settings-schema';

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

/** Account SID and auth token, with a connection test of what is saved (a new save clears its result). */
export function TwilioAccountSection({
  form,
  settings,
}: {
  form: UseFormReturn<SettingsValues>;
  settings: SmsSettings;
}) {
  const test = useTestSmsSettings();
  const [testResult, setTestResult] = React.useState<TestConnectionResult | null>(null);
  // A result speaks for the credentials it tested: forget it when they change (not when the test itself
  // refreshes the settings with the new credentials status).
  React.useEffect(() => setTestResult(null), [settings.accountSid, settings.authTokenLast4]);
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
  return (
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
                <Input placeholder="AC…" autoComplete="off" spellCheck={false} className="font-mono" {...field} />
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
  );
}
