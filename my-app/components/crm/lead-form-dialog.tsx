'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isPossiblePhoneNumber, type CountryCode } from 'libphonenumber-js';
import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { useOptionalSession } from '@/components/auth/session-provider';
import { TimeZoneSelect } from '@/components/crm/time-zone-select';
import { PhoneNumberInput } from '@/components/sms/phone-number-input';
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
import { Textarea } from '@/components/ui/textarea';
import { applyServerErrors } from '@/lib/form-errors';
import { useSaveLead, useStrategies } from '@/lib/queries/crm';
import { toCountryCode } from '@/lib/sms/countries';
import { LEAD_STATUSES, type Lead, type LeadDto } from '@/types/crm';

const leadSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address'),
  phone: z.string().refine((v) => v === '' || isPossiblePhoneNumber(v), 'Enter a complete phone number'),
  company: z.string().trim().max(200),
  status: z.enum(LEAD_STATUSES),
  strategyId: z.string(),
  timeZone: z.string(),
  notes: z.string().max(5000),
});
type LeadValues = z.infer<typeof leadSchema>;

const FIELDS = ['name', 'email', 'phone', 'company', 'status', 'strategyId', 'timeZone', 'notes'] as const;

export function LeadFormDialog({
  lead,
  open,
  onOpenChange,
  onSaved,
}: {
  lead: Lead | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (lead: Lead) => void;
}) {
  const session = useOptionalSession();
  const save = useSaveLead();
  const strategies = useStrategies();
  const [country, setCountry] = React.useState<CountryCode>(toCountryCode(session?.subAccount?.defaultCountry));
  const form = useForm<LeadValues>({
    resolver: zodResolver(leadSchema),
    values: {
      name: lead?.name ?? '',
      email: lead?.email ?? '',
      phone: lead?.phone ?? '',
      company: lead?.company ?? '',
      status: lead?.status ?? 'new',
      strategyId: lead?.strategyId ? String(lead.strategyId) : 'none',
      timeZone: lead?.timeZone ?? '',
      notes: lead?.notes ?? '',
    },
  });

  const onSubmit = async (v: LeadValues) => {
    const data: LeadDto = {
      name: v.name,
      email: v.email || null,
      // The API clears a phone with '' (and normalises anything else to E.164).
      phone: v.phone,
      company: v.company || null,
      status: v.status,
      strategyId: v.strategyId === 'none' ? null : Number(v.strategyId),
      timeZone: v.timeZone || null,
      notes: v.notes || null,
    };
    try {
      const saved = await save.mutateAsync({ id: lead?.id, data });
      toast.success(lead ? 'Lead saved' : 'Lead created');
      onOpenChange(false);
      onSaved?.(saved);
    } catch (e) {
      applyServerErrors(form.setError, e, FIELDS);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{lead ? `Edit ${lead.name}` : 'New lead'}</DialogTitle>
          <DialogDescription>Phone numbers are stored in international (E.164) form.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
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
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Email</FormLabel>
                  <FormControl>
                    <Input type="email" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="phone"
              render={({ field }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>Phone</FormLabel>
                  <FormControl>
                    <PhoneNumberInput
                      value={field.value}
                      onChange={(v) => field.onChange(v)}
                      onBlur={field.onBlur}
                      country={country}
                      onCountryChange={setCountry}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="company"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Company</FormLabel>
                  <FormControl>
                    <Input {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="status"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Status</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger className="capitalize">
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
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
            <FormField
              control={form.control}
              name="strategyId"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Strategy</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl>
                      <SelectTrigger>
                        <SelectValue />
                      </SelectTrigger>
                    </FormControl>
                    <SelectContent>
                      <SelectItem value="none">No strategy</SelectItem>
                      {(strategies.data?.items ?? []).map((s) => (
                        <SelectItem key={s.id} value={String(s.id)}>
                          {s.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="timeZone"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Time zone</FormLabel>
                  <FormControl>
                    <TimeZoneSelect value={field.value} onChange={field.onChange} allowEmpty="SubAccount default" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="notes"
              render={({ field }) => (
                <FormItem className="sm:col-span-2">
                  <FormLabel>Notes</FormLabel>
                  <FormControl>
                    <Textarea rows={3} {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormRootError className="sm:col-span-2" />
            <DialogFooter className="sm:col-span-2">
              <Button variant="outline" onClick={() => onOpenChange(false)}>
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
