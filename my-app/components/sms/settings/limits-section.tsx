'use client';

import type { UseFormReturn } from 'react-hook-form';
import { CountrySelect } from '@/components/sms/country-select';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { toCountryCode } from '@/lib/sms/countries';
import type { SmsSettings } from '@/types/sms';
import type { SettingsValues } from './settings-schema';

export function LimitsSection({ form, settings }: { form: UseFormReturn<SettingsValues>; settings: SmsSettings }) {
  const defaultRate = settings.effectiveRateLimitPerMinute;
  return (
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
          name="rateSegmentsPerSecond"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Segments per second</FormLabel>
              <FormControl>
                <Input
                  type="number"
                  min={0.01}
                  step="any"
                  inputMode="decimal"
                  placeholder="Use messages per minute"
                  data-testid="rate-segments-input"
                  {...field}
                />
              </FormControl>
              <FormDescription>
                Twilio&apos;s own unit (a long code 1, toll-free 3 or more, 10DLC up to 225). Wins when set.
              </FormDescription>
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
  );
}
