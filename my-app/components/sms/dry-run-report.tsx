'use client';

import * as React from 'react';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatCost, formatNumber, formatPhone } from '@/lib/format';
import type { BulkSmsResult } from '@/types/sms';
import { cn } from '@/lib/utils';

/** The API's rejection codes (shared/sms/campaigns), as a person reads them. */
export const REJECTION_REASONS: Record<string, string> = {
  invalid: 'Invalid number',
  invalid_phone: 'Invalid number',
  spreadsheet_mangled: 'Number mangled by a spreadsheet (e.g. 4.15555E+10)',
  duplicate: 'Duplicate',
  opted_out: 'Opted out',
  optedOut: 'Opted out',
  missing_variable: 'Missing variable',
  missingVariable: 'Missing variable',
  mangled: 'Spreadsheet-mangled number',
};

/** What the server found in the file: counts, estimated cost, rejected rows and rendered samples. */
export function DryRunReport({ result }: { result: BulkSmsResult }) {
  const [shown, setShown] = React.useState(25);
  const c = result.counts;
  const tiles = [
    { key: 'rows', label: 'Rows', value: c.rows },
    { key: 'valid', label: 'Valid', value: c.valid, tone: 'text-emerald-700' },
    { key: 'invalid', label: 'Invalid', value: c.invalid, tone: c.invalid ? 'text-red-700' : undefined },
    { key: 'duplicate', label: 'Duplicates', value: c.duplicate, tone: c.duplicate ? 'text-amber-700' : undefined },
    { key: 'optedOut', label: 'Opted out', value: c.optedOut, tone: c.optedOut ? 'text-amber-700' : undefined },
    {
      key: 'missingVariable',
      label: 'Missing variable',
      value: c.missingVariable,
      tone: c.missingVariable ? 'text-red-700' : undefined,
    },
  ];
  const rejectedTotal = c.invalid + c.duplicate + c.optedOut + c.missingVariable;
  return (
    <div className="grid grid-cols-1 gap-5" data-testid="dry-run-report">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map((t) => (
          <div key={t.key} className="rounded-lg border px-3 py-2" data-testid={`count-${t.key}`}>
            <dt className="text-xs text-muted-foreground">{t.label}</dt>
            <dd className={cn('text-xl font-semibold tabular-nums', t.tone)}>{formatNumber(t.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm">
        <span className="font-medium">{formatNumber(c.valid)}</span> messages ·{' '}
        <span className="font-medium">{formatNumber(result.estimatedSegments)}</span> segments · estimated{' '}
        <span className="font-medium">{formatCost(result.estimatedCost)}</span>
        {result.phoneColumn && <span className="text-muted-foreground"> · phone column “{result.phoneColumn}”</span>}
      </p>

      {result.rejections.length > 0 && (
        <section className="grid grid-cols-1 gap-2" aria-labelledby="rejections-title">
          <h3 id="rejections-title" className="text-sm font-semibold">
            Rejected rows ({formatNumber(rejectedTotal)})
          </h3>
          <div className="rounded-lg border">
            <Table data-testid="rejections-table">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16">Row</TableHead>
                  <TableHead>Value</TableHead>
                  <TableHead>Reason</TableHead>
                  <TableHead>Details</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.rejections.slice(0, shown).map((r, i) => (
                  <TableRow key={`${r.row}-${i}`} data-testid="rejection-row">
                    <TableCell className="tabular-nums">{r.row}</TableCell>
                    <TableCell className="max-w-48 truncate font-mono text-xs">{r.value || '(empty)'}</TableCell>
                    <TableCell>{REJECTION_REASONS[r.reason] ?? r.reason}</TableCell>
                    <TableCell className="max-w-80 truncate whitespace-normal text-muted-foreground">
                      {r.message}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <span>
              Showing {Math.min(shown, result.rejections.length)} of {formatNumber(result.rejections.length)}
              {rejectedTotal > result.rejections.length
                ? ` (the first ${result.rejections.length} of ${formatNumber(rejectedTotal)})`
                : ''}
            </span>
            {shown < result.rejections.length && (
              <Button variant="link" size="sm" className="h-auto p-0" onClick={() => setShown((n) => n + 100)}>
                Show more
              </Button>
            )}
          </div>
        </section>
      )}

      {result.preview.length > 0 && (
        <section className="grid grid-cols-1 gap-2" aria-labelledby="preview-title">
          <h3 id="preview-title" className="text-sm font-semibold">
            Messages as they will be sent
          </h3>
          <div className="rounded-lg border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16">Row</TableHead>
                  <TableHead>To</TableHead>
                  <TableHead>Message</TableHead>
                  <TableHead className="text-right">Segments</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.preview.slice(0, 10).map((p) => (
                  <TableRow key={p.row}>
                    <TableCell className="tabular-nums">{p.row}</TableCell>
                    <TableCell>{formatPhone(p.phoneNumber)}</TableCell>
                    <TableCell className="max-w-96 whitespace-normal">{p.message}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {p.segments} <span className="text-xs text-muted-foreground">{p.encoding}</span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}
    </div>
  );
}
