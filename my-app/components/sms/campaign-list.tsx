'use client';

import Link from 'next/link';
import { Plus, Upload } from 'lucide-react';
import { useOptionalSession } from '@/components/auth/session-provider';
import { CursorPagination } from '@/components/common/cursor-pagination';
import { SearchInput } from '@/components/common/search-input';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { CampaignProgressBar } from '@/components/sms/campaign-progress';
import { CAMPAIGN_STATUS_LABELS, CampaignStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useCampaigns } from '@/lib/queries/sms';
import { useUrlState } from '@/lib/use-url-state';
import { CAMPAIGN_STATUSES, type SmsCampaignStatus } from '@/types/sms';

const COLUMNS = 6;

export function CampaignList() {
  const url = useUrlState();
  const rawStatus = url.get('status') as SmsCampaignStatus | undefined;
  const status = rawStatus && CAMPAIGN_STATUSES.includes(rawStatus) ? rawStatus : undefined;
  const { limit, cursor } = url.getCursorPage();
  const search = url.get('search');
  const query = useCampaigns({ limit, cursor, status, search });
  const timeZone = useOptionalSession()?.subAccount?.timeZone;
  const items = query.data?.items ?? [];
  const filtered = !!(status || search);

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput
          value={search ?? ''}
          onChange={(v) => url.set({ search: v })}
          placeholder="Search campaigns…"
          label="Search campaigns"
        />
        <Select value={status ?? 'all'} onValueChange={(v) => url.set({ status: v === 'all' ? null : v })}>
          <SelectTrigger className="sm:w-48" aria-label="Status">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All statuses</SelectItem>
            {CAMPAIGN_STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {CAMPAIGN_STATUS_LABELS[s]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <Card className="py-0">
        <Table data-testid="campaigns-table">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="min-w-44">Progress</TableHead>
              <TableHead className="text-right">Recipients</TableHead>
              <TableHead className="text-right">Delivered / failed</TableHead>
              <TableHead>Scheduled / created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={COLUMNS}
              items={items}
              empty={
                <EmptyState
                  title={filtered ? 'No campaigns match' : 'No campaigns yet'}
                  description={
                    filtered
                      ? 'Change or clear the filters.'
                      : 'Text many people at once from a CSV or a list of numbers.'
                  }
                  action={
                    !filtered && (
                      <div className="flex gap-2">
                        <Button asChild size="sm">
                          <Link href="/admin/sms/campaigns/create">
                            <Plus /> New campaign
                          </Link>
                        </Button>
                        <Button asChild size="sm" variant="outline">
                          <Link href="/admin/sms/bulk">
                            <Upload /> Upload CSV
                          </Link>
                        </Button>
                      </div>
                    )
                  }
                />
              }
            >
              {(c) => (
                <TableRow key={c.id} data-testid="campaign-row">
                  <TableCell className="max-w-64 truncate font-medium">
                    <Link href={`/admin/sms/campaigns/${c.id}`} className="underline-offset-4 hover:underline">
                      {c.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <CampaignStatusBadge status={c.status} />
                  </TableCell>
                  <TableCell>
                    <CampaignProgressBar campaign={c} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(c.totalRecipients)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    <span className="text-emerald-700">{formatNumber(c.deliveredCount)}</span>
                    {' / '}
                    <span className={c.failedCount ? 'text-red-700' : undefined}>{formatNumber(c.failedCount)}</span>
                  </TableCell>
                  <TableCell className="text-muted-foreground">
                    {formatDateTime(c.scheduledAt ?? c.createdAt, timeZone)}
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
      </Card>
      {query.data && <CursorPagination url={url} data={query.data} limit={limit} />}
    </div>
  );
}
