'use client';

import * as React from 'react';
import { previewCsv, readFileHead, type CsvPreview } from '@/lib/sms/csv-preview';

/** The CSV source of a campaign: the chosen file, its preview, what is wrong with it, and the upload's progress. */
export function useCsvSource() {
  const [file, setFile] = React.useState<File | null>(null);
  const [preview, setPreview] = React.useState<CsvPreview | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [uploadProgress, setUploadProgress] = React.useState<number | null>(null);

  const choose = async (f: File) => {
    setFile(f);
    setError(null);
    try {
      const head = await readFileHead(f);
      const p = previewCsv(head.text, { truncated: head.truncated });
      setPreview(p);
      if (!p.phoneColumn)
        setError('No column looks like phone numbers. Name it “phone”, or use Bulk SMS to choose it.');
    } catch {
      setError('The file could not be read.');
    }
  };

  const clear = () => {
    setFile(null);
    setPreview(null);
    setError(null);
  };

  return { file, preview, error, setError, uploadProgress, setUploadProgress, choose, clear };
}

export type CsvSource = ReturnType<typeof useCsvSource>;
