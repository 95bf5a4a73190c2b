'use client';

import * as React from 'react';
import { toast } from 'sonner';
import { actionsColumn, DataTable } from '@/components/common/data-table';
import { UrlPagination } from '@/components/common/data-pagination';
import { ListToolbar } from '@/components/common/list-toolbar';
import { EditDeleteActions } from '@/components/common/row-actions';
import { EmptyState } from '@/components/common/states';
import { Switch } from '@/components/ui/switch';
import { TableCell, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-client';
import { useDeleteTrigger, useSaveTrigger, useTriggers } from '@/lib/queries/automation';
import { useUrlState } from '@/lib/use-url-state';
import type { SmsTrigger } from '@/types/automation';
import { formatDelay } from './automation-format';
import { TriggerDialog } from './trigger-dialog';

export function describeTriggerEvent(t: Pick<SmsTrigger, 'event' | 'toStatus'>): string {
  return t.event === 'lead_created' ? 'A lead is created' : `Status becomes ${t.toStatus ?? '?'}`;
}

/** The SubAccount's triggers: list, create, edit, enable, delete. */
export function TriggersManager() {
  const url = useUrlState();
  const { page, limit } = url.getPage();
  const query = useTriggers({ page, limit });
  const save = useSaveTrigger();
  const remove = useDeleteTrigger();
  const [editing, setEditing] = React.useState<SmsTrigger | 'new' | null>(null);

  const toggle = (t: SmsTrigger, enabled: boolean) =>
    save.mutate(
      { id: t.id, data: { enabled } },
      {
        onSuccess: () => toast.success(enabled ? 'Trigger enabled' : 'Trigger disabled'),
        onError: (e) => toast.error(errorMessage(e)),
      },
    );

  return (
    <div className="grid grid-cols-1 gap-4">
      <ListToolbar newLabel="New trigger" onNew={() => setEditing('new')} />
      <DataTable
        data-testid="triggers-table"
        columns={[
          'Name',
          'When',
          'Send',
          'After',
          { label: 'Sent', className: 'text-right' },
          'Enabled',
          actionsColumn(),
        ]}
        query={query}
        items={query.data?.items ?? []}
        empty={
          <EmptyState
            title="No triggers yet"
            description="Text a lead automatically when it is created or its status changes."
          />
        }
      >
        {(t) => (
          <TableRow key={t.id} data-testid="trigger-row" data-trigger-id={t.id}>
            <TableCell className="font-medium">{t.name}</TableCell>
            <TableCell>{describeTriggerEvent(t)}</TableCell>
            <TableCell>{t.templateName}</TableCell>
            <TableCell>{formatDelay(t.delayMinutes)}</TableCell>
            <TableCell className="text-right tabular-nums">{t.firedCount}</TableCell>
            <TableCell>
              <Switch checked={t.enabled} onCheckedChange={(c) => toggle(t, c)} aria-label={`${t.name} enabled`} />
            </TableCell>
            <TableCell className="text-right">
              <EditDeleteActions
                name={t.name}
                onEdit={() => setEditing(t)}
                deleteDescription="Texts it has already scheduled but not sent are dropped."
                onDelete={() => remove.mutateAsync(t.id)}
                deletedMessage="Trigger deleted"
              />
            </TableCell>
          </TableRow>
        )}
      </DataTable>
      <UrlPagination total={query.data?.total} />
      {editing && <TriggerDialog trigger={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
