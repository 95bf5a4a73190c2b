'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState, TableMessageRow } from '@/components/common/states';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatNumber } from '@/lib/format';
import type { FailureReport } from '@/types/reports';
import { FailuresByDayChart } from './failures-by-day-chart';

export function FailureSection({
  query,
  showSubAccount,
}: {
  query: UseQueryResult<FailureReport>;
  showSubAccount: boolean;
}) {
  const report = query.data;
  return (
    <section className="grid grid-cols-1 gap-4" aria-labelledby="failures-heading">
      <div>
        <h2 id="failures-heading" className="text-lg font-semibold">
          Failures
        </h2>
        <p className="text-sm text-muted-foreground">
          {report
            ? `${report.from} to ${report.to} (UTC): ${formatNumber(report.totals.failed)} failed, ${formatNumber(report.totals.undelivered)} undelivered.`
            : 'Failed and undelivered messages by error code, campaign and day.'}
        </p>
      </div>
      {query.isError ? (
        <ErrorState title="Could not load failures" error={query.error} onRetry={() => void query.refetch()} />
      ) : !report ? (
        <Skeleton className="h-64 w-full" />
      ) : (
        <>
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>By day</CardTitle>
            </CardHeader>
            <CardContent>
              <FailuresByDayChart report={report} />
            </CardContent>
          </Card>
          <ByCodeTable report={report} />
          <ByCampaignTable report={report} showSubAccount={showSubAccount} />
        </>
      )}
    </section>
  );
}

function Counts({ failed, undelivered }: { failed: number; undelivered: number }) {
  return (
    <>
      <TableCell className="text-right tabular-nums">{formatNumber(failed)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatNumber(undelivered)}</TableCell>
    </>
  );
}

function ByCodeTable({ report }: { report: FailureReport }) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>By error code</CardTitle>
        <CardDescription>What Twilio&apos;s code means and what to do about it.</CardDescription>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Code</TableHead>
              <TableHead className="text-right">Failed</TableHead>
              <TableHead className="text-right">Undelivered</TableHead>
              <TableHead>Meaning</TableHead>
              <TableHead>What to do</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.byCode.length === 0 ? (
              <TableMessageRow columns={5}>
                <p className="py-6 text-center text-sm text-muted-foreground">No failures in this period.</p>
              </TableMessageRow>
            ) : (
              report.byCode.map((c) => (
                <TableRow key={c.errorCode ?? 'none'} data-testid="failure-code-row">
                  <TableCell className="align-top">
                    <div className="font-medium">
                      {c.docsUrl ? (
                        <a
                          href={c.docsUrl}
                          target="_blank"
                          rel="noreferrer"
                          className="underline-offset-2 hover:underline"
                        >
                          {c.errorCode}
                        </a>
                      ) : (
                        '—'
                      )}
                    </div>
                    <div className="text-xs text-muted-foreground">{c.title}</div>
                    {!c.known && c.errorCode !== null && (
                      <Badge variant="outline" className="mt-1">
                        Unknown code
                      </Badge>
                    )}
                  </TableCell>
                  <Counts failed={c.failed} undelivered={c.undelivered} />
                  <TableCell className="max-w-80 align-top text-sm whitespace-normal">{c.meaning}</TableCell>
                  <TableCell className="max-w-80 align-top text-sm whitespace-normal">{c.action}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function ByCampaignTable({ report, showSubAccount }: { report: FailureReport; showSubAccount: boolean }) {
  const columns = showSubAccount ? 5 : 4;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>By campaign</CardTitle>
        <CardDescription>Single sends are grouped together.</CardDescription>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Campaign</TableHead>
              {showSubAccount && <TableHead>SubAccount</TableHead>}
              <TableHead className="text-right">Failed</TableHead>
              <TableHead className="text-right">Undelivered</TableHead>
              <TableHead className="text-right">Total</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.byCampaign.length === 0 ? (
              <TableMessageRow columns={columns}>
                <p className="py-6 text-center text-sm text-muted-foreground">No failures in this period.</p>
              </TableMessageRow>
            ) : (
              report.byCampaign.map((c) => (
                <TableRow key={`${c.subAccountId}-${c.campaignId ?? 'single'}`} data-testid="failure-campaign-row">
                  <TableCell>{c.campaignName}</TableCell>
                  {showSubAccount && <TableCell>{c.subAccountName}</TableCell>}
                  <Counts failed={c.failed} undelivered={c.undelivered} />
                  <TableCell className="text-right font-medium tabular-nums">{formatNumber(c.total)}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
