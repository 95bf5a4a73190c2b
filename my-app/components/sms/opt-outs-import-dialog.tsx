'use client';

import * as React from 'react';
import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { CsvDropzone } from '@/components/sms/csv-dropzone';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Progress } from '@/components/ui/progress';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useImportOptOuts } from '@/lib/queries/sms';
import type { OptOutImportReport } from '@/types/sms';

const SHOWN_REJECTIONS = 100;

/** Uploads a CSV of numbers to the opt-out list, then shows what was added and what was refused. */
export function OptOutsImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const importCsv = useImportOptOuts();
  const [file, setFile] = React.useState<File | null>(null);
  const [progress, setProgress] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const [report, setReport] = React.useState<OptOutImportReport | null>(null);
  const busy = importCsv.isPending;

  React.useEffect(() => {
    if (open) {
      setFile(null);
      setError(null);
      setReport(null);
      setProgress(0);
    }
  }, [open]);

  const submit = async () => {
    if (!file) return;
    setError(null);
    try {
      const result = await importCsv.mutateAsync({ file, onProgress: setProgress });
      setReport(result);
      toast.success(`${formatNumber(result.counts.added)} number${result.counts.added === 1 ? '' : 's'} added`);
    } catch (e) {
      const fileError = e instanceof ApiError ? e.details?.find((d) => d.field === 'file') : undefined;
      setError(fileError?.message ?? errorMessage(e));
    }
  };

  return (
    <Dialog open={open} onOpenChange={(o) => !busy && onOpenChange(o)}>
      <DialogContent className="sm:max-w-2xl" data-testid="opt-out-import-dialog">
        <DialogHeader>
          <DialogTitle>Import opt-outs</DialogTitle>
          <DialogDescription>
            A CSV with a phone number column (same format rules as bulk upload). Numbers already on the list are
            counted, not duplicated.
          </DialogDescription>
        </DialogHeader>
        {report ? (
          <OptOutsImportReport report={report} />
        ) : (
          <div className="grid grid-cols-1 gap-3">
            <CsvDropzone
              file={file}
              onFile={(f) => {
                setFile(f);
                setError(null);
              }}
              onClear={() => setFile(null)}
              disabled={busy}
            />
            {busy && <Progress value={Math.round(progress * 100)} aria-label="Upload progress" />}
            {error && (
              <p role="alert" className="text-sm text-destructive" data-testid="opt-out-import-error">
                {error}
              </p>
            )}
          </div>
        )}
        <DialogFooter>
          {report ? (
            <Button onClick={() => onOpenChange(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => onOpenChange(false)} disabled={busy}>
                Cancel
              </Button>
              <Button onClick={submit} disabled={!file || busy} data-testid="opt-out-import-submit">
                {busy && <Loader2 className="animate-spin" />}
                Import
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function OptOutsImportReport({ report }: { report: OptOutImportReport }) {
  const { counts, rejections } = report;
  const cells = [
    { label: 'Rows', value: counts.rows, key: 'rows' },
    { label: 'Added', value: counts.added, key: 'added' },
    { label: 'Already opted out', value: counts.alreadyOptedOut, key: 'alreadyOptedOut' },
    { label: 'Invalid', value: counts.invalid, key: 'invalid' },
  ];
  return (
    <div className="grid grid-cols-1 gap-4" data-testid="opt-out-import-report">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {cells.map((c) => (
          <div key={c.key} className="rounded-lg border px-3 py-2">
            <dt className="text-xs text-muted-foreground">{c.label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`import-count-${c.key}`}>
              {formatNumber(c.value)}
            </dd>
          </div>
        ))}
      </dl>
      {rejections.length > 0 && (
        <div className="grid grid-cols-1 gap-2">
          <p className="text-sm font-medium">
            Refused rows{rejections.length > SHOWN_REJECTIONS && ` (first ${SHOWN_REJECTIONS} of ${rejections.length})`}
          </p>
          <div className="max-h-64 overflow-auto rounded-lg border">
            <Table data-testid="opt-out-import-rejections">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16 text-right">Row</TableHead>
                  <TableHead>Value</TableHead>
                  <TableHead>Why</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rejections.slice(0, SHOWN_REJECTIONS).map((r) => (
                  <TableRow key={`${r.row}-${r.value}`}>
                    <TableCell className="text-right tabular-nums">{r.row}</TableCell>
                    <TableCell className="max-w-48 truncate font-mono text-xs" title={r.value}>
                      {r.value || <span className="text-muted-foreground">(empty)</span>}
                    </TableCell>
                    <TableCell className="whitespace-normal">{r.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
    </div>
  );
}
