'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { createOrEditWords, FormDialog } from '@/components/common/form-dialog';
import { LabeledField, SwitchField } from '@/components/common/labeled-field';
import { LeadStatusSelect } from '@/components/crm/lead-status-select';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { useSaveTrigger } from '@/lib/queries/automation';
import { useTemplates } from '@/lib/queries/sms';
import type { SmsTrigger } from '@/types/automation';
import { splitDelay, toMinutes } from './automation-format';
import { DelayUnitSelect } from './delay-unit-select';
import { TemplateSelect } from './template-select';

const triggerSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the trigger').max(200),
    event: z.enum(['lead_created', 'status_changed']),
    toStatus: z.string(),
    templateId: z.string().min(1, 'Choose a template'),
    delayAmount: z.coerce.number<string | number>().int('Whole numbers only').min(0, 'Not negative'),
    delayUnit: z.enum(['minutes', 'hours', 'days']),
    enabled: z.boolean(),
  })
  .refine((v) => v.event !== 'status_changed' || v.toStatus !== '', {
    path: ['toStatus'],
    message: 'Choose the status',
  });
type TriggerValues = z.input<typeof triggerSchema>;
type TriggerOutput = z.output<typeof triggerSchema>;

export function TriggerDialog({ trigger, onClose }: { trigger: SmsTrigger | null; onClose: () => void }) {
  const save = useSaveTrigger();
  const templates = useTemplates({ limit: 100 });
  const delay = splitDelay(trigger?.delayMinutes ?? 0);
  const form = useForm<TriggerValues, unknown, TriggerOutput>({
    resolver: zodResolver(triggerSchema),
    defaultValues: {
      name: trigger?.name ?? '',
      event: trigger?.event ?? 'status_changed',
      toStatus: trigger?.toStatus ?? '',
      templateId: trigger ? String(trigger.templateId) : '',
      delayAmount: delay.amount,
      delayUnit: delay.unit,
      enabled: trigger?.enabled ?? true,
    },
  });
  const event = form.watch('event');
  const submit = (v: TriggerOutput) =>
    save.mutateAsync({
      id: trigger?.id,
      data: {
        name: v.name,
        event: v.event,
        toStatus: v.event === 'status_changed' ? (v.toStatus as SmsTrigger['toStatus']) : null,
        templateId: Number(v.templateId),
        delayMinutes: toMinutes(v.delayAmount, v.delayUnit),
        enabled: v.enabled,
      },
    });

  return (
    <FormDialog
      form={form}
      {...createOrEditWords('trigger', !!trigger)}
      description="Sends a template to the lead when it happens. Each lead gets it at most once per status change."
      onOpenChange={onClose}
      onSubmit={submit}
    >
      <LabeledField control={form.control} name="name" label="Name">
        {(field) => <Input {...field} />}
      </LabeledField>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <LabeledField control={form.control} name="event" label="When">
          {(field) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger className="w-full" aria-label="When">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="status_changed">A lead&apos;s status becomes…</SelectItem>
                <SelectItem value="lead_created">A lead is created</SelectItem>
              </SelectContent>
            </Select>
          )}
        </LabeledField>
        {event === 'status_changed' && (
          <LabeledField control={form.control} name="toStatus" label="Status">
            {(field) => (
              <LeadStatusSelect
                value={field.value}
                onChange={field.onChange}
                placeholder="Choose…"
                className="w-full"
                aria-label="Status"
              />
            )}
          </LabeledField>
        )}
      </div>
      <LabeledField control={form.control} name="templateId" label="Send template">
        {(field, state) => (
          <TemplateSelect
            templates={templates.data?.items ?? []}
            value={field.value}
            onChange={field.onChange}
            label="Template"
            invalid={Boolean(state.error)}
          />
        )}
      </LabeledField>
      <div className="grid grid-cols-2 gap-4">
        <LabeledField control={form.control} name="delayAmount" label="After">
          {(field) => <Input type="number" min={0} step={1} {...field} value={String(field.value ?? '')} />}
        </LabeledField>
        <LabeledField control={form.control} name="delayUnit" label="Unit">
          {(field) => <DelayUnitSelect value={field.value} onChange={field.onChange} label="Delay unit" />}
        </LabeledField>
      </div>
      <SwitchField control={form.control} name="enabled" label="Enabled" aria-label="Enabled" />
    </FormDialog>
  );
}
