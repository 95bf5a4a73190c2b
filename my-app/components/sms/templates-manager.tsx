'use client';

import * as React from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { actionsColumn, DataTable } from '@/components/common/data-table';
import { UrlPagination } from '@/components/common/data-pagination';
import { createOrEditWords, FormDialog } from '@/components/common/form-dialog';
import { LabeledField } from '@/components/common/labeled-field';
import { ListToolbar } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { EmptyState } from '@/components/common/states';
import { StrategySelect } from '@/components/crm/strategy-select';
import { MessageComposer } from '@/components/sms/message-composer';
import { Input } from '@/components/ui/input';
import { TableCell, TableRow } from '@/components/ui/table';
import { truncate } from '@/lib/format';
import { useStrategies } from '@/lib/queries/crm';
import { useDeleteTemplate, useSaveTemplate, useTemplates } from '@/lib/queries/sms';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import { useUrlState } from '@/lib/use-url-state';
import type { SmsTemplate } from '@/types/sms';

const templateSchema = z.object({
  name: z.string().trim().min(1, 'Name the template').max(200),
  body: z
    .string()
    .refine((v) => v.trim().length > 0, 'Write the template')
    .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
  strategyId: z.string(),
});
type TemplateValues = z.infer<typeof templateSchema>;

export function TemplatesManager() {
  const url = useUrlState();
  const { page, limit } = url.getPage();
  const search = url.get('search');
  const query = useTemplates({ page, limit, search });
  const strategies = useStrategies();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = React.useState<SmsTemplate | 'new' | null>(null);
  const strategyName = (id: number | null) => strategies.data?.items.find((s) => s.id === id)?.name;

  return (
    <div className="grid grid-cols-1 gap-4">
      <ListToolbar searchLabel="Search templates" newLabel="New template" onNew={() => setEditing('new')} />
      <DataTable
        data-testid="templates-table"
        columns={['Name', 'Text', 'Strategy', actionsColumn()]}
        query={query}
        items={query.data?.items ?? []}
        empty={
          <EmptyState
            title={search ? 'No templates match' : 'No templates yet'}
            description="Save messages you send often, then pick them in any composer."
          />
        }
      >
        {(t) => (
          <TableRow key={t.id}>
            <TableCell className="font-medium">{t.name}</TableCell>
            <TableCell className="max-w-96 truncate" title={t.body}>
              {truncate(t.body, 80)}
            </TableCell>
            <TableCell>{strategyName(t.strategyId) ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="text-right">
              <EditDeleteActions
                deleteRole="subaccount_admin"
                name={t.name}
                onEdit={() => setEditing(t)}
                deleteDescription="Messages already sent with it are not affected."
                onDelete={() => remove.mutateAsync(t.id)}
                deletedMessage="Template deleted"
              />
            </TableCell>
          </TableRow>
        )}
      </DataTable>
      <UrlPagination total={query.data?.total} />
      {editing && <TemplateDialog template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function TemplateDialog({ template, onClose }: { template: SmsTemplate | null; onClose: () => void }) {
  const save = useSaveTemplate();
  const form = useForm<TemplateValues>({
    resolver: zodResolver(templateSchema),
    defaultValues: {
      name: template?.name ?? '',
      body: template?.body ?? '',
      strategyId: template?.strategyId ? String(template.strategyId) : '',
    },
  });
  return (
    <FormDialog
      form={form}
      wide
      {...createOrEditWords('template', !!template)}
      description={
        <>
          Variables like <code>{'{{first_name}}'}</code> are filled per recipient.
        </>
      }
      onOpenChange={onClose}
      onSubmit={(v) =>
        save.mutateAsync({
          id: template?.id,
          data: { name: v.name, body: v.body, strategyId: v.strategyId ? Number(v.strategyId) : null },
        })
      }
    >
      <LabeledField control={form.control} name="name" label="Name">
        {(field) => <Input {...field} />}
      </LabeledField>
      <LabeledField control={form.control} name="body" label="Text">
        {(field) => <MessageComposer {...field} variables={['first_name', 'name', 'company']} />}
      </LabeledField>
      <LabeledField control={form.control} name="strategyId" label="Strategy">
        {(field) => <StrategySelect value={field.value} onChange={field.onChange} emptyLabel="No strategy" />}
      </LabeledField>
    </FormDialog>
  );
}
