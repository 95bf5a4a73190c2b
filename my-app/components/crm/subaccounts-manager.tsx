'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ShieldAlert } from 'lucide-react';
import { useSession } from '@/components/auth/session-provider';
import { actionsColumn, DataTable } from '@/components/common/data-table';
import { UrlPagination } from '@/components/common/data-pagination';
import { createOrEditWords, FormDialog } from '@/components/common/form-dialog';
import { LabeledField } from '@/components/common/labeled-field';
import { ListToolbar } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { EmptyState } from '@/components/common/states';
import { TimeZoneSelect } from '@/components/crm/time-zone-select';
import { CountrySelect } from '@/components/sms/country-select';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { TableCell, TableRow } from '@/components/ui/table';
import { countryName, toCountryCode } from '@/lib/sms/countries';
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

  if (!isAdmin) {
    return (
      <EmptyState icon={ShieldAlert} title="Admins only" description="SubAccounts are managed by Loctelli admins." />
    );
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <ListToolbar searchLabel="Search SubAccounts" newLabel="New SubAccount" onNew={() => setEditing('new')} />
      <DataTable
        data-testid="subaccounts-table"
        columns={['Name', 'Time zone', 'Default country', actionsColumn()]}
        query={query}
        items={query.data?.items ?? []}
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
      </DataTable>
      <UrlPagination total={query.data?.total} />
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
  return (
    <FormDialog
      form={form}
      {...createOrEditWords('SubAccount', !!subAccount)}
      description="Schedules and phone numbers default to its time zone and country."
      onOpenChange={onClose}
      onSubmit={(v) => save.mutateAsync({ id: subAccount?.id, data: v })}
    >
      <LabeledField control={form.control} name="name" label="Name">
        {(field) => <Input {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="timeZone" label="Time zone">
        {(field) => <TimeZoneSelect value={field.value} onChange={field.onChange} />}
      </LabeledField>
      <LabeledField control={form.control} name="defaultCountry" label="Default country">
        {(field) => <CountrySelect value={toCountryCode(field.value)} onChange={field.onChange} />}
      </LabeledField>
    </FormDialog>
  );
}
