'use client';

import * as React from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { FileSpreadsheet, UploadCloud, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

export const MAX_UPLOAD_MB = 50;

function describeRejection(r: FileRejection): string {
  const code = r.errors[0]?.code;
  if (code === 'file-too-large') return `${r.file.name} is larger than ${MAX_UPLOAD_MB} MB.`;
  if (code === 'file-invalid-type') return `${r.file.name} is not a CSV file.`;
  return r.errors[0]?.message ?? `${r.file.name} cannot be used.`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Drag and drop (or pick) one CSV file. */
export function CsvDropzone({
  file,
  onFile,
  onClear,
  disabled,
}: {
  file: File | null;
  onFile: (file: File) => void;
  onClear: () => void;
  disabled?: boolean;
}) {
  const [error, setError] = React.useState<string | null>(null);
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    accept: { 'text/csv': ['.csv'], 'text/plain': ['.csv', '.txt'], 'application/vnd.ms-excel': ['.csv'] },
    maxFiles: 1,
    multiple: false,
    maxSize: MAX_UPLOAD_MB * 1024 * 1024,
    disabled,
    onDropAccepted: (files) => {
      setError(null);
      if (files[0]) onFile(files[0]);
    },
    onDropRejected: (rejections) =>
      setError(rejections[0] ? describeRejection(rejections[0]) : 'That file cannot be used.'),
  });

  if (file) {
    return (
      <div
        className="flex items-center justify-between gap-3 rounded-lg border bg-muted/40 px-4 py-3"
        data-testid="csv-file"
      >
        <span className="flex min-w-0 items-center gap-3">
          <FileSpreadsheet className="size-6 shrink-0 text-emerald-600" />
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium">{file.name}</span>
            <span className="block text-xs text-muted-foreground">{formatBytes(file.size)}</span>
          </span>
        </span>
        <Button variant="ghost" size="sm" onClick={onClear} disabled={disabled} aria-label="Remove file">
          <X /> Remove
        </Button>
      </div>
    );
  }

  return (
    <div className="grid grid-cols-1 gap-2">
      <div
        {...getRootProps({
          className: cn(
            'flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring',
            isDragActive ? 'border-primary bg-primary/5' : 'border-input hover:bg-muted/40',
            disabled && 'pointer-events-none opacity-50',
          ),
          'aria-label': 'Upload a CSV file',
        })}
        data-testid="csv-dropzone"
      >
        <input {...getInputProps()} data-testid="csv-input" />
        <UploadCloud className="size-8 text-muted-foreground" />
        <p className="text-sm font-medium">
          {isDragActive ? 'Drop the CSV here' : 'Drag a CSV here, or click to choose one'}
        </p>
        <p className="text-xs text-muted-foreground">
          One row per recipient with a phone column; other columns become variables. Up to {MAX_UPLOAD_MB} MB.
        </p>
      </div>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
