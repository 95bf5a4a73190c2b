'use client';

import * as React from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
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
  DialogTrigger,
} from '@/components/ui/dialog';
import { Form, FormRootError } from '@/components/ui/form';
import { applyServerErrors } from '@/lib/form-errors';
import { cn } from '@/lib/utils';

/**
 * A create or edit dialog around a react-hook-form form: its fields, the form-level error, Cancel and Save.
 * Save awaits `onSubmit`, toasts `savedMessage` and closes; when the request fails, the server's field
 * errors go on the form's fields (the rest above the buttons) and the dialog stays open.
 */
export function FormDialog<TValues extends FieldValues, TOutput, TResult>({
  form,
  title,
  description,
  open = true,
  onOpenChange,
  trigger,
  onSubmit,
  savedMessage,
  submitLabel = 'Save',
  columns = 1,
  wide = false,
  testId,
  submitTestId,
  children,
}: {
  form: UseFormReturn<TValues, unknown, TOutput>;
  title: React.ReactNode;
  description: React.ReactNode;
  /** Omitted: the dialog is shown while it is rendered. */
  open?: boolean;
  onOpenChange: (open: boolean) => void;
  trigger?: React.ReactNode;
  onSubmit: (values: TOutput) => Promise<TResult>;
  savedMessage: string | ((result: TResult) => string);
  submitLabel?: string;
  /** 2: the fields sit in two columns from the small breakpoint on. */
  columns?: 1 | 2;
  wide?: boolean;
  testId?: string;
  submitTestId?: string;
  children: React.ReactNode;
}) {
  const submit = async (values: TOutput) => {
    try {
      const result = await onSubmit(values);
      toast.success(typeof savedMessage === 'function' ? savedMessage(result) : savedMessage);
      onOpenChange(false);
    } catch (e) {
      applyServerErrors(form.setError, e, Object.keys(form.getValues()));
    }
  };
  const fullRow = columns === 2 ? 'sm:col-span-2' : undefined;
  const busy = form.formState.isSubmitting;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent className={cn(wide && 'sm:max-w-2xl')} data-testid={testId}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form
            onSubmit={form.handleSubmit(submit)}
            className={cn('grid grid-cols-1 gap-4', columns === 2 && 'sm:grid-cols-2')}
            noValidate
          >
            {children}
            <FormRootError className={fullRow} />
            <DialogFooter className={fullRow}>
              <Button variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={busy} data-testid={submitTestId}>
                {busy && <Loader2 className="animate-spin" />}
                {submitLabel}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

/** A create-or-edit dialog's title and saved message: "New strategy" / "Strategy created", or "Edit strategy" / "Strategy saved". */
export function createOrEditWords(noun: string, editing: boolean): { title: string; savedMessage: string } {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return editing
    ? { title: `Edit ${noun}`, savedMessage: `${Noun} saved` }
    : { title: `New ${noun}`, savedMessage: `${Noun} created` };
}
