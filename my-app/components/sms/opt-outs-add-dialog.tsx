'use client';

import * as React from 'react';
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
import { formatPhone } from '@/lib/format';
import { applyServerErrors } from '@/lib/form-errors';
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

  const onSubmit = async (v: AddValues) => {
    try {
      const row = await add.mutateAsync({ phoneNumber: v.phoneNumber });
      toast.success(`${formatPhone(row.phoneNumber)} is on the opt-out list`);
      onOpenChange(false);
    } catch (e) {
      applyServerErrors(form.setError, e, ['phoneNumber']);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="opt-out-add-dialog">
        <DialogHeader>
          <DialogTitle>Add a number</DialogTitle>
          <DialogDescription>
            It will never be texted from this SubAccount: single sends are refused and campaign rows are skipped.
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid grid-cols-1 gap-4" noValidate>
            <FormField
              control={form.control}
              name="phoneNumber"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Phone number</FormLabel>
                  <FormControl>
                    <Input
                      {...field}
                      type="tel"
                      autoComplete="off"
                      placeholder="+1 415 555 0142"
                      data-testid="opt-out-phone"
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormRootError />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting} data-testid="opt-out-add-submit">
                {form.formState.isSubmitting && <Loader2 className="animate-spin" />}
                Add to list
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
