'use client';

import type { UseFormReturn } from 'react-hook-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import type { SmsSettings } from '@/types/sms';
import type { SettingsValues } from './settings-schema';

/** The SubAccount's own number or Messaging Service; empty fields fall back to the server's sender. */
export function SenderSection({ form, settings }: { form: UseFormReturn<SettingsValues>; settings: SmsSettings }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sender</CardTitle>
        <CardDescription>A Twilio number, or a Messaging Service (which then picks the number).</CardDescription>
      </CardHeader>
      <CardContent>
        <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" data-testid="effective-sender">
          {settings.effectiveSender ? (
            <>
              Messages are sent from <span className="font-mono font-medium">{settings.effectiveSender}</span>
              {settings.senderSource === 'environment'
                ? ' — the server’s sender (TWILIO_PHONE_NUMBER / TWILIO_MESSAGING_SERVICE_SID), since this SubAccount has none of its own.'
                : ' — this SubAccount’s own sender.'}
            </>
          ) : (
            'No sender: set a number or a Messaging Service, or the server’s TWILIO_PHONE_NUMBER.'
          )}
        </p>
      </CardContent>
      <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <FormField
          control={form.control}
          name="phoneNumber"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Sender number</FormLabel>
              <FormControl>
                <Input
                  placeholder={
                    settings.senderSource === 'environment' ? 'Empty: the server’s sender' : 'E.164, + and digits'
                  }
                  inputMode="tel"
                  className="font-mono"
                  {...field}
                />
              </FormControl>
              <FormDescription>In E.164 form: + country code and number.</FormDescription>
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
  );
}
