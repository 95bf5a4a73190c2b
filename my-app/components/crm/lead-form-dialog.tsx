'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isPossiblePhoneNumber, type CountryCode } from 'libphonenumber-js';
import { useOptionalSession } from '@/components/auth/session-provider';
import { FormDialog } from '@/components/common/form-dialog';
import { LabeledField } from '@/components/common/labeled-field';
import { LeadStatusSelect } from '@/components/crm/lead-status-select';
import { StrategySelect } from '@/components/crm/strategy-select';
import { TimeZoneSelect } from '@/components/crm/time-zone-select';
import { PhoneNumberInput } from '@/components/sms/phone-number-input';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useSaveLead } from '@/lib/queries/crm';
import { toCountryCode } from '@/lib/sms/countries';
import { LEAD_STATUSES, type Lead, type LeadDto } from '@/types/crm';

const leadSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address'),
  phone: z.string().refine((v) => v === '' || isPossiblePhoneNumber(v), 'Enter a complete phone number'),
  company: z.string().trim().max(200),
  status: z.enum(LEAD_STATUSES),
  strategyId: z.string(),
  timeZone: z.string(),
  notes: z.string().max(5000),
});
type LeadValues = z.infer<typeof leadSchema>;

function toLeadDto(v: LeadValues): LeadDto {
  return {
    name: v.name,
    email: v.email || null,
    // The API clears a phone with '' (and normalises anything else to E.164).
    phone: v.phone,
    company: v.company || null,
    status: v.status,
    strategyId: v.strategyId ? Number(v.strategyId) : null,
    timeZone: v.timeZone || null,
    notes: v.notes || null,
  };
}

export function LeadFormDialog({
  lead,
  open,
  onOpenChange,
  onSaved,
}: {
  lead: Lead | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (lead: Lead) => void;
}) {
  const session = useOptionalSession();
  const save = useSaveLead();
  const [country, setCountry] = React.useState<CountryCode>(toCountryCode(session?.subAccount?.defaultCountry));
  const form = useForm<LeadValues>({
    resolver: zodResolver(leadSchema),
    values: {
      name: lead?.name ?? '',
      email: lead?.email ?? '',
      phone: lead?.phone ?? '',
      company: lead?.company ?? '',
      status: lead?.status ?? 'new',
      strategyId: lead?.strategyId ? String(lead.strategyId) : '',
      timeZone: lead?.timeZone ?? '',
      notes: lead?.notes ?? '',
    },
  });
  const submit = async (v: LeadValues) => {
    const saved = await save.mutateAsync({ id: lead?.id, data: toLeadDto(v) });
    onSaved?.(saved);
  };

  return (
    <FormDialog
      form={form}
      open={open}
      onOpenChange={onOpenChange}
      wide
      columns={2}
      title={lead ? `Edit ${lead.name}` : 'New lead'}
      description="Phone numbers are stored in international (E.164) form."
      savedMessage={lead ? 'Lead saved' : 'Lead created'}
      onSubmit={submit}
    >
      <LabeledField control={form.control} name="name" label="Name">
        {(field) => <Input {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="email" label="Email">
        {(field) => <Input type="email" {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="phone" label="Phone" className="sm:col-span-2">
        {(field) => (
          <PhoneNumberInput
            value={field.value}
            onChange={(v) => field.onChange(v)}
            onBlur={field.onBlur}
            country={country}
            onCountryChange={setCountry}
          />
        )}
      </LabeledField>
      <LabeledField control={form.control} name="company" label="Company">
        {(field) => <Input {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="status" label="Status">
        {(field) => <LeadStatusSelect value={field.value} onChange={field.onChange} />}
      </LabeledField>
      <LabeledField control={form.control} name="strategyId" label="Strategy">
        {(field) => <StrategySelect value={field.value} onChange={field.onChange} emptyLabel="No strategy" />}
      </LabeledField>
      <LabeledField control={form.control} name="timeZone" label="Time zone">
        {(field) => <TimeZoneSelect value={field.value} onChange={field.onChange} allowEmpty="SubAccount default" />}
      </LabeledField>
      <LabeledField control={form.control} name="notes" label="Notes" className="sm:col-span-2">
        {(field) => <Textarea rows={3} {...field} />}
      </LabeledField>
    </FormDialog>
  );
}
