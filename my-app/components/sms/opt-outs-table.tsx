'use client';

import * as React from 'react';
import { FileUp, Loader2, Plus, ShieldOff, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { CursorPagination } from '@/components/common/cursor-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { OptOutsAddDialog } from '@/components/sms/opt-outs-add-dialog';
import { OptOutsImportDialog } from '@/components/sms/opt-outs-import-dialog';
import { OptOutSourceBadge } from '@/components/sms/opt-outs-source-badge';
import { useRole } from '@/components/auth/require-role';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatPhone, formatShortDateTime } from '@/lib/format';
import { useOptOuts, useRemoveOptOut } from '@/lib/queries/sms';
import { RECIPIENT_OPT_OUT_REASON } from '@/lib/roles';
import type { CursorParams } from '@/lib/queries/keys';
import { useUrlState } from '@/lib/use-url-state';
import type { OptOut, OptOutListParams } from '@/types/sms';

const COLUMNS = 5;

/** Reads the list's page and search from the URL. */
export function useOptOutFilters() {
  const url = useUrlState();
  const filters: OptOutListParams & CursorParams = {
    limit: url.getCursorPage().limit,
    cursor: url.getCursorPage().cursor,
    search: url.get('search'),
  };
  return { url, filters };
}

function addedBy(o: OptOut): string {
  if (o.createdByAdminId) return `Admin #${o.createdByAdminId}`;
  if (o.createdByUserId) return `User #${o.createdByUserId}`;
  return o.source === 'keyword' || o.source === 'error_21610' ? 'The recipient' : '—';
}

/** The SubAccount's do-not-text list: search, add, import, remove. */
export function OptOutsTable() {
  const { url, filters } = useOptOutFilters();
  const query = useOptOuts(filters);
  const remove = useRemoveOptOut();
  const [adding, setAdding] = React.useState(false);
  const [importing, setImporting] = React.useState(false);
  const items = query.data?.items ?? [];
  const searching = !!filters.search;

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput
          id="opt-outs-search"
          value={url.get('search') ?? ''}
          onChange={(search) => url.set({ search })}
          placeholder="Search numbers…"
          label="Search opt-outs"
        />
        {query.isFetching && !query.isLoading && (
          <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Refreshing" />
        )}
        <div className="flex gap-2 sm:ml-auto">
          <Button variant="outline" onClick={() => setImporting(true)} data-testid="opt-outs-import">
            <FileUp /> Import CSV
          </Button>
          <Button onClick={() => setAdding(true)} data-testid="opt-outs-add">
            <Plus /> Add number
          </Button>
        </div>
      </div>

      <Card className="py-0">
        <Table data-testid="opt-outs-table">
          <TableHeader>
            <TableRow>
              <TableHead>Number</TableHead>
              <TableHead>Source</TableHead>
              <TableHead>Added by</TableHead>
              <TableHead>Added</TableHead>
              <TableHead className="w-20 text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={COLUMNS}
              skeletonRows={6}
              items={items}
              empty={
                <EmptyState
                  icon={ShieldOff}
                  title={searching ? 'No opted-out number matches' : 'Nobody has opted out'}
                  description={
                    searching
                      ? 'Try fewer digits, or clear the search.'
                      : 'Numbers that reply STOP land here by themselves. You can also add or import numbers.'
                  }
                />
              }
            >
              {(o) => (
                <TableRow key={o.id} data-testid="opt-out-row" data-phone={o.phoneNumber}>
                  <TableCell className="font-medium tabular-nums">{formatPhone(o.phoneNumber)}</TableCell>
                  <TableCell>
                    <OptOutSourceBadge source={o.source} />
                  </TableCell>
                  <TableCell className="text-muted-foreground">{addedBy(o)}</TableCell>
                  <TableCell title={formatDateTime(o.createdAt)}>{formatShortDateTime(o.createdAt)}</TableCell>
                  <TableCell className="text-right">
                    <OptOutRemove optOut={o} onRemove={() => remove.mutateAsync(o.id)} />
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {query.data && <CursorPagination url={url} data={query.data} limit={filters.limit!} />}
      <OptOutsAddDialog open={adding} onOpenChange={setAdding} />
      <OptOutsImportDialog open={importing} onOpenChange={setImporting} />
    </div>
  );
}

/** Remove, behind a confirmation; disabled with the reason when the role or the opt-out's origin forbids it. */
function OptOutRemove({ optOut: o, onRemove }: { optOut: OptOut; onRemove: () => Promise<unknown> }) {
  const { reasonUnless } = useRole();
  const byRecipient =
    (o.liftableBy ?? (o.source === 'keyword' || o.source === 'error_21610' ? 'recipient' : 'admin')) === 'recipient';
  const blocked = byRecipient ? RECIPIENT_OPT_OUT_REASON : reasonUnless('subaccount_admin');
  if (blocked) {
    return (
      <span title={blocked} className="inline-flex" data-testid="opt-out-remove-blocked">
        <Button variant="ghost" size="icon" disabled aria-label={`Remove ${formatPhone(o.phoneNumber)}: ${blocked}`}>
          <Trash2 />
        </Button>
      </span>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Remove ${formatPhone(o.phoneNumber)}`}>
          <Trash2 />
        </Button>
      }
      title={`Text ${formatPhone(o.phoneNumber)} again?`}
      description="Remove the number from the opt-out list only when the person asked to be texted again. The removal is recorded in the audit log."
      confirmLabel="Remove"
      destructive
      onConfirm={() =>
        onRemove().then(
          () => toast.success(`${formatPhone(o.phoneNumber)} removed from the list`),
          (e: unknown) => {
            toast.error(errorMessage(e));
            throw e;
          },
        )
      }
    />
  );
}
