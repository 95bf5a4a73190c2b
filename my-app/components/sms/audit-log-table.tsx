'use client';

import * as React from 'react';
import { FilterX, Loader2, ScrollText, ShieldAlert } from 'lucide-react';
import { useSession } from '@/components/auth/session-provider';
import { CursorPagination } from '@/components/common/cursor-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime, formatShortDateTime } from '@/lib/format';
import { useAuditLog } from '@/lib/queries/sms';
import { DateRangeInputs } from '@/components/common/date-range-inputs';
import type { CursorParams } from '@/lib/queries/keys';
import { useUrlState } from '@/lib/use-url-state';
import { AUDIT_ACTOR_KINDS, type AuditActorKind, type AuditEntry, type AuditListParams } from '@/types/sms';

const ALL = 'all';
const COLUMNS = 5;

const ACTOR_LABELS: Record<AuditActorKind, string> = {
  user: 'User',
  admin: 'Admin',
  system: 'System',
  twilio: 'Twilio',
};

/** A YYYY-MM-DD from a date input as the start of that day in the browser's zone, in ISO. */
function dayStart(day: string | undefined, addDays = 0): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/** Reads the audit filters from the URL (`actor` is a kind, optionally `kind:id`). */
export function useAuditFilters() {
  const url = useUrlState();
  const actor = url.get('actor');
  const filters: AuditListParams & CursorParams = {
    limit: url.getCursorPage().limit,
    cursor: url.getCursorPage().cursor,
    actor: actor && /^(user|admin|system|twilio)(:\d+)?$/.test(actor) ? actor : undefined,
    action: url.get('action')?.trim() || undefined,
    from: dayStart(url.get('from')),
    to: dayStart(url.get('to'), 1),
  };
  return { url, filters };
}

function actorLabel(e: AuditEntry): string {
  const kind = ACTOR_LABELS[e.actorKind] ?? e.actorKind;
  if (e.actorName) return `${e.actorName} (${kind.toLowerCase()})`;
  return e.actorId !== null && e.actorId !== undefined ? `${kind} #${e.actorId}` : kind;
}

/** `{"source":"keyword","messageId":4}` → `source=keyword messageId=4`; nested values stay JSON. */
export function compactDetails(details: Record<string, unknown> | null | undefined): string {
  if (!details || Object.keys(details).length === 0) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

/** The SubAccount's audit log, newest first, for admins. */
export function AuditLogTable() {
  const { isAdmin } = useSession();
  if (!isAdmin) {
    return (
      <EmptyState icon={ShieldAlert} title="Admins only" description="The audit log is read by Loctelli admins." />
    );
  }
  return <AuditLogTableInner />;
}

function AuditLogTableInner() {
  const { url, filters } = useAuditFilters();
  const query = useAuditLog(filters);
  const items = query.data?.items ?? [];
  const hasFilters = ['actor', 'action', 'from', 'to'].some((k) => url.get(k));
  const actorKind = filters.actor?.split(':')[0] ?? ALL;
  const actorSelectId = React.useId();

  return (
    <div className="grid grid-cols-1 gap-4">
      <Card className="py-4">
        <CardContent className="grid grid-cols-1 gap-3 px-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="grid grid-cols-1 gap-1.5">
            <Label htmlFor={actorSelectId}>Actor</Label>
            <Select value={actorKind} onValueChange={(v) => url.set({ actor: v === ALL ? null : v })}>
              <SelectTrigger id={actorSelectId} aria-label="Actor" data-testid="audit-actor">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL}>Anyone</SelectItem>
                {AUDIT_ACTOR_KINDS.map((k) => (
                  <SelectItem key={k} value={k}>
                    {ACTOR_LABELS[k]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <div className="grid grid-cols-1 gap-1.5">
            <Label htmlFor="audit-action">Action</Label>
            <SearchInput
              id="audit-action"
              value={url.get('action') ?? ''}
              onChange={(action) => url.set({ action })}
              placeholder="opt_out.add, or campaign. for all"
              className="sm:w-full"
              label="Action"
            />
          </div>
          <DateRangeInputs
            idPrefix="audit"
            from={url.get('from')}
            to={url.get('to')}
            onChange={(change) => url.set(change)}
          />
        </CardContent>
      </Card>

      {(hasFilters || (query.isFetching && !query.isLoading)) && (
        <div className="flex items-center gap-2">
          {hasFilters && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => url.set({ actor: null, action: null, from: null, to: null })}
            >
              <FilterX /> Clear filters
            </Button>
          )}
          {query.isFetching && !query.isLoading && (
            <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Refreshing" />
          )}
        </div>
      )}

      <Card className="py-0">
        <Table data-testid="audit-table">
          <TableHeader>
            <TableRow>
              <TableHead>Time</TableHead>
              <TableHead>Actor</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>Target</TableHead>
              <TableHead>Details</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={COLUMNS}
              skeletonRows={8}
              items={items}
              empty={
                <EmptyState
                  icon={ScrollText}
                  title={hasFilters ? 'No entries match these filters' : 'Nothing recorded yet'}
                  description={
                    hasFilters
                      ? 'Change or clear the filters.'
                      : 'Sends, campaign changes, settings updates and opt-outs are recorded here.'
                  }
                />
              }
            >
              {(e) => {
                const details = compactDetails(e.details);
                return (
                  <TableRow key={e.id} data-testid="audit-row" data-action={e.action}>
                    <TableCell title={formatDateTime(e.createdAt)} className="whitespace-nowrap">
                      {formatShortDateTime(e.createdAt)}
                    </TableCell>
                    <TableCell>
                      <span className="whitespace-nowrap">{actorLabel(e)}</span>
                      {e.ip && <span className="block text-xs text-muted-foreground">{e.ip}</span>}
                    </TableCell>
                    <TableCell>
                      <Badge variant="outline" className="font-mono">
                        {e.action}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      {e.targetType || e.targetId ? (
                        <span className="whitespace-nowrap">
                          <span className="text-muted-foreground">{e.targetType}</span>
                          {e.targetId && <span className="ml-1 font-mono text-xs">{e.targetId}</span>}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                    <TableCell
                      className="max-w-96 truncate font-mono text-xs"
                      title={`${JSON.stringify(e.details ?? {}, null, 2)}${e.requestId ? `\nrequest ${e.requestId}` : ''}`}
                      data-testid="audit-details"
                    >
                      {details || <span className="text-muted-foreground">—</span>}
                    </TableCell>
                  </TableRow>
                );
              }}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {query.data && <CursorPagination url={url} data={query.data} limit={filters.limit!} />}
    </div>
  );
}
