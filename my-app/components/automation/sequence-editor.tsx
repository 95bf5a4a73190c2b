'use client';

import * as React from 'react';
import Link from 'next/link';
import { useFieldArray, useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ArrowDown, ArrowUp, Loader2, Plus, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { ErrorState } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { applyServerErrors } from '@/lib/form-errors';
import { useSaveSequence, useSequence } from '@/lib/queries/automation';
import { useTemplates } from '@/lib/queries/sms';
import type { SaveSequenceDto, SmsSequence } from '@/types/automation';
import { LEAD_STATUSES, type LeadStatus } from '@/types/crm';
import type { SmsTemplate } from '@/types/sms';
import { minuteToTime, splitDelay, timeToMinute, toMinutes } from './automation-format';
import { TemplateSelect } from './template-select';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const stepSchema = z
  .object({
    templateId: z.string().min(1, 'Choose a template'),
    delayAmount: z.coerce.number<string | number>().int('Whole numbers only').min(0, 'Not negative'),
    delayUnit: z.enum(['minutes', 'hours', 'days']),
    windowEnabled: z.boolean(),
    windowStart: z.string(),
    windowEnd: z.string(),
  })
  .superRefine((s, ctx) => {
    if (!s.windowEnabled) return;
    if (!TIME.test(s.windowStart)) ctx.addIssue({ code: 'custom', path: ['windowStart'], message: 'HH:MM' });
    if (!TIME.test(s.windowEnd)) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'HH:MM' });
    else if (s.windowStart === s.windowEnd)
      ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'Empty window' });
  });

const sequenceSchema = z.object({
  enabled: z.boolean(),
  stopStatuses: z.array(z.enum(LEAD_STATUSES)),
  steps: z.array(stepSchema).max(50),
});
type SequenceValues = z.input<typeof sequenceSchema>;
type SequenceOutput = z.output<typeof sequenceSchema>;

const NEW_STEP: SequenceValues['steps'][number] = {
  templateId: '',
  delayAmount: 1,
  delayUnit: 'days',
  windowEnabled: false,
  windowStart: '09:00',
  windowEnd: '17:00',
};

function toValues(sequence: SmsSequence): SequenceValues {
  return {
    enabled: sequence.enabled,
    stopStatuses: sequence.stopStatuses,
    steps: sequence.steps.map((s) => {
      const { amount, unit } = splitDelay(s.delayMinutes);
      const windowed = s.windowStartMinute !== null && s.windowEndMinute !== null;
      return {
        templateId: String(s.templateId),
        delayAmount: amount,
        delayUnit: unit,
        windowEnabled: windowed,
        windowStart: windowed ? minuteToTime(s.windowStartMinute!) : NEW_STEP.windowStart,
        windowEnd: windowed ? minuteToTime(s.windowEndMinute!) : NEW_STEP.windowEnd,
      };
    }),
  };
}

function toDto(v: SequenceOutput): SaveSequenceDto {
  return {
    enabled: v.enabled,
    stopStatuses: v.stopStatuses,
    steps: v.steps.map((s) => ({
      templateId: Number(s.templateId),
      delayMinutes: toMinutes(s.delayAmount, s.delayUnit),
      windowStartMinute: s.windowEnabled ? timeToMinute(s.windowStart) : null,
      windowEndMinute: s.windowEnabled ? timeToMinute(s.windowEnd) : null,
    })),
  };
}

/** The strategy's follow-up sequence: ordered steps, stop statuses, on/off. */
export function SequenceEditor({ strategyId }: { strategyId: number }) {
  const query = useSequence(strategyId);
  const templates = useTemplates({ limit: 100 });
  if (query.isLoading || templates.isLoading) return <Skeleton className="h-72 w-full" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return null;
  return (
    <SequenceForm
      key={query.data.updatedAt ?? 'new'}
      strategyId={strategyId}
      sequence={query.data}
      templates={templates.data?.items ?? []}
    />
  );
}

function SequenceForm({
  strategyId,
  sequence,
  templates,
}: {
  strategyId: number;
  sequence: SmsSequence;
  templates: SmsTemplate[];
}) {
  const save = useSaveSequence(strategyId);
  const form = useForm<SequenceValues, unknown, SequenceOutput>({
    resolver: zodResolver(sequenceSchema),
    defaultValues: toValues(sequence),
  });
  const steps = useFieldArray({ control: form.control, name: 'steps' });
  const onSubmit = async (v: SequenceOutput) => {
    try {
      await save.mutateAsync(toDto(v));
      toast.success('Sequence saved');
    } catch (e) {
      applyServerErrors(form.setError, e, ['steps', 'stopStatuses', 'enabled']);
    }
  };

  return (
    <Card data-testid="sequence-editor">
      <CardHeader>
        <CardTitle>SMS sequence</CardTitle>
        <CardDescription>
          Leads given this strategy are enrolled and get these texts in order. A reply, an opt-out, another strategy or
          a stop status ends the sequence for that lead.{' '}
          {sequence.activeEnrollments > 0 && (
            <Badge variant="info" data-testid="sequence-active-count">
              {sequence.activeEnrollments} enrolled now
            </Badge>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid grid-cols-1 gap-6" noValidate>
            <FormField
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <FormItem className="flex items-center gap-3">
                  <FormControl>
                    <Switch checked={field.value} onCheckedChange={field.onChange} aria-label="Sequence enabled" />
                  </FormControl>
                  <FormLabel className="!mt-0">Enabled: enrol leads that get this strategy</FormLabel>
                </FormItem>
              )}
            />
            <ol className="grid grid-cols-1 gap-3" aria-label="Steps">
              {steps.fields.map((f, i) => (
                <StepRow
                  key={f.id}
                  form={form}
                  index={i}
                  count={steps.fields.length}
                  templates={templates}
                  strategyId={strategyId}
                  onMove={(to) => steps.move(i, to)}
                  onRemove={() => steps.remove(i)}
                />
              ))}
              {steps.fields.length === 0 && (
                <li className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
                  No steps yet. Add the first text this strategy sends.
                </li>
              )}
            </ol>
            <div className="flex flex-wrap items-center gap-2">
              <Button
                type="button"
                variant="outline"
                onClick={() => steps.append({ ...NEW_STEP, delayAmount: steps.fields.length ? 1 : 0 })}
              >
                <Plus /> Add step
              </Button>
              {templates.length === 0 && (
                <Link
                  href="/admin/sms/templates"
                  className="text-sm text-muted-foreground underline-offset-4 hover:underline"
                >
                  Create a template first
                </Link>
              )}
            </div>
            <StopStatuses form={form} />
            <FormRootError />
            <div>
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="sequence-save">
                {form.formState.isSubmitting && <Loader2 className="animate-spin" />}
                Save sequence
              </Button>
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

function StepRow({
  form,
  index,
  count,
  templates,
  strategyId,
  onMove,
  onRemove,
}: {
  form: UseFormReturn<SequenceValues, unknown, SequenceOutput>;
  index: number;
  count: number;
  templates: SmsTemplate[];
  strategyId: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const windowed = form.watch(`steps.${index}.windowEnabled`);
  return (
    <li className="grid grid-cols-1 gap-3 rounded-lg border p-3" data-testid="sequence-step">
      <div className="flex items-center gap-2">
        <span className="text-sm font-medium">Step {index + 1}</span>
        <div className="ml-auto flex gap-1">
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Move step ${index + 1} up`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <ArrowUp />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Move step ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <ArrowDown />
          </Button>
          <Button type="button" variant="ghost" size="icon" aria-label={`Remove step ${index + 1}`} onClick={onRemove}>
            <Trash2 />
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <FormField
          control={form.control}
          name={`steps.${index}.templateId`}
          render={({ field, fieldState }) => (
            <FormItem>
              <FormLabel>Template</FormLabel>
              <TemplateSelect
                templates={templates}
                strategyId={strategyId}
                value={field.value}
                onChange={field.onChange}
                label={`Step ${index + 1} template`}
                invalid={Boolean(fieldState.error)}
              />
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name={`steps.${index}.delayAmount`}
          render={({ field }) => (
            <FormItem>
              <FormLabel>{index === 0 ? 'Wait after enrolment' : 'Wait after previous step'}</FormLabel>
              <FormControl>
                <Input
                  type="number"
                  min={0}
                  step={1}
                  {...field}
                  value={String(field.value ?? '')}
                  aria-label={`Step ${index + 1} delay`}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name={`steps.${index}.delayUnit`}
          render={({ field }) => (
            <FormItem>
              <FormLabel>Unit</FormLabel>
              <Select value={field.value} onValueChange={field.onChange}>
                <SelectTrigger className="w-full" aria-label={`Step ${index + 1} delay unit`}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="minutes">minutes</SelectItem>
                  <SelectItem value="hours">hours</SelectItem>
                  <SelectItem value="days">days</SelectItem>
                </SelectContent>
              </Select>
            </FormItem>
          )}
        />
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <FormField
          control={form.control}
          name={`steps.${index}.windowEnabled`}
          render={({ field }) => (
            <FormItem className="flex items-center gap-2 pt-2">
              <FormControl>
                <Checkbox checked={field.value} onCheckedChange={(c) => field.onChange(c === true)} />
              </FormControl>
              <FormLabel className="!mt-0 font-normal">Only between</FormLabel>
            </FormItem>
          )}
        />
        {(['windowStart', 'windowEnd'] as const).map((name) => (
          <FormField
            key={name}
            control={form.control}
            name={`steps.${index}.${name}`}
            render={({ field }) => (
              <FormItem>
                <FormControl>
                  <Input
                    type="time"
                    className="w-32"
                    disabled={!windowed}
                    aria-label={`Step ${index + 1} window ${name === 'windowStart' ? 'start' : 'end'}`}
                    {...field}
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <p className="pt-2 text-xs text-muted-foreground">in the lead&apos;s local time (else the SubAccount&apos;s)</p>
      </div>
    </li>
  );
}

function StopStatuses({ form }: { form: UseFormReturn<SequenceValues, unknown, SequenceOutput> }) {
  return (
    <FormField
      control={form.control}
      name="stopStatuses"
      render={({ field }) => (
        <FormItem>
          <FormLabel>Stop when the lead becomes</FormLabel>
          <div className="flex flex-wrap gap-4">
            {LEAD_STATUSES.map((status) => {
              const id = `stop-${status}`;
              const checked = field.value.includes(status);
              return (
                <div key={status} className="flex items-center gap-2">
                  <Checkbox
                    id={id}
                    checked={checked}
                    onCheckedChange={(c) =>
                      field.onChange(
                        c === true ? [...field.value, status] : field.value.filter((s: LeadStatus) => s !== status),
                      )
                    }
                  />
                  <Label htmlFor={id} className="font-normal capitalize">
                    {status}
                  </Label>
                </div>
              );
            })}
          </div>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
