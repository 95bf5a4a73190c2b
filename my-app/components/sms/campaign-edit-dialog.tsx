'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Pencil } from 'lucide-react';
import { useOptionalSession } from '@/components/auth/session-provider';
import { FormDialog } from '@/components/common/form-dialog';
import { LabeledField } from '@/components/common/labeled-field';
import { MessageComposer } from '@/components/sms/message-composer';
import { ScheduleInput } from '@/components/sms/schedule-input';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useUpdateCampaign } from '@/lib/queries/sms';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import type { SmsCampaign } from '@/types/sms';

const editSchema = z.object({
  name: z.string().trim().min(1, 'Give the campaign a name').max(200),
  message: z
    .string()
    .refine((v) => v.trim().length > 0, 'Write a message')
    .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
  scheduledAt: z.string().refine((v) => !v || Date.parse(v) > Date.now(), 'The time must be in the future'),
});
type EditValues = z.infer<typeof editSchema>;

/** Name, text and schedule can change until the campaign starts sending. */
export function CampaignEditDialog({ campaign }: { campaign: SmsCampaign }) {
  const [open, setOpen] = React.useState(false);
  const session = useOptionalSession();
  const update = useUpdateCampaign(campaign.id);
  const form = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    values: { name: campaign.name, message: campaign.message, scheduledAt: campaign.scheduledAt ?? '' },
  });

  return (
    <FormDialog
      form={form}
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="outline">
          <Pencil /> Edit
        </Button>
      }
      wide
      title="Edit campaign"
      description="Changes apply to every message not yet sent."
      savedMessage="Campaign updated"
      onSubmit={(v) => update.mutateAsync({ name: v.name, message: v.message, scheduledAt: v.scheduledAt || null })}
    >
      <LabeledField control={form.control} name="name" label="Name">
        {(field) => <Input {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="message" label="Message">
        {(field) => <MessageComposer {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="scheduledAt" label="Send at (empty: as soon as it starts)">
        {(field) => (
          <ScheduleInput
            value={field.value}
            onChange={field.onChange}
            defaultTimeZone={session?.subAccount?.timeZone}
          />
        )}
      </LabeledField>
    </FormDialog>
  );
}
