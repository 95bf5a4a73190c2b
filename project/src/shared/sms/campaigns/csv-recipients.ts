import fs from 'node:fs';
import { parse } from 'csv-parse';
import { normalizePhone } from '../phone.rules';
import { toSnakeCase } from '../template';
import type { RecipientRecord } from './recipient-record';

/** A file that cannot be read as a recipient list at all (400, naming the problem). */
export class CsvImportError extends Error {}

export interface CsvLayout {
  delimiter: string;
  hasHeader: boolean;
  headers: string[];
  phoneIndex: number;
  phoneColumn: string;
}

const PHONE_HEADERS = new Set([
  'phone',
  'phonenumber',
  'mobile',
  'mobilephone',
  'mobilenumber',
  'cell',
  'cellphone',
  'cellnumber',
  'number',
  'tel',
  'telephone',
]);
const DELIMITERS = [',', ';', '\t'] as const;
const SNIFF_BYTES = 64 * 1024;

const headerKey = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');

/** Reads the start of the file: refuses empty and binary files, and picks the delimiter. */
export async function sniffCsv(filePath: string): Promise<{ delimiter: string }> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new CsvImportError('The file is empty');
    if (head.includes(0) || looksBinary(text)) {
      throw new CsvImportError(
        'The file is not a CSV text file (it looks binary, e.g. a spreadsheet .xlsx): export it as CSV',
      );
    }
    return { delimiter: detectDelimiter(firstLine(text)) };
  } finally {
    await handle.close();
  }
}

function looksBinary(text: string): boolean {
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  return replacement > Math.max(3, text.length / 100);
}

function firstLine(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

/** The delimiter that occurs most outside quotes on the first line (comma when none does). */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Decides from the first record whether it is a header, and which column holds the phone. */
export function resolveLayout(
  first: string[],
  delimiter: string,
  phoneColumn?: string,
  defaultCountry = 'US',
): CsvLayout {
  const isPhone = (v: string) => normalizePhone(v, defaultCountry as 'US').ok;
  const named = first.findIndex((h) => PHONE_HEADERS.has(headerKey(h)));
  const hasHeader = !first.some(isPhone) || named >= 0;
  const headers = hasHeader ? first.map((h, i) => h.trim() || `column${i + 1}`) : first.map((_, i) => `column${i + 1}`);
  let phoneIndex: number;
  if (phoneColumn) {
    const asNumber = /^\d+$/.test(phoneColumn) ? Number(phoneColumn) - 1 : -1;
    phoneIndex = asNumber >= 0 ? asNumber : headers.findIndex((h) => headerKey(h) === headerKey(phoneColumn));
    if (phoneIndex < 0 || phoneIndex >= headers.length) {
      throw new CsvImportError(
        `phoneColumn "${phoneColumn}" is not a column of this file (columns: ${headers.join(', ')})`,
      );
    }
  } else if (hasHeader) {
    phoneIndex = named;
    if (phoneIndex < 0) {
      throw new CsvImportError(
        `No phone column: name one of the columns phone, phoneNumber, phone_number, mobile, cell or number, or set phoneColumn (columns found: ${headers.join(', ')})`,
      );
    }
  } else {
    phoneIndex = first.findIndex(isPhone);
  }
  return { delimiter, hasHeader, headers, phoneIndex, phoneColumn: headers[phoneIndex]! };
}

// The snake_case form of each header, worked out once per file rather than once per row.
const snakeHeaders = new WeakMap<string[], string[]>();

/** A record's variables: every column under its header and its snake_case form. */
export function variablesOf(layout: CsvLayout, record: string[]): Record<string, string> {
  const { headers } = layout;
  let snake = snakeHeaders.get(headers);
  if (!snake) snakeHeaders.set(headers, (snake = headers.map(toSnakeCase)));
  const vars: Record<string, string> = {};
  for (let i = 0; i < headers.length; i++) {
    const value = (record[i] ?? '').trim();
    vars[headers[i]] = value;
    vars[snake[i]] = value;
  }
  return vars;
}

export interface CsvRecipients {
  layout: CsvLayout;
  records: AsyncGenerator<RecipientRecord>;
}

/** Streams a CSV file as recipients; never holds the whole file. Row numbers are spreadsheet rows. */
export async function openCsvRecipients(
  filePath: string,
  opts: { phoneColumn?: string; defaultCountry?: string } = {},
): Promise<CsvRecipients> {
  const { delimiter } = await sniffCsv(filePath);
  const parser = fs
    .createReadStream(filePath)
    .pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: false }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (e) {
    throw new CsvImportError(`The file is not valid CSV: ${(e as Error).message}`);
  }
  if (first.done) throw new CsvImportError('The file is empty');
  const layout = resolveLayout(first.value, delimiter, opts.phoneColumn, opts.defaultCountry);
  async function* records(): AsyncGenerator<RecipientRecord> {
    let row = 1;
    if (!layout.hasHeader)
      yield { row, phone: first.value[layout.phoneIndex] ?? '', variables: variablesOf(layout, first.value) };
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await iterator.next();
      } catch (e) {
        throw new CsvImportError(`Row ${row + 1} is not valid CSV: ${(e as Error).message}`);
      }
      if (next.done) return;
      row += 1;
      yield { row, phone: next.value[layout.phoneIndex] ?? '', variables: variablesOf(layout, next.value) };
    }
  }
  return { layout, records: records() };
}
