'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { FlaskConical, Loader2, PauseCircle, Save, ShieldAlert } from 'lucide-react';
import { useRole } from '@/components/auth/require-role';
import { toast } from 'sonner';
import { ErrorState } from '@/components/common/states';
import { LimitsSection } from '@/components/sms/settings/limits-section';
import { QuietHoursSection } from '@/components/sms/settings/quiet-hours-section';
import { SenderSection } from '@/components/sms/settings/sender-section';
import {
  FIELDS,
  settingsDto,
  settingsSchema,
  toValues,
  type Field,
  type SettingsValues,
} from '@/components/sms/settings/settings-schema';
import { TwilioAccountSection } from '@/components/sms/settings/twilio-account-section';
import { WebhooksCard } from '@/components/sms/settings/webhooks-card';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Form, FormRootError } from '@/components/ui/form';
import { Skeleton } from '@/components/ui/skeleton';
import { applyServerErrors } from '@/lib/form-errors';
import { crmKeys } from '@/lib/queries/crm';
import { useSmsSettings, useUpdateSmsSettings } from '@/lib/queries/sms';
import type { SmsSettings } from '@/types/sms';

export { settingsDto };

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

function SettingsEditor({ settings }: { settings: SmsSettings }) {
  const qc = useQueryClient();
  const update = useUpdateSmsSettings();
  const form = useForm<SettingsValues>({ resolver: zodResolver(settingsSchema), defaultValues: toValues(settings) });
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
      // The default country is the SubAccount's: the shell's copy of it is now stale.
      if (dto.defaultCountry) void qc.invalidateQueries({ queryKey: crmKeys.me });
      toast.success('Settings saved');
    } catch (error) {
      applyServerErrors(form.setError, error, FIELDS);
    }
  };

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
          <WebhooksCard settings={settings} />
          {/* A disabled fieldset disables every input and button inside it. */}
          <fieldset disabled={!!blocked} className="grid min-w-0 grid-cols-1 gap-6">
            <TwilioAccountSection form={form} settings={settings} />
            <SenderSection form={form} settings={settings} />
            <LimitsSection form={form} settings={settings} />
            <QuietHoursSection form={form} />
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
