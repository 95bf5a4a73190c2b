'use client';

import type { UseFormReturn } from 'react-hook-form';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LEAD_STATUSES, type LeadStatus } from '@/types/crm';
import type { SmsTemplate } from '@/types/sms';
import type { SequenceOutput, SequenceValues } from './sequence-form';
import { DelayUnitSelect } from './delay-unit-select';
import { TemplateSelect } from './template-select';

type SequenceForm = UseFormReturn<SequenceValues, unknown, SequenceOutput>;

/** One step of the sequence editor: template, wait, optional send window, reorder and remove. */
export function StepRow({
  form,
  index,
  count,
  templates,
  strategyId,
  onMove,
  onRemove,
}: {
  form: SequenceForm;
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
              <DelayUnitSelect value={field.value} onChange={field.onChange} label={`Step ${index + 1} delay unit`} />
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

/** The lead statuses that end the sequence. */
export function StopStatuses({ form }: { form: SequenceForm }) {
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
