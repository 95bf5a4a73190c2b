'use client';

import * as React from 'react';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ListOrdered } from 'lucide-react';
import { actionsColumn, DataTable } from '@/components/common/data-table';
import { UrlPagination } from '@/components/common/data-pagination';
import { createOrEditWords, FormDialog } from '@/components/common/form-dialog';
import { LabeledField } from '@/components/common/labeled-field';
import { ListToolbar } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { EmptyState } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { TableCell, TableRow } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { useDeleteStrategy, useSaveStrategy, useStrategies } from '@/lib/queries/crm';
import { useUrlState } from '@/lib/use-url-state';
import type { Strategy } from '@/types/crm';

const strategySchema = z.object({
  name: z.string().trim().min(1, 'Name the strategy').max(200),
  description: z.string().max(2000),
  tag: z.string().trim().max(100),
});
type StrategyValues = z.infer<typeof strategySchema>;

const dash = <span className="text-muted-foreground">—</span>;

export function StrategiesManager() {
  const url = useUrlState();
  const { page, limit } = url.getPage();
  const search = url.get('search');
  const query = useStrategies({ page, limit, search });
  const remove = useDeleteStrategy();
  const [editing, setEditing] = React.useState<Strategy | 'new' | null>(null);

  return (
    <div className="grid grid-cols-1 gap-4">
      <ListToolbar searchLabel="Search strategies" newLabel="New strategy" onNew={() => setEditing('new')} />
      <DataTable
        data-testid="strategies-table"
        columns={['Name', 'Description', 'Tag', actionsColumn('w-36')]}
        query={query}
        items={query.data?.items ?? []}
        empty={
          <EmptyState
            title={search ? 'No strategies match' : 'No strategies yet'}
            description="A strategy describes how leads are followed up."
          />
        }
      >
        {(s) => (
          <TableRow key={s.id}>
            <TableCell className="font-medium">
              <Link href={`/admin/strategies/${s.id}`} className="underline-offset-4 hover:underline">
                {s.name}
              </Link>
            </TableCell>
            <TableCell className="max-w-96 truncate" title={s.description ?? undefined}>
              {s.description || dash}
            </TableCell>
            <TableCell>{s.tag ? <Badge variant="secondary">{s.tag}</Badge> : dash}</TableCell>
            <TableCell className="text-right">
              <Button asChild variant="ghost" size="icon" aria-label={`SMS sequence of ${s.name}`}>
                <Link href={`/admin/strategies/${s.id}`}>
                  <ListOrdered />
                </Link>
              </Button>
              <EditDeleteActions
                deleteRole="subaccount_admin"
                name={s.name}
                onEdit={() => setEditing(s)}
                deleteDescription="Leads using it keep their data but lose the strategy."
                onDelete={() => remove.mutateAsync(s.id)}
                deletedMessage="Strategy deleted"
              />
            </TableCell>
          </TableRow>
        )}
      </DataTable>
      <UrlPagination total={query.data?.total} />
      {editing && <StrategyDialog strategy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function StrategyDialog({ strategy, onClose }: { strategy: Strategy | null; onClose: () => void }) {
  const save = useSaveStrategy();
  const form = useForm<StrategyValues>({
    resolver: zodResolver(strategySchema),
    defaultValues: { name: strategy?.name ?? '', description: strategy?.description ?? '', tag: strategy?.tag ?? '' },
  });
  return (
    <FormDialog
      form={form}
      {...createOrEditWords('strategy', !!strategy)}
      description="How this SubAccount follows up a kind of lead."
      onOpenChange={onClose}
      onSubmit={(v) =>
        save.mutateAsync({
          id: strategy?.id,
          data: { name: v.name, description: v.description || null, tag: v.tag || null },
        })
      }
    >
      <LabeledField control={form.control} name="name" label="Name">
        {(field) => <Input {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="description" label="Description">
        {(field) => <Textarea rows={3} {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="tag" label="Tag">
        {(field) => <Input {...field} />}
      </LabeledField>
    </FormDialog>
  );
}
