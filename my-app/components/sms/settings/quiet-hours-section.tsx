'use client';

import { useWatch, type UseFormReturn } from 'react-hook-form';
import { SwitchField } from '@/components/common/labeled-field';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { SettingsValues } from './settings-schema';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** When messages wait, in the recipient's time zone, and the reply to HELP. */
export function QuietHoursSection({ form }: { form: UseFormReturn<SettingsValues> }) {
  const quietEnabled = useWatch({ control: form.control, name: 'quietHoursEnabled' });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Quiet hours and replies</CardTitle>
        <CardDescription>
          Messages due in quiet hours wait until they end, in the recipient’s time zone.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <SwitchField
          control={form.control}
          name="quietHoursEnabled"
          label="Hold messages during quiet hours"
          className="md:col-span-2"
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
  );
}
