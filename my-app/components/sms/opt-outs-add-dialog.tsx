'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { FormDialog } from '@/components/common/form-dialog';
import { LabeledField } from '@/components/common/labeled-field';
import { Input } from '@/components/ui/input';
import { formatPhone } from '@/lib/format';
import { useAddOptOut } from '@/lib/queries/sms';

const addSchema = z.object({
  phoneNumber: z.string().trim().min(1, 'Enter a phone number').max(40, 'At most 40 characters'),
});
type AddValues = z.infer<typeof addSchema>;

/** Adds one number to the opt-out list. The API normalizes it (SubAccount's default country) and says why not. */
export function OptOutsAddDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const add = useAddOptOut();
  const form = useForm<AddValues>({ resolver: zodResolver(addSchema), defaultValues: { phoneNumber: '' } });
  const { reset } = form;
  React.useEffect(() => {
    if (open) reset({ phoneNumber: '' });
  }, [open, reset]);

  return (
    <FormDialog
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      testId="opt-out-add-dialog"
      title="Add a number"
      description="It will never be texted from this SubAccount: single sends are refused and campaign rows are skipped."
      onSubmit={(v) => add.mutateAsync({ phoneNumber: v.phoneNumber })}
      savedMessage={(row) => `${formatPhone(row.phoneNumber)} is on the opt-out list`}
      submitLabel="Add to list"
      submitTestId="opt-out-add-submit"
    >
      <LabeledField control={form.control} name="phoneNumber" label="Phone number">
        {(field) => (
          <Input {...field} type="tel" autoComplete="off" placeholder="+1 415 555 0142" data-testid="opt-out-phone" />
        )}
      </LabeledField>
    </FormDialog>
  );
}
