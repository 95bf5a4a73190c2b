'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Loader2, Save } from 'lucide-react';
import { toast } from 'sonner';
import { ErrorState } from '@/components/common/states';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import {
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
} from '@/components/ui/form';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { applyServerErrors } from '@/lib/form-errors';
import { useNotificationPreferences, useSaveNotificationPreferences } from '@/lib/queries/notifications';
import {
  NOTIFICATION_TYPE_OPTIONS,
  NOTIFICATION_TYPES,
  type NotificationPreferences,
  type NotificationType,
} from '@/types/notifications';

const schema = z.object({
  enabled: z.array(z.enum(NOTIFICATION_TYPES)),
  deadLetterThreshold: z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100_000, 'A whole number from 1 to 100,000'),
});
type Values = z.infer<typeof schema>;
const FIELDS = ['disabledTypes', 'deadLetterThreshold'] as const;

const toValues = (p: NotificationPreferences): Values => ({
  enabled: NOTIFICATION_TYPES.filter((t) => !p.disabledTypes.includes(t)),
  deadLetterThreshold: String(p.deadLetterThreshold),
});

/** SMS settings' "Notifications" card: which notifications you (not the SubAccount) get. */
export function NotificationPreferencesCard() {
  const query = useNotificationPreferences();
  return (
    <Card data-testid="notification-preferences">
      <CardHeader>
        <CardTitle>Notifications</CardTitle>
        <CardDescription>
          Which in-app notifications you get, for every SubAccount you see. Only you are affected.
        </CardDescription>
      </CardHeader>
      {query.isLoading ? (
        <CardContent className="space-y-3">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-5 w-2/3" />
          ))}
        </CardContent>
      ) : query.isError ? (
        <CardContent>
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </CardContent>
      ) : (
        <PreferencesForm saved={query.data!} />
      )}
    </Card>
  );
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const save = useSaveNotificationPreferences();
  const form = useForm<Values>({ resolver: zodResolver(schema), values: toValues(saved) });
  const onSubmit = form.handleSubmit(async (values) => {
    const disabledTypes = NOTIFICATION_TYPES.filter((t) => !values.enabled.includes(t));
    try {
      await save.mutateAsync({ disabledTypes, deadLetterThreshold: Number(values.deadLetterThreshold) });
      toast.success('Notification preferences saved');
    } catch (e) {
      applyServerErrors(form.setError, e, FIELDS);
    }
  });
  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <CardContent className="grid grid-cols-1 gap-5">
          <FormField
            control={form.control}
            name="enabled"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Notify me about</FormLabel>
                <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                  {NOTIFICATION_TYPE_OPTIONS.map((o) => (
                    <label key={o.type} className="flex items-start gap-2 text-sm">
                      <Checkbox
                        className="mt-0.5"
                        checked={field.value.includes(o.type)}
                        onCheckedChange={(c) => field.onChange(toggle(field.value, o.type, c === true))}
                        aria-label={o.label}
                      />
                      <span>
                        <span className="font-medium">{o.label}</span>
                        <span className="block text-xs text-muted-foreground">{o.description}</span>
                      </span>
                    </label>
                  ))}
                </div>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="deadLetterThreshold"
            render={({ field }) => (
              <FormItem className="max-w-xs">
                <FormLabel>Failed messages threshold</FormLabel>
                <FormControl>
                  <Input inputMode="numeric" {...field} />
                </FormControl>
                <FormDescription>Notify me when this many messages failed in the last hour.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormRootError />
        </CardContent>
        <CardFooter className="mt-5 justify-end">
          <Button type="submit" disabled={save.isPending || !form.formState.isDirty}>
            {save.isPending ? <Loader2 className="animate-spin" /> : <Save />} Save notifications
          </Button>
        </CardFooter>
      </form>
    </Form>
  );
}

function toggle(list: NotificationType[], type: NotificationType, on: boolean): NotificationType[] {
  return on ? [...new Set([...list, type])] : list.filter((t) => t !== type);
}
