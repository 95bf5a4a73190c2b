'use client';

import Link from 'next/link';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { SwitchField } from '@/components/common/labeled-field';
import { ErrorState } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Form, FormRootError } from '@/components/ui/form';
import { Skeleton } from '@/components/ui/skeleton';
import { applyServerErrors } from '@/lib/form-errors';
import { useSaveSequence, useSequence } from '@/lib/queries/automation';
import { useTemplates } from '@/lib/queries/sms';
import type { SmsSequence } from '@/types/automation';
import type { SmsTemplate } from '@/types/sms';
import { NEW_STEP, sequenceSchema, toDto, toValues, type SequenceOutput, type SequenceValues } from './sequence-form';
import { StepRow, StopStatuses } from './sequence-steps';

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
            <SwitchField
              control={form.control}
              name="enabled"
              label="Enabled: enrol leads that get this strategy"
              aria-label="Sequence enabled"
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
