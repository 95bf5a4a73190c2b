'use client';

import type * as React from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { LabeledField, SwitchField } from '@/components/common/labeled-field';
import { ScheduleInput } from '@/components/sms/schedule-input';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { CampaignValues } from './campaign-schema';

/** When the campaign starts: now, or at a time in `timeZone` unless another is chosen; `children` follow it. */
export function ScheduleSection({
  form,
  timeZone,
  children,
}: {
  form: UseFormReturn<CampaignValues>;
  timeZone: string | undefined;
  children: React.ReactNode;
}) {
  const scheduleLater = useWatch({ control: form.control, name: 'scheduleLater' });
  return (
    <Card>
      <CardHeader>
        <CardTitle>When</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <SwitchField control={form.control} name="scheduleLater" label="Schedule for later (otherwise it starts now)" />
        {scheduleLater && (
          <LabeledField control={form.control} name="scheduledAt" label="Start at">
            {(field) => <ScheduleInput value={field.value} onChange={field.onChange} defaultTimeZone={timeZone} />}
          </LabeledField>
        )}
        {children}
      </CardContent>
    </Card>
  );
}
