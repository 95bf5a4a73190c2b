/**
 * Reads the head of a CSV in the browser, to preview rows and pick the phone column before upload.
 * The API parses the whole file; this only mirrors its rules closely enough for a preview:
 * BOM, CRLF/LF, comma/semicolon/tab detection, quoted fields with delimiters, quotes and newlines.
 */
import { snakeCase } from '@/lib/sms/template';

export interface CsvPreview {
  delimiter: string;
  headers: string[];
  rows: string[][];
  /** True when the first row looks like data (a phone number), not a header. */
  headerless: boolean;
  /** The guessed phone column's header, or null. */
  phoneColumn: string | null;
  /** True when the sample was cut, so the last row may be partial and was dropped. */
  truncated: boolean;
}

const PHONE_HEADERS = [
  'phone',
  'phonenumber',
  'mobile',
  'cell',
  'number',
  'mobilenumber',
  'cellphone',
  'tel',
  'telephone',
];

export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/[\s_-]+/g, '');
}

export function detectDelimiter(sample: string): string {
  const firstLine = sample.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: countOutsideQuotes(firstLine, d) }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

export function parseCsv(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length && rows.length < maxRows) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      field = '';
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if ((field !== '' || row.length) && rows.length < maxRows) {
    row.push(field);
    if (row.some((f) => f.trim() !== '')) rows.push(row);
  }
  return rows;
}

function looksLikePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return /^[\s+()\d.-]+$/.test(value.trim()) && digits.length >= 7;
}

export function guessPhoneColumn(headers: string[], firstRow?: string[]): string | null {
  for (const wanted of PHONE_HEADERS) {
    const hit = headers.find((h) => normaliseHeader(h) === wanted);
    if (hit) return hit;
  }
  if (firstRow) {
    const idx = firstRow.findIndex(looksLikePhone);
    if (idx >= 0) return headers[idx] ?? null;
  }
  return null;
}

/** Parses the first `maxRows` data rows of a CSV sample (the file's first bytes). */
export function previewCsv(sample: string, { maxRows = 5, truncated = false } = {}): CsvPreview {
  const text = sample.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const all = parseCsv(text, delimiter, maxRows + 2);
  // A cut sample can end inside a row; drop that row rather than show half of it.
  if (truncated && all.length > maxRows + 1) all.pop();
  const first = all[0] ?? [];
  const headerless = first.length > 0 && first.some(looksLikePhone);
  const width = Math.max(0, ...all.map((r) => r.length));
  const headers = headerless
    ? Array.from({ length: width }, (_, i) => `column_${i + 1}`)
    : first.map((h, i) => h.trim() || `column_${i + 1}`);
  const rows = (headerless ? all : all.slice(1)).slice(0, maxRows);
  return {
    delimiter,
    headers,
    rows,
    headerless,
    phoneColumn: guessPhoneColumn(headers, rows[0]),
    truncated,
  };
}

/**
 * What to send as `phoneColumn`: the header name, or for a file without a header row its
 * 1-based column number (the API accepts either).
 */
export function phoneColumnParam(preview: CsvPreview, column: string): string | undefined {
  if (!preview.headerless) return column;
  const index = preview.headers.indexOf(column);
  return index >= 0 ? String(index + 1) : undefined;
}

/** The variables a row offers a template: each header as written and in snake_case. */
export function variableNames(headers: string[], phoneColumn: string | null): string[] {
  const names = new Set<string>();
  for (const h of headers) {
    if (h === phoneColumn) continue;
    const snake = snakeCase(h);
    if (snake) names.add(snake);
  }
  return [...names];
}

export function rowVariables(headers: string[], row: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  headers.forEach((h, i) => {
    const value = (row[i] ?? '').trim();
    vars[h] = value;
    vars[snakeCase(h)] = value;
  });
  return vars;
}

/** Reads the first `bytes` of a file as text. */
export async function readFileHead(file: File, bytes = 64 * 1024): Promise<{ text: string; truncated: boolean }> {
  const slice = file.slice(0, bytes);
  const text = await slice.text();
  return { text, truncated: file.size > bytes };
}
