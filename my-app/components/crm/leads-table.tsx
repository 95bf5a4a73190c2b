'use client';

import * as React from 'react';
import Link from 'next/link';
import { Ban, MessageSquare } from 'lucide-react';
import { DataTable } from '@/components/common/data-table';
import { UrlPagination } from '@/components/common/data-pagination';
import { ListToolbar } from '@/components/common/list-toolbar';
import { EmptyState } from '@/components/common/states';
import { LeadFormDialog } from '@/components/crm/lead-form-dialog';
import { LeadStatusBadge } from '@/components/crm/lead-status-badge';
import { LeadStatusSelect } from '@/components/crm/lead-status-select';
import { StrategySelect } from '@/components/crm/strategy-select';
import { TextLeadsDialog } from '@/components/crm/text-leads-dialog';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatDate, formatPhone, formatShortDateTime } from '@/lib/format';
import { useLeads, useStrategies, useUsers } from '@/lib/queries/crm';
import { useUrlState } from '@/lib/use-url-state';
import {
  LEAD_SMS_FILTERS,
  LEAD_STATUSES,
  type LeadFilter,
  type LeadListItem,
  type LeadSmsFilter,
  type LeadStatus,
} from '@/types/crm';

const SMS_FILTER_LABELS: Record<LeadSmsFilter, string> = {
  replied: 'Replied',
  opted_out: 'Opted out',
  never_texted: 'Never texted',
};

export function LeadsTable() {
  const url = useUrlState();
  const [creating, setCreating] = React.useState(false);
  const rawStatus = url.get('status') as LeadStatus | undefined;
  const status = rawStatus && LEAD_STATUSES.includes(rawStatus) ? rawStatus : undefined;
  const strategyId = url.getNumber('strategyId');
  const ownerId = url.getNumber('ownerId');
  const rawSms = url.get('sms') as LeadSmsFilter | undefined;
  const sms = rawSms && LEAD_SMS_FILTERS.includes(rawSms) ? rawSms : undefined;
  const { page, limit } = url.getPage();
  const search = url.get('search');
  const filter: LeadFilter = { status, strategyId, ownerId, sms, search };
  const query = useLeads({ page, limit, ...filter });
  const strategies = useStrategies();
  const users = useUsers();
  const [texting, setTexting] = React.useState(false);
  const filtered = !!(status || strategyId || ownerId || sms || search);
  const strategyName = (id: number | null) => strategies.data?.items.find((s) => s.id === id)?.name;

  return (
    <div className="grid grid-cols-1 gap-4">
      <ListToolbar
        searchLabel="Search leads"
        newLabel="New lead"
        onNew={() => setCreating(true)}
        actions={
          <Button
            variant="outline"
            onClick={() => setTexting(true)}
            disabled={!query.data?.total}
            title="Start a campaign to every lead this filter matches"
          >
            <MessageSquare /> Text these leads
          </Button>
        }
      >
        <LeadStatusSelect
          value={status ?? ''}
          onChange={(v) => url.set({ status: v || null })}
          emptyLabel="Any status"
          className="sm:w-40"
          aria-label="Status"
        />
        <StrategySelect
          value={strategyId ? String(strategyId) : ''}
          onChange={(v) => url.set({ strategyId: v || null })}
          emptyLabel="Any strategy"
          className="sm:w-48"
          aria-label="Strategy"
        />
        <Select
          value={ownerId ? String(ownerId) : 'all'}
          onValueChange={(v) => url.set({ ownerId: v === 'all' ? null : v })}
        >
          <SelectTrigger className="sm:w-40" aria-label="Owner">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">Any owner</SelectItem>
            {(users.data?.items ?? []).map((u) => (
              <SelectItem key={u.id} value={String(u.id)}>
                {u.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={sms ?? 'all'} onValueChange={(v) => url.set({ sms: v === 'all' ? null : v })}>
          <SelectTrigger className="sm:w-40" aria-label="SMS">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">Any SMS</SelectItem>
            {LEAD_SMS_FILTERS.map((f) => (
              <SelectItem key={f} value={f}>
                {SMS_FILTER_LABELS[f]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </ListToolbar>
      <DataTable
        data-testid="leads-table"
        columns={['Name', 'Phone', 'Email', 'Status', 'Strategy', 'Last SMS', 'Created']}
        query={query}
        items={query.data?.items ?? []}
        empty={
          <EmptyState
            title={filtered ? 'No leads match' : 'No leads yet'}
            description={filtered ? 'Change or clear the filters.' : 'Add a lead to text it from here.'}
          />
        }
      >
        {(l) => (
          <TableRow key={l.id}>
            <TableCell className="font-medium">
              <Link href={`/admin/leads/${l.id}`} className="underline-offset-4 hover:underline">
                {l.name}
              </Link>
              {l.company && <span className="block text-xs text-muted-foreground">{l.company}</span>}
            </TableCell>
            <TableCell>{formatPhone(l.phone)}</TableCell>
            <TableCell className="max-w-56 truncate">{l.email ?? '—'}</TableCell>
            <TableCell>
              <LeadStatusBadge status={l.status} />
            </TableCell>
            <TableCell>{strategyName(l.strategyId) ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell>
              <LastSms lead={l} />
            </TableCell>
            <TableCell className="text-muted-foreground">{formatDate(l.createdAt)}</TableCell>
          </TableRow>
        )}
      </DataTable>
      <UrlPagination total={query.data?.total} />
      <LeadFormDialog lead={null} open={creating} onOpenChange={setCreating} />
      <TextLeadsDialog filter={filter} open={texting} onOpenChange={setTexting} />
    </div>
  );
}

function LastSms({ lead }: { lead: LeadListItem }) {
  if (lead.optedOut) {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-destructive">
        <Ban className="size-3.5" /> Opted out
      </span>
    );
  }
  const m = lead.lastSms;
  if (!m) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="grid gap-0.5" title={m.preview}>
      <span className="flex items-center gap-2">
        {m.direction === 'inbound' ? (
          <span className="text-xs font-medium">Replied</span>
        ) : (
          <SmsStatusBadge status={m.status} reason={m.statusReason} />
        )}
      </span>
      <span className="text-xs text-muted-foreground">{formatShortDateTime(m.createdAt)}</span>
    </span>
  );
}
