'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Loader2, Pencil } from 'lucide-react';
import { toast } from 'sonner';
import { useOptionalSession } from '@/components/auth/session-provider';
import { MessageComposer } from '@/components/sms/message-composer';
import { ScheduleInput } from '@/components/sms/schedule-input';
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
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage, FormRootError } from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { applyServerErrors } from '@/lib/form-errors';
import { useUpdateCampaign } from '@/lib/queries/sms';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import type { SmsCampaign } from '@/types/sms';

const editSchema = z.object({
  name: z.string().trim().min(1, 'Give the campaign a name').max(200),
  message: z
    .string()
    .refine((v) => v.trim().length > 0, 'Write a message')
    .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
  scheduledAt: z.string(),
});
type EditValues = z.infer<typeof editSchema>;

/** Name, text and schedule can change until the campaign starts sending. */
export function CampaignEditDialog({ campaign }: { campaign: SmsCampaign }) {
  const [open, setOpen] = React.useState(false);
  const session = useOptionalSession();
  const update = useUpdateCampaign(campaign.id);
  const form = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    values: { name: campaign.name, message: campaign.message, scheduledAt: campaign.scheduledAt ?? '' },
  });

  const onSubmit = async (v: EditValues) => {
    if (v.scheduledAt && Date.parse(v.scheduledAt) <= Date.now()) {
      form.setError('scheduledAt', { message: 'The time must be in the future' });
      return;
    }
    try {
      await update.mutateAsync({ name: v.name, message: v.message, scheduledAt: v.scheduledAt || null });
      toast.success('Campaign updated');
      setOpen(false);
    } catch (e) {
      applyServerErrors(form.setError, e, ['name', 'message', 'scheduledAt']);
    }
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Pencil /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Edit campaign</DialogTitle>
          <DialogDescription>Changes apply to every message not yet sent.</DialogDescription>
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
            <FormField
              control={form.control}
              name="message"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Message</FormLabel>
                  <FormControl>
                    <MessageComposer
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="scheduledAt"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Send at (empty: as soon as it starts)</FormLabel>
                  <FormControl>
                    <ScheduleInput
                      value={field.value}
                      onChange={field.onChange}
                      defaultTimeZone={session?.subAccount?.timeZone}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormRootError />
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
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
