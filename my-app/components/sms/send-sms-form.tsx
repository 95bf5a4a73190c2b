'use client';

import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isPossiblePhoneNumber, type CountryCode } from 'libphonenumber-js';
import { Loader2, Send } from 'lucide-react';
import { toast } from 'sonner';
import { SwitchField } from '@/components/common/labeled-field';
import { useOptionalSession } from '@/components/auth/session-provider';
import { LeadPicker } from '@/components/sms/lead-picker';
import { MessageComposer } from '@/components/sms/message-composer';
import { MessageStatusLive } from '@/components/sms/message-status-live';
import { PhoneNumberInput } from '@/components/sms/phone-number-input';
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
import { Label } from '@/components/ui/label';
import { applyServerErrors } from '@/lib/form-errors';
import { useLead } from '@/lib/queries/crm';
import { useCancelMessage, useSendSms, useSmsSettings } from '@/lib/queries/sms';
import { errorMessage } from '@/lib/api-client';
import { toCountryCode } from '@/lib/sms/countries';
import { MAX_SMS_CHARACTERS, analyzeMessage } from '@/lib/sms/segments';
import { placeholders, renderTemplate } from '@/lib/sms/template';
import { formatCost } from '@/lib/format';
import { uuid } from '@/lib/uuid';
import type { Lead } from '@/types/crm';
import type { SendSmsDto, SendSmsResult } from '@/types/sms';

export const sendSmsSchema = z
  .object({
    phoneNumber: z
      .string()
      .min(1, 'Enter a phone number')
      .refine((v) => isPossiblePhoneNumber(v), 'Enter a complete phone number'),
    message: z
      .string()
      .refine((v) => v.trim().length > 0, 'Write a message')
      .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
    leadId: z.number().int().positive().optional(),
    scheduleLater: z.boolean(),
    scheduledAt: z.string(),
  })
  .superRefine((v, ctx) => {
    // Without a lead only {{name|default}} can be filled in; the API refuses the rest by name too.
    const unfilled = v.leadId === undefined ? placeholders(v.message).filter((p) => p.fallback === undefined) : [];
    if (unfilled.length) {
      const names = unfilled.map((p) => `{{${p.name}}}`).join(', ');
      ctx.addIssue({
        code: 'custom',
        path: ['message'],
        message: `${names} needs a lead to fill it in: choose a lead or add a default like {{${unfilled[0]!.name}|there}}`,
      });
    }
    if (!v.scheduleLater) return;
    if (!v.scheduledAt) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'Pick a date and time' });
    else if (Date.parse(v.scheduledAt) <= Date.now())
      ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'The time must be in the future' });
  });
type SendSmsValues = z.infer<typeof sendSmsSchema>;

const FIELDS = ['phoneNumber', 'message', 'leadId', 'scheduledAt'] as const;

const EMPTY: SendSmsValues = { phoneNumber: '', message: '', leadId: undefined, scheduleLater: false, scheduledAt: '' };

export function SendSmsForm() {
  const session = useOptionalSession();
  const searchParams = useSearchParams();
  const settings = useSmsSettings();
  const defaultCountry = toCountryCode(settings.data?.defaultCountry ?? session?.subAccount?.defaultCountry);
  const [country, setCountry] = React.useState<CountryCode>(defaultCountry);
  const countryTouched = React.useRef(false);
  React.useEffect(() => {
    if (!countryTouched.current) setCountry(defaultCountry);
  }, [defaultCountry]);

  const [lead, setLead] = React.useState<Pick<Lead, 'id' | 'name' | 'phone'> | null>(null);
  const [result, setResult] = React.useState<SendSmsResult | null>(null);
  const send = useSendSms();
  const cancel = useCancelMessage();
  const lastSent = React.useRef<SendSmsDto | null>(null);

  const form = useForm<SendSmsValues>({ resolver: zodResolver(sendSmsSchema), defaultValues: EMPTY });
  const scheduleLater = useWatch({ control: form.control, name: 'scheduleLater' });
  const message = useWatch({ control: form.control, name: 'message' });

  // /admin/sms/send?leadId=12 (from a lead's page) starts with that lead.
  const leadIdParam = Number(searchParams.get('leadId'));
  const initialLead = useLead(Number.isInteger(leadIdParam) && leadIdParam > 0 ? leadIdParam : 0);
  const { setValue } = form;
  const pickLead = React.useCallback(
    (l: Lead) => {
      setLead(l);
      setValue('leadId', l.id);
      if (l.phone) setValue('phoneNumber', l.phone, { shouldValidate: true, shouldDirty: true });
    },
    [setValue],
  );
  React.useEffect(() => {
    if (initialLead.data) pickLead(initialLead.data);
  }, [initialLead.data, pickLead]);

  const onSubmit = async (values: SendSmsValues) => {
    const data: SendSmsDto = {
      phoneNumber: values.phoneNumber,
      message: values.message,
      leadId: values.leadId,
      scheduledAt: values.scheduleLater ? values.scheduledAt : undefined,
    };
    lastSent.current = data;
    try {
      const res = await send.mutateAsync({ idempotencyKey: uuid(), data });
      setResult(res);
      toast.success(values.scheduleLater ? 'Message scheduled' : 'Message accepted for sending');
    } catch (error) {
      applyServerErrors(form.setError, error, FIELDS);
    }
  };

  const reset = () => {
    setResult(null);
    setLead(null);
    form.reset(EMPTY);
  };

  const sendNowAnyway = async () => {
    if (!result || !lastSent.current) return;
    try {
      await cancel.mutateAsync(result.id);
      const res = await send.mutateAsync({
        idempotencyKey: uuid(),
        data: { ...lastSent.current, scheduledAt: undefined, ignoreQuietHours: true },
      });
      setResult(res);
      toast.success('Sending now, inside quiet hours');
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  if (result)
    return (
      <MessageStatusLive result={result} onReset={reset} onSendNow={session?.isAdmin ? sendNowAnyway : undefined} />
    );

  return (
    <Card>
      <CardHeader>
        <CardTitle>New message</CardTitle>
        <CardDescription>One SMS to one number. Numbers on the opt-out list are refused.</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit(onSubmit)}
            className="grid grid-cols-1 gap-5"
            noValidate
            data-testid="send-sms-form"
          >
            <div className="grid grid-cols-1 gap-2">
              <Label>Lead</Label>
              <LeadPicker
                value={lead}
                onPick={pickLead}
                onClear={() => {
                  setLead(null);
                  form.setValue('leadId', undefined);
                }}
              />
            </div>
            <FormField
              control={form.control}
              name="phoneNumber"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>Phone number</FormLabel>
                  <FormControl>
                    <PhoneNumberInput
                      value={field.value}
                      onChange={(v) => field.onChange(v)}
                      onBlur={field.onBlur}
                      name={field.name}
                      country={country}
                      onCountryChange={(c) => {
                        countryTouched.current = true;
                        setCountry(c);
                      }}
                      showValidation={form.formState.isSubmitted || !!fieldState.error}
                    />
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
                      {...field}
                      toolbar={
                        <TemplatePicker
                          onPick={(t) => form.setValue('message', t.body, { shouldValidate: true, shouldDirty: true })}
                        />
                      }
                    />
                  </FormControl>
                  <SendPreview
                    message={message}
                    withLead={lead !== null}
                    pricePerSegment={settings.data?.estimatedPricePerSegment}
                  />
                  <FormMessage />
                </FormItem>
              )}
            />
            <SwitchField control={form.control} name="scheduleLater" label="Schedule for later" />
            {scheduleLater && (
              <FormField
                control={form.control}
                name="scheduledAt"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Send at</FormLabel>
                    <FormControl>
                      <ScheduleInput
                        value={field.value}
                        onChange={field.onChange}
                        defaultTimeZone={session?.subAccount?.timeZone}
                      />
                    </FormControl>
                    <FormDescription>Quiet hours may push the send later.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            )}
            <FormRootError />
            <div>
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="send-sms-submit">
                {form.formState.isSubmitting ? <Loader2 className="animate-spin" /> : <Send />}
                {scheduleLater ? 'Schedule SMS' : 'Send SMS'}
              </Button>
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

/**
 * What the phone will receive when no lead fills the placeholders (their defaults), and what it should cost
 * at the estimated price per segment; Twilio's real price is recorded once it reports it.
 */
function SendPreview({
  message,
  withLead,
  pricePerSegment,
}: {
  message: string;
  withLead: boolean;
  pricePerSegment: number | undefined;
}) {
  const hasPlaceholders = placeholders(message).length > 0;
  const text = withLead || !hasPlaceholders ? message : renderTemplate(message, {});
  const { segments } = analyzeMessage(text);
  if (!message.trim()) return null;
  return (
    <div className="grid gap-1 text-xs text-muted-foreground" data-testid="send-preview">
      {!withLead && hasPlaceholders && (
        <p>
          Will be sent as:{' '}
          <span className="text-foreground" data-testid="send-preview-text">
            {text}
          </span>
        </p>
      )}
      {withLead && hasPlaceholders && <p>Placeholders are filled in from the lead when sent.</p>}
      {pricePerSegment !== undefined && (
        <p data-testid="send-estimated-cost">
          Estimated cost: {formatCost(segments * pricePerSegment)} ({segments} {segments === 1 ? 'segment' : 'segments'}{' '}
          × {formatCost(pricePerSegment)}); Twilio reports the real price after sending.
        </p>
      )}
    </div>
  );
}
