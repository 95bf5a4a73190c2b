'use client';

import { CsvDropzone } from '@/components/sms/csv-dropzone';
import { CsvPreviewTable } from '@/components/sms/csv-preview-table';
import { Progress } from '@/components/ui/progress';
import type { CsvSource } from './use-csv-source';

/** The "CSV file" source: the drop zone, what is wrong with the file, its first rows and the upload's progress. */
export function CsvSourceFields({ csv, disabled }: { csv: CsvSource; disabled: boolean }) {
  return (
    <>
      <CsvDropzone file={csv.file} onFile={(f) => void csv.choose(f)} onClear={csv.clear} disabled={disabled} />
      {csv.error && (
        <p role="alert" className="text-sm text-destructive">
          {csv.error}
        </p>
      )}
      {csv.preview && <CsvPreviewTable preview={csv.preview} phoneColumn={csv.preview.phoneColumn} />}
      {csv.uploadProgress !== null && (
        <div className="grid grid-cols-1 gap-1">
          <p className="text-sm">Uploading… {Math.round(csv.uploadProgress * 100)}%</p>
          <Progress value={csv.uploadProgress * 100} aria-label="Upload progress" />
        </div>
      )}
    </>
  );
}
