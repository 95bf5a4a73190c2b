'use client';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CsvPreview } from '@/lib/sms/csv-preview';
import { cn } from '@/lib/utils';

/** The first rows of the file as read in the browser, with the phone column highlighted. */
export function CsvPreviewTable({ preview, phoneColumn }: { preview: CsvPreview; phoneColumn: string | null }) {
  const phoneIdx = phoneColumn ? preview.headers.indexOf(phoneColumn) : -1;
  return (
    <div className="rounded-lg border" data-testid="csv-preview">
      <Table>
        <TableHeader>
          <TableRow>
            {preview.headers.map((h, i) => (
              <TableHead key={`${h}-${i}`} className={cn(i === phoneIdx && 'bg-primary/10 text-primary')}>
                {h}
                {i === phoneIdx && <span className="ml-1 text-xs">(phone)</span>}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row, r) => (
            <TableRow key={r}>
              {preview.headers.map((_, i) => (
                <TableCell key={i} className={cn('max-w-48 truncate', i === phoneIdx && 'bg-primary/5 font-medium')}>
                  {row[i] ?? ''}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="border-t px-3 py-2 text-xs text-muted-foreground">
        First {preview.rows.length} rows, read in your browser{preview.headerless ? '; the file has no header row' : ''}
        . The server checks every row.
      </p>
    </div>
  );
}
