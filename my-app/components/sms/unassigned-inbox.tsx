'use client';

import * as React from 'react';
import { Inbox } from 'lucide-react';
import { toast } from 'sonner';
import { RequireRole } from '@/components/auth/require-role';
import { useSession } from '@/components/auth/session-provider';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-client';
import { formatPhone, formatShortDateTime } from '@/lib/format';
import { useAssignUnassigned, useUnassigned } from '@/lib/queries/unassigned';
import { ROLE_REASON } from '@/lib/roles';
import type { UnassignedMessage } from '@/types/unassigned';

const COLUMNS = 5;

/** Replies no single SubAccount could claim; a system admin files each under the SubAccount it belongs to. */
export function UnassignedInbox() {
  return (
    <RequireRole
      role="system_admin"
      fallback={<p className="text-sm text-muted-foreground">{ROLE_REASON.system_admin}</p>}
    >
      <UnassignedTable />
    </RequireRole>
  );
}

function UnassignedTable() {
  const query = useUnassigned('open', 1);
  const items = query.data?.items ?? [];
  return (
    <Card className="py-0">
      <Table data-testid="unassigned-table">
        <TableHeader>
          <TableRow>
            <TableHead>Received</TableHead>
            <TableHead>From → to</TableHead>
            <TableHead>Message</TableHead>
            <TableHead>Known to</TableHead>
            <TableHead className="w-72">File under</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          <QueryTableRows
            query={query}
            columns={COLUMNS}
            items={items}
            empty={
              <EmptyState
                icon={Inbox}
                title="Nothing unassigned"
                description="Replies to the shared sender that no single SubAccount can claim land here."
              />
            }
          >
            {(m) => <UnassignedRow key={m.id} message={m} />}
          </QueryTableRows>
        </TableBody>
      </Table>
    </Card>
  );
}

function UnassignedRow({ message: m }: { message: UnassignedMessage }) {
  const { subAccounts } = useSession();
  const assign = useAssignUnassigned();
  const [target, setTarget] = React.useState<string>(
    m.candidateSubAccountIds.length > 0 ? String(m.candidateSubAccountIds[0]) : '',
  );
  const nameOf = (id: number) => subAccounts.find((s) => s.id === id)?.name ?? `#${id}`;
  const file = () =>
    assign.mutateAsync({ id: m.id, subAccountId: Number(target) }).then(
      () => toast.success(`Filed under ${nameOf(Number(target))}`),
      (e: unknown) => toast.error(errorMessage(e)),
    );
  return (
    <TableRow data-testid="unassigned-row">
      <TableCell>{formatShortDateTime(m.receivedAt)}</TableCell>
      <TableCell className="tabular-nums">
        {formatPhone(m.fromNumber)} → {m.toNumber ? formatPhone(m.toNumber) : '—'}
      </TableCell>
      <TableCell className="max-w-md whitespace-normal">
        {m.body}
        {m.keyword === 'opt_out' && (
          <span className="block text-xs text-muted-foreground">
            Opted out of every SubAccount on this sender when it arrived.
          </span>
        )}
      </TableCell>
      <TableCell className="text-muted-foreground">
        {m.candidateSubAccountIds.length ? m.candidateSubAccountIds.map(nameOf).join(', ') : 'nobody'}
      </TableCell>
      <TableCell>
        <div className="flex gap-2">
          <Select value={target} onValueChange={setTarget}>
            <SelectTrigger aria-label={`SubAccount for the reply from ${formatPhone(m.fromNumber)}`} className="w-44">
              <SelectValue placeholder="Choose…" />
            </SelectTrigger>
            <SelectContent>
              {subAccounts.map((s) => (
                <SelectItem key={s.id} value={String(s.id)}>
                  {s.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Button size="sm" disabled={!target || assign.isPending} onClick={() => void file()}>
            File
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}
