'use client';

import type { UseFormReturn } from 'react-hook-form';
import { LabeledField } from '@/components/common/labeled-field';
import { MessageComposer } from '@/components/sms/message-composer';
import { TemplatePicker } from '@/components/sms/template-picker';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import type { CampaignValues } from './campaign-schema';

/** The campaign's name and message; `variables` are the placeholders its recipients can fill. */
export function MessageSection({ form, variables }: { form: UseFormReturn<CampaignValues>; variables: string[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Campaign</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5">
        <LabeledField control={form.control} name="name" label="Name" className="max-w-md">
          {(field) => <Input placeholder="Spring promotion" {...field} />}
        </LabeledField>
        <LabeledField control={form.control} name="message" label="Message">
          {(field) => (
            <MessageComposer
              {...field}
              variables={variables}
              toolbar={<TemplatePicker onPick={(t) => form.setValue('message', t.body, { shouldValidate: true })} />}
            />
          )}
        </LabeledField>
      </CardContent>
    </Card>
  );
}
