'use client';

import * as React from 'react';
import type { Control, ControllerFieldState, ControllerRenderProps, FieldValues, Path } from 'react-hook-form';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Switch } from '@/components/ui/switch';
import { cn } from '@/lib/utils';

/**
 * One form field: its label, the control `children` renders for it (given react-hook-form's field), and its
 * error. The control gets the label's id and the error's description through FormControl.
 */
export function LabeledField<TValues extends FieldValues, TName extends Path<TValues>, TOutput = TValues>({
  control,
  name,
  label,
  className,
  children,
}: {
  control: Control<TValues, unknown, TOutput>;
  name: TName;
  label: React.ReactNode;
  className?: string;
  children: (field: ControllerRenderProps<TValues, TName>, state: ControllerFieldState) => React.ReactElement;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{children(field, fieldState)}</FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** An on/off form field: the switch, then its label beside it. */
export function SwitchField<TValues extends FieldValues, TName extends Path<TValues>, TOutput = TValues>({
  control,
  name,
  label,
  className,
  disabled,
  'aria-label': ariaLabel,
}: {
  control: Control<TValues, unknown, TOutput>;
  name: TName;
  label: React.ReactNode;
  className?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={cn('flex items-center gap-3', className)}>
          <FormControl>
            <Switch checked={field.value} onCheckedChange={field.onChange} disabled={disabled} aria-label={ariaLabel} />
          </FormControl>
          <FormLabel className="!mt-0">{label}</FormLabel>
        </FormItem>
      )}
    />
  );
}
