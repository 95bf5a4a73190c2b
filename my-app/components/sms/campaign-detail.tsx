'use client';

import * as React from 'react';
import Link from 'next/link';
import { ArrowLeft, Download, Loader2, TriangleAlert } from 'lucide-react';
import { toast } from 'sonner';
import { useOptionalSession } from '@/components/auth/session-provider';
import { CursorPagination } from '@/components/common/cursor-pagination';
import { PageHeader } from '@/components/common/page-header';
import { EmptyState, ErrorState, QueryTableRows } from '@/components/common/states';
import { CampaignActions } from '@/components/sms/campaign-actions';
import { CampaignBreakdownChart } from '@/components/sms/campaign-breakdown-chart';
import { CampaignEditDialog } from '@/components/sms/campaign-edit-dialog';
import { CampaignProgress, LiveIndicator } from '@/components/sms/campaign-progress';
import { MessageDetailSheet } from '@/components/sms/message-detail-sheet';
import { CampaignStatusBadge, SMS_STATUS_LABELS, SmsStatusBadge } from '@/components/sms/status-badges';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApiError, errorMessage, saveBlob, smsApi } from '@/lib/api-client';
import { formatMessagePrice, formatDateTime, formatNumber, formatPhone, truncate } from '@/lib/format';
import { isCampaignActive, useCampaign, useCampaignMessages } from '@/lib/queries/sms';
import { useCampaignEvents } from '@/lib/queries/use-campaign-events';
import { useUrlState } from '@/lib/use-url-state';
import { SMS_STATUSES, type SmsCampaign, type SmsStatus } from '@/types/sms';

export function CampaignDetail({ id }: { id: number }) {
  const query = useCampaign(id);
  const campaign = query.data;
  const stream = useCampaignEvents(id, isCampaignActive(campaign));
  const timeZone = useOptionalSession()?.subAccount?.timeZone;

  if (query.isLoading) {
    return (
      <div className="grid grid-cols-1 gap-6" aria-busy="true">
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (query.isError || !campaign) {
    const notFound = query.error instanceof ApiError && query.error.statusCode === 404;
    return (
      <div className="grid grid-cols-1 gap-4">
        <BackLink />
        {notFound ? (
          <EmptyState
            title="Campaign not found"
            description="It may have been deleted, or it belongs to another SubAccount."
          />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }

  const editable = campaign.status === 'draft' || campaign.status === 'scheduled';
  return (
    <div className="grid grid-cols-1 gap-6">
      <BackLink />
      <PageHeader
        title={campaign.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="campaign-status">
              <CampaignStatusBadge status={campaign.status} />
            </span>
            <LiveIndicator state={stream} />
            <span>Created {formatDateTime(campaign.createdAt, timeZone)}</span>
          </span>
        }
        actions={
          <>
            {editable && <CampaignEditDialog campaign={campaign} />}
            <CampaignActions campaign={campaign} />
          </>
        }
      />

      {campaign.statusReason && (
        <Alert variant={campaign.status === 'failed' ? 'destructive' : 'warning'} data-testid="campaign-status-reason">
          <TriangleAlert />
          <AlertTitle>{campaign.status === 'failed' ? 'The campaign failed' : 'Note from the sender'}</AlertTitle>
          <AlertDescription>{campaign.statusReason}</AlertDescription>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Delivery</CardTitle>
            <CardDescription data-testid="campaign-timing">{describeTiming(campaign, timeZone)}</CardDescription>
          </CardHeader>
          <CardContent>
            <CampaignProgress campaign={campaign} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recipients by status</CardTitle>
          </CardHeader>
          <CardContent>
            <CampaignBreakdownChart campaign={campaign} />
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Message</CardTitle>
          <CardDescription>The template; each recipient gets it with their own variables filled in.</CardDescription>
          {campaign.rejectedCount > 0 && (
            <CardAction>
              <RejectionsDownload id={campaign.id} count={campaign.rejectedCount} />
            </CardAction>
          )}
        </CardHeader>
        <CardContent>
          <p className="rounded-lg bg-muted px-3 py-2 text-sm whitespace-pre-wrap">{campaign.message}</p>
        </CardContent>
      </Card>

      <CampaignMessages campaign={campaign} />
    </div>
  );
}

function BackLink() {
  return (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link href="/admin/sms/campaigns">
        <ArrowLeft /> Campaigns
      </Link>
    </Button>
  );
}

function describeTiming(c: SmsCampaign, timeZone: string | undefined): string {
  const zone = timeZone ? ` (${timeZone.replace(/_/g, ' ')})` : '';
  if (c.completedAt) return `Finished ${formatDateTime(c.completedAt, timeZone)}.`;
  if (c.startedAt) return `Started ${formatDateTime(c.startedAt, timeZone)}.`;
  if (c.scheduledAt) return `Scheduled for ${formatDateTime(c.scheduledAt, timeZone)}${zone}.`;
  return 'Not started.';
}

function RejectionsDownload({ id, count }: { id: number; count: number }) {
  const [busy, setBusy] = React.useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await smsApi.downloadRejections(id);
      saveBlob(blob, filename ?? `campaign-${id}-rejections.csv`);
    } catch (e) {
      toast.error(`Could not download rejections: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outline" size="sm" onClick={download} disabled={busy}>
      {busy ? <Loader2 className="animate-spin" /> : <Download />} {formatNumber(count)} rejected rows (CSV)
    </Button>
  );
}

const COLUMNS = 6;

function CampaignMessages({ campaign }: { campaign: SmsCampaign }) {
  const url = useUrlState();
  const raw = url.get('status') as SmsStatus | undefined;
  const status = raw && SMS_STATUSES.includes(raw) ? raw : undefined;
  const { limit, cursor } = url.getCursorPage();
  const query = useCampaignMessages(campaign.id, { limit, cursor, status }, campaign.status === 'sending');
  const items = query.data?.items ?? [];
  const openId = url.getNumber('message') ?? null;

  return (
    <Card className="pb-3">
      <CardHeader>
        <CardTitle>Messages</CardTitle>
        <CardAction>
          <Select value={status ?? 'all'} onValueChange={(v) => url.set({ status: v === 'all' ? null : v })}>
            <SelectTrigger size="sm" className="w-40" aria-label="Message status">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">All statuses</SelectItem>
              {SMS_STATUSES.filter((s) => s !== 'received').map((s) => (
                <SelectItem key={s} value={s}>
                  {SMS_STATUS_LABELS[s]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </CardAction>
      </CardHeader>
      <CardContent className="px-0">
        <Table data-testid="campaign-messages-table">
          <TableHeader>
            <TableRow>
              <TableHead className="pl-5">To</TableHead>
              <TableHead>Message</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Segments</TableHead>
              <TableHead className="text-right">Price</TableHead>
              <TableHead>Error</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <QueryTableRows
              query={query}
              columns={COLUMNS}
              items={items}
              empty={<EmptyState title={status ? 'No messages with this status' : 'No messages in this campaign'} />}
            >
              {(m) => (
                <TableRow
                  key={m.id}
                  className="cursor-pointer"
                  onClick={() => url.set({ message: m.id }, { resetPage: false })}
                >
                  <TableCell className="pl-5">
                    <button
                      type="button"
                      className="rounded-sm underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                      onClick={(e) => {
                        e.stopPropagation();
                        url.set({ message: m.id }, { resetPage: false });
                      }}
                    >
                      {formatPhone(m.phoneNumber)}
                    </button>
                  </TableCell>
                  <TableCell className="max-w-72 truncate" title={m.message}>
                    {truncate(m.message, 60)}
                  </TableCell>
                  <TableCell>
                    <SmsStatusBadge status={m.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{m.segments ?? '—'}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMessagePrice(m)}</TableCell>
                  <TableCell className="max-w-56 truncate text-destructive" title={m.errorMessage ?? undefined}>
                    {m.errorCode ? `${m.errorCode} ` : ''}
                    {m.errorMessage ?? ''}
                  </TableCell>
                </TableRow>
              )}
            </QueryTableRows>
          </TableBody>
        </Table>
        {query.data && (
          <div className="px-5">
            <CursorPagination url={url} data={query.data} limit={limit} />
          </div>
        )}
      </CardContent>
      <MessageDetailSheet id={openId} onClose={() => url.set({ message: null }, { resetPage: false })} />
    </Card>
  );
}
