'use client';

import * as React from 'react';
import Link from 'next/link';
import { Download, FilterX, Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { CursorPagination, SEARCH_TOTAL_EXACT_UP_TO } from '@/components/common/cursor-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { MessageDetailSheet } from '@/components/sms/message-detail-sheet';
import { SMS_STATUS_LABELS, SmsStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { errorMessage, saveBlob, smsApi } from '@/lib/api-client';
import { formatMessagePrice, formatDateTime, formatPhone, formatShortDateTime, truncate } from '@/lib/format';
import { useCampaigns, useMessageWaits, useMessages } from '@/lib/queries/sms';
import { DateRangeInputs } from '@/components/common/date-range-inputs';
import type { CursorParams } from '@/lib/queries/keys';
import { useUrlState } from '@/lib/use-url-state';
import { SMS_STATUSES, type MessageHistoryParams, type SmsDirection, type SmsStatus } from '@/types/sms';

const ALL = 'all';
const COLUMNS = 7;

/** A YYYY-MM-DD from a date input as the start of that day in the browser's zone, in ISO. */
function dayStart(day: string | undefined, addDays = 0): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/** Reads the history filters from the URL. */
export function useHistoryFilters() {
  const url = useUrlState();
  const status = url.get('status') as SmsStatus | undefined;
  const direction = url.get('direction') as SmsDirection | undefined;
  const filters: MessageHistoryParams & CursorParams = {
    limit: url.getCursorPage().limit,
    cursor: url.getCursorPage().cursor,
    search: url.get('search'),
    status: status && SMS_STATUSES.includes(status) ? status : undefined,
    direction: direction === 'inbound' || direction === 'outbound' ? direction : undefined,
    campaignId: url.getNumber('campaignId'),
    from: dayStart(url.get('from')),
    to: dayStart(url.get('to'), 1),
  };
  return { url, filters };
}

export function SmsHistoryTable() {
  const { url, filters } = useHistoryFilters();
  const query = useMessages(filters, { refetchInterval: 10_000 });
  const campaigns = useCampaigns({ limit: 100 });
  const [exporting, setExporting] = React.useState(false);
  const openId = url.getNumber('message') ?? null;
  const hasFilters = ['status', 'direction', 'campaignId', 'from', 'to', 'search'].some((k) => url.get(k));

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { page: _page, limit: _limit, cursor: _cursor, ...rest } = filters;
      const { blob, filename } = await smsApi.exportMessages(rest);
      saveBlob(blob, filename ?? `sms-history-${new Date().toISOString().slice(0, 10)}.csv`);
      toast.success('Export downloaded');
    } catch (e) {
      toast.error(`Export failed: ${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };

  const items = query.data?.items ?? [];
  const waits = useMessageWaits(items);

  return (
    <div className="grid grid-cols-1 gap-4">
      <Card className="py-4">
        <CardContent className="grid grid-cols-1 gap-3 px-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
          <div className="grid grid-cols-1 gap-1.5">
            <Label htmlFor="history-search">Search</Label>
            <SearchInput
              id="history-search"
              value={url.get('search') ?? ''}
              onChange={(search) => url.set({ search })}
              placeholder="Phone number or text…"
              className="sm:w-full"
              label="Search messages"
            />
          </div>
          <FilterSelect
            label="Status"
            value={filters.status ?? ALL}
            onChange={(v) => url.set({ status: v === ALL ? null : v })}
            options={[
              { value: ALL, label: 'All statuses' },
              ...SMS_STATUSES.map((s) => ({ value: s, label: SMS_STATUS_LABELS[s] })),
            ]}
          />
          <FilterSelect
            label="Direction"
            value={filters.direction ?? ALL}
            onChange={(v) => url.set({ direction: v === ALL ? null : v })}
            options={[
              { value: ALL, label: 'Both directions' },
              { value: 'outbound', label: 'Outbound' },
              { value: 'inbound', label: 'Inbound' },
            ]}
          />
          <FilterSelect
            label="Campaign"
            value={filters.campaignId ? String(filters.campaignId) : ALL}
            onChange={(v) => url.set({ campaignId: v === ALL ? null : v })}
            options={[
              { value: ALL, label: 'Any campaign' },
              ...(filters.campaignId && !campaigns.data?.items.some((c) => c.id === filters.campaignId)
                ? [{ value: String(filters.campaignId), label: `Campaign #${filters.campaignId}` }]
                : []),
              ...(campaigns.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name })),
            ]}
          />
          <DateRangeInputs
            idPrefix="history"
            from={url.get('from')}
            to={url.get('to')}
            onChange={(change) => url.set(change)}
          />
        </CardContent>
      </Card>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          {hasFilters && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                url.set({ status: null, direction: null, campaignId: null, from: null, to: null, search: null })
              }
            >
              <FilterX /> Clear filters
            </Button>
          )}
          {query.isFetching && !query.isLoading && (
            <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Refreshing" />
          )}
        </div>
        <Button variant="outline" onClick={exportCsv} disabled={exporting} data-testid="export-csv">
          {exporting ? <Loader2 className="animate-spin" /> : <Download />}
          Export CSV
        </Button>
      </div>

      <Card className="py-0">
        <Table data-testid="history-table">
          <TableHeader>
            <TableRow>
              <TableHead>Date</TableHead>
              <TableHead>Number</TableHead>
              <TableHead>Message</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Segments</TableHead>
              <TableHead className="text-right">Price</TableHead>
              <TableHead>Campaign</TableHead>
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
                  title={hasFilters ? 'No messages match these filters' : 'No messages yet'}
                  description={
                    hasFilters ? 'Change or clear the filters.' : 'Messages you send and receive appear here.'
                  }
                />
              }
            >
              {(m) => (
                <TableRow
                  key={m.id}
                  className="cursor-pointer"
                  data-testid="history-row"
                  data-message-id={m.id}
                  onClick={() => url.set({ message: m.id }, { resetPage: false })}
                >
                  <TableCell>
                    <button
                      type="button"
                      className="rounded-sm text-left underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                      onClick={(e) => {
                        e.stopPropagation();
                        url.set({ message: m.id }, { resetPage: false });
                      }}
                      aria-label={`${formatShortDateTime(m.createdAt)}: open message ${m.id}`}
                      title={formatDateTime(m.createdAt)}
                    >
                      {formatShortDateTime(m.createdAt)}
                    </button>
                  </TableCell>
                  <TableCell>
                    <span className="text-xs text-muted-foreground">{m.direction === 'inbound' ? 'from ' : 'to '}</span>
                    {formatPhone(m.phoneNumber)}
                  </TableCell>
                  <TableCell className="max-w-72 truncate" title={m.message}>
                    {truncate(m.message, 60)}
                  </TableCell>
                  <TableCell>
                    <SmsStatusBadge
                      status={m.status}
                      reason={m.statusReason}
                      notBefore={m.notBefore}
                      wait={waits.get(m.id)}
                    />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{m.segments ?? '—'}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMessagePrice(m)}</TableCell>
                  <TableCell>
                    {m.campaignId ? (
                      <Link
                        href={`/admin/sms/campaigns/${m.campaignId}`}
                        onClick={(e) => e.stopPropagation()}
                        className="text-primary underline-offset-4 hover:underline"
                      >
                        #{m.campaignId}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {query.data && (
        <CursorPagination
          url={url}
          data={query.data}
          limit={filters.limit!}
          exactUpTo={filters.search ? SEARCH_TOTAL_EXACT_UP_TO : undefined}
        />
      )}
      <MessageDetailSheet id={openId} onClose={() => url.set({ message: null }, { resetPage: false })} />
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = React.useId();
  return (
    <div className="grid grid-cols-1 gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger id={id} aria-label={label}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
