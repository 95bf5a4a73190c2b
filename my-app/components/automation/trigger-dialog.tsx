'use client';

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Switch } from '@/components/ui/switch';
import { applyServerErrors } from '@/lib/form-errors';
import { useSaveTrigger } from '@/lib/queries/automation';
import { useTemplates } from '@/lib/queries/sms';
import type { SmsTrigger } from '@/types/automation';
import { LEAD_STATUSES } from '@/types/crm';
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
  const onSubmit = async (v: TriggerOutput) => {
    try {
      await save.mutateAsync({
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
      toast.success(trigger ? 'Trigger saved' : 'Trigger created');
      onClose();
    } catch (e) {
      applyServerErrors(form.setError, e, ['name', 'event', 'toStatus', 'templateId', 'delayAmount', 'enabled']);
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{trigger ? 'Edit trigger' : 'New trigger'}</DialogTitle>
          <DialogDescription>
            Sends a template to the lead when it happens. Each lead gets it at most once per status change.
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid grid-cols-1 gap-4" noValidate>
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField
                control={form.control}
                name="event"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>When</FormLabel>
                    <Select value={field.value} onValueChange={field.onChange}>
                      <SelectTrigger className="w-full" aria-label="When">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value="status_changed">A lead&apos;s status becomes…</SelectItem>
                        <SelectItem value="lead_created">A lead is created</SelectItem>
                      </SelectContent>
                    </Select>
                  </FormItem>
                )}
              />
              {event === 'status_changed' && (
                <FormField
                  control={form.control}
                  name="toStatus"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Status</FormLabel>
                      <Select value={field.value} onValueChange={field.onChange}>
                        <SelectTrigger className="w-full capitalize" aria-label="Status">
                          <SelectValue placeholder="Choose…" />
                        </SelectTrigger>
                        <SelectContent>
                          {LEAD_STATUSES.map((s) => (
                            <SelectItem key={s} value={s} className="capitalize">
                              {s}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              )}
            </div>
            <FormField
              control={form.control}
              name="templateId"
              render={({ field, fieldState }) => (
                <FormItem>
                  <FormLabel>Send template</FormLabel>
                  <TemplateSelect
                    templates={templates.data?.items ?? []}
                    value={field.value}
                    onChange={field.onChange}
                    label="Template"
                    invalid={Boolean(fieldState.error)}
                  />
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="grid grid-cols-2 gap-4">
              <FormField
                control={form.control}
                name="delayAmount"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>After</FormLabel>
                    <FormControl>
                      <Input type="number" min={0} step={1} {...field} value={String(field.value ?? '')} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="delayUnit"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Unit</FormLabel>
                    <DelayUnitSelect value={field.value} onChange={field.onChange} label="Delay unit" />
                  </FormItem>
                )}
              />
            </div>
            <FormField
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <FormItem className="flex items-center gap-3">
                  <FormControl>
                    <Switch checked={field.value} onCheckedChange={field.onChange} aria-label="Enabled" />
                  </FormControl>
                  <FormLabel className="!mt-0">Enabled</FormLabel>
                </FormItem>
              )}
            />
            <FormRootError />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting && <Loader2 className="animate-spin" />}
                Save
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
