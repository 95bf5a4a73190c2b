'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Loader2, Plus, ShieldAlert } from 'lucide-react';
import { toast } from 'sonner';
import { useSession } from '@/components/auth/session-provider';
import { DataPagination } from '@/components/common/data-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EditDeleteActions } from '@/components/common/row-actions';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { TimeZoneSelect } from '@/components/crm/time-zone-select';
import { CountrySelect } from '@/components/sms/country-select';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
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
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { countryName, toCountryCode } from '@/lib/sms/countries';
import { applyServerErrors } from '@/lib/form-errors';
import { useDeleteSubAccount, useSaveSubAccount, useSubAccounts } from '@/lib/queries/crm';
import { browserTimeZone } from '@/lib/time-zone';
import { useUrlState } from '@/lib/use-url-state';
import type { SubAccount } from '@/types/crm';

const subAccountSchema = z.object({
  name: z.string().trim().min(1, 'Name the SubAccount').max(200),
  timeZone: z.string().min(1, 'Choose a time zone'),
  defaultCountry: z.string().length(2, 'Choose a country'),
});
type SubAccountValues = z.infer<typeof subAccountSchema>;

export function SubAccountsManager() {
  const { isAdmin, subAccount: current } = useSession();
  const url = useUrlState();
  const { page, limit } = url.getPage();
  const search = url.get('search');
  const query = useSubAccounts({ page, limit, search }, isAdmin);
  const remove = useDeleteSubAccount();
  const [editing, setEditing] = React.useState<SubAccount | 'new' | null>(null);
  const items = query.data?.items ?? [];

  if (!isAdmin) {
    return (
      <EmptyState icon={ShieldAlert} title="Admins only" description="SubAccounts are managed by Loctelli admins." />
    );
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput
          value={search ?? ''}
          onChange={(v) => url.set({ search: v })}
          placeholder="Search SubAccounts…"
          label="Search SubAccounts"
        />
        <Button className="sm:ml-auto" onClick={() => setEditing('new')}>
          <Plus /> New SubAccount
        </Button>
      </div>
      <Card className="py-0">
        <Table data-testid="subaccounts-table">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Time zone</TableHead>
              <TableHead>Default country</TableHead>
              <TableHead className="w-28 text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={4}
              items={items}
              empty={
                <EmptyState
                  title={search ? 'No SubAccounts match' : 'No SubAccounts yet'}
                  description="A SubAccount is one client business."
                />
              }
            >
              {(s) => (
                <TableRow key={s.id}>
                  <TableCell className="font-medium">
                    {s.name}{' '}
                    {s.id === current?.id && (
                      <Badge variant="info" className="ml-1">
                        current
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{s.timeZone.replace(/_/g, ' ')}</TableCell>
                  <TableCell>{countryName(s.defaultCountry)}</TableCell>
                  <TableCell className="text-right">
                    <EditDeleteActions
                      name={s.name}
                      onEdit={() => setEditing(s)}
                      deleteDescription="Its users, leads, strategies, messages and campaigns are deleted with it. This cannot be undone."
                      confirmLabel="Delete SubAccount"
                      onDelete={() => remove.mutateAsync(s.id)}
                      deletedMessage="SubAccount deleted"
                    />
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {query.data && (
        <DataPagination
          page={page}
          limit={limit}
          total={query.data.total}
          onPageChange={(p) => url.set({ page: p }, { resetPage: false })}
          onLimitChange={(l) => url.set({ limit: l })}
        />
      )}
      {editing && <SubAccountDialog subAccount={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function SubAccountDialog({ subAccount, onClose }: { subAccount: SubAccount | null; onClose: () => void }) {
  const save = useSaveSubAccount();
  const form = useForm<SubAccountValues>({
    resolver: zodResolver(subAccountSchema),
    defaultValues: {
      name: subAccount?.name ?? '',
      timeZone: subAccount?.timeZone ?? browserTimeZone(),
      defaultCountry: subAccount?.defaultCountry ?? 'US',
    },
  });
  const onSubmit = async (v: SubAccountValues) => {
    try {
      await save.mutateAsync({ id: subAccount?.id, data: v });
      toast.success(subAccount ? 'SubAccount saved' : 'SubAccount created');
      onClose();
    } catch (e) {
      applyServerErrors(form.setError, e, ['name', 'timeZone', 'defaultCountry']);
    }
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{subAccount ? 'Edit SubAccount' : 'New SubAccount'}</DialogTitle>
          <DialogDescription>Schedules and phone numbers default to its time zone and country.</DialogDescription>
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
              name="timeZone"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Time zone</FormLabel>
                  <FormControl>
                    <TimeZoneSelect value={field.value} onChange={field.onChange} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="defaultCountry"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Default country</FormLabel>
                  <FormControl>
                    <CountrySelect value={toCountryCode(field.value)} onChange={field.onChange} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormRootError />
            <DialogFooter>
              <Button variant="outline" onClick={onClose}>
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
