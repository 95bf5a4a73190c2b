'use client';

import { CardsSkeleton, ErrorState, TableMessageRow } from '@/components/common/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatCost, formatNumber, formatPercent } from '@/lib/format';
import type { UseQueryResult } from '@tanstack/react-query';
import type { UsageReport, UsageTotals } from '@/types/reports';
import { UsageChart } from './usage-chart';

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function UsageSection({ query }: { query: UseQueryResult<UsageReport> }) {
  const report = query.data;
  return (
    <section className="grid grid-cols-1 gap-4" aria-labelledby="usage-heading">
      <div>
        <h2 id="usage-heading" className="text-lg font-semibold">
          Usage
        </h2>
        <p className="text-sm text-muted-foreground">
          {report
            ? `${report.from} to ${report.to}, per SubAccount and month (UTC). Cost in ${report.currency}.`
            : 'Per SubAccount and month (UTC).'}
        </p>
      </div>
      {query.isError ? (
        <ErrorState title="Could not load usage" error={query.error} onRetry={() => void query.refetch()} />
      ) : !report ? (
        <>
          <CardsSkeleton />
          <Skeleton className="h-72 w-full" />
        </>
      ) : (
        <>
          <UsageTotalsCards totals={report.totals} currency={report.currency} />
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Per month</CardTitle>
              <CardDescription>All SubAccounts in the report together.</CardDescription>
            </CardHeader>
            <CardContent>
              <UsageChart report={report} />
            </CardContent>
          </Card>
          <UsageTable report={report} />
        </>
      )}
    </section>
  );
}

function UsageTotalsCards({ totals, currency }: { totals: UsageTotals; currency: string }) {
  const cards = [
    { key: 'messages', title: 'Messages sent', value: formatNumber(totals.messages) },
    { key: 'rate', title: 'Delivery rate', value: formatPercent(totals.deliveryRate) },
    { key: 'failures', title: 'Failed + undelivered', value: formatNumber(totals.failed + totals.undelivered) },
    { key: 'segments', title: 'Segments', value: formatNumber(totals.segments) },
    { key: 'cost', title: 'Cost', value: formatCost(totals.cost, currency) },
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {cards.map((c) => (
        <Card key={c.key} data-testid={`usage-total-${c.key}`}>
          <CardHeader>
            <CardDescription>{c.title}</CardDescription>
            <CardTitle className="text-2xl tabular-nums">{c.value}</CardTitle>
          </CardHeader>
        </Card>
      ))}
    </div>
  );
}

function UsageTable({ report }: { report: UsageReport }) {
  const columns = 8;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>By SubAccount and month</CardTitle>
        <CardDescription>Delivery rate is delivered of sent, as on the dashboard.</CardDescription>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Month</TableHead>
              <TableHead>SubAccount</TableHead>
              <TableHead className="text-right">Messages</TableHead>
              <TableHead className="text-right">Delivered</TableHead>
              <TableHead className="text-right">Failed / undelivered</TableHead>
              <TableHead className="text-right">Segments</TableHead>
              <TableHead className="text-right">Cost</TableHead>
              <TableHead className="text-right">Delivery rate</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.rows.length === 0 ? (
              <TableMessageRow columns={columns}>
                <p className="py-6 text-center text-sm text-muted-foreground">No messages in this period.</p>
              </TableMessageRow>
            ) : (
              report.rows.map((r) => (
                <TableRow key={`${r.month}-${r.subAccountId}`} data-testid="usage-row">
                  <TableCell>{monthName(r.month)}</TableCell>
                  <TableCell>{r.subAccountName}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(r.messages)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(r.delivered)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatNumber(r.failed)} / {formatNumber(r.undelivered)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(r.segments)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCost(r.cost, report.currency)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatPercent(r.deliveryRate)}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
