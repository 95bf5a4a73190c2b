import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvImportError, detectDelimiter, openCsvRecipients } from './csv-recipients';
import type { RecipientRecord } from './recipient-record';

let dir: string;
let n = 0;

beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'csv-recipients-'));
});
afterAll(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

async function file(content: string | Buffer): Promise<string> {
  const p = path.join(dir, `f${++n}.csv`);
  await fs.promises.writeFile(p, content);
  return p;
}

async function read(content: string | Buffer, opts: { phoneColumn?: string } = {}) {
  const csv = await openCsvRecipients(await file(content), opts);
  const records: RecipientRecord[] = [];
  for await (const r of csv.records) records.push(r);
  return { layout: csv.layout, records };
}

async function failure(content: string | Buffer, opts: { phoneColumn?: string } = {}): Promise<CsvImportError> {
  const error = await read(content, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvImportError);
  return error as CsvImportError;
}

describe('openCsvRecipients', () => {
  describe('encoding and line endings', () => {
    it('strips a UTF-8 BOM so the first header is still recognised as the phone column', async () => {
      const { layout, records } = await read('\uFEFFphone,name\n+14155550100,Ann\n');
      expect(layout).toMatchObject({ hasHeader: true, phoneColumn: 'phone', headers: ['phone', 'name'] });
      expect(records).toEqual([{ row: 2, phone: '+14155550100', variables: { phone: '+14155550100', name: 'Ann' } }]);
    });

    it('reads CRLF and LF files alike, without a trailing carriage return in the last column', async () => {
      const crlf = await read('phone,name\r\n+14155550100,Ann\r\n+14155550101,Bob\r\n');
      const lf = await read('phone,name\n+14155550100,Ann\n+14155550101,Bob\n');
      expect(crlf.records).toEqual(lf.records);
      expect(crlf.records.map((r) => r.variables.name)).toEqual(['Ann', 'Bob']);
    });

    it('reads a last line without a line ending', async () => {
      const { records } = await read('phone\n+14155550100\n+14155550101');
      expect(records.map((r) => r.phone)).toEqual(['+14155550100', '+14155550101']);
    });
  });

  describe('delimiter', () => {
    it.each([
      ['comma', ',', 'phone,first name\n+14155550100,Ann\n'],
      ['semicolon', ';', 'phone;first name\n+14155550100;Ann\n'],
      ['tab', '\t', 'phone\tfirst name\n+14155550100\tAnn\n'],
    ])('detects a %s-separated file', async (_name, delimiter, content) => {
      const { layout, records } = await read(content);
      expect(layout.delimiter).toBe(delimiter);
      expect(records[0]!.variables).toMatchObject({ phone: '+14155550100', first_name: 'Ann' });
    });

    it('counts only delimiters outside quotes: "Smith, Ann";… is semicolon-separated', async () => {
      expect(detectDelimiter('"Smith, Ann, Jr";+14155550100')).toBe(';');
      const { records } = await read('name;phone\n"Smith, Ann";+14155550100\n');
      expect(records[0]!.variables.name).toBe('Smith, Ann');
    });
  });

  describe('quoted fields', () => {
    it('keeps commas and line breaks inside quotes; the row number is the record ordinal plus the header row, not the physical line', async () => {
      const { records } = await read(
        'phone,note\n+14155550100,"line one\nline two, still one field"\n+14155550101,"a, b"\n+14155550102,plain\n',
      );
      expect(records.map((r) => [r.row, r.variables.note])).toEqual([
        [2, 'line one\nline two, still one field'],
        [3, 'a, b'],
        [4, 'plain'],
      ]);
    });

    it('numbers rows from 1 when the file has no header row', async () => {
      const { records } = await read('+14155550100,Ann\n+14155550101,"Bob\nBobson"\n+14155550102,Cid\n');
      expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    });

    it('refuses a file whose quoting is broken, naming the problem', async () => {
      const error = await failure('phone,name\n+14155550100,"Ann\n');
      expect(error.message).toMatch(/not valid CSV/i);
    });
  });

  describe('header row', () => {
    it('treats a first row that holds a phone number as data and names the columns column1..n', async () => {
      const { layout, records } = await read('Ann,+14155550100,Acme\nBob,+14155550101,Beta\n');
      expect(layout).toMatchObject({
        hasHeader: false,
        headers: ['column1', 'column2', 'column3'],
        phoneColumn: 'column2',
        phoneIndex: 1,
      });
      expect(records).toHaveLength(2);
      expect(records[0]).toEqual({
        row: 1,
        phone: '+14155550100',
        variables: { column1: 'Ann', column2: '+14155550100', column3: 'Acme' },
      });
    });

    it('reads a single-column list of numbers without a header', async () => {
      const { layout, records } = await read('+14155550100\n+14155550101\n');
      expect(layout.hasHeader).toBe(false);
      expect(records.map((r) => r.phone)).toEqual(['+14155550100', '+14155550101']);
    });

    it.each([
      'phone',
      'phoneNumber',
      'phone_number',
      'mobile',
      'cell',
      'number',
      'Phone Number',
      'PHONE',
      'Mobile_Phone',
      ' Cell ',
    ])('finds the phone column by the header "%s"', async (header) => {
      const { layout, records } = await read(`name,${header}\nAnn,+14155550100\n`);
      expect(layout.phoneIndex).toBe(1);
      expect(records[0]!.phone).toBe('+14155550100');
    });

    it('refuses a header row without a phone column, naming the expected names and the columns found', async () => {
      const error = await failure('name,email\nAnn,ann@example.com\n');
      expect(error.message).toMatch(/no phone column/i);
      for (const name of ['phone', 'phoneNumber', 'phone_number', 'mobile', 'cell', 'number', 'phoneColumn'])
        expect(error.message).toContain(name);
      expect(error.message).toContain('columns found: name, email');
    });
  });

  describe('phoneColumn', () => {
    it('picks the column by header name, case-, space- and underscore-insensitively', async () => {
      const { layout, records } = await read('home,work tel\n+14155550100,+14155550199\n', { phoneColumn: 'WORK_TEL' });
      expect(layout.phoneColumn).toBe('work tel');
      expect(records[0]!.phone).toBe('+14155550199');
    });

    it('picks the column by 1-based index, also in a file without a header', async () => {
      const { records } = await read('+14155550100,+14155550199\n', { phoneColumn: '2' });
      expect(records[0]!.phone).toBe('+14155550199');
    });

    it('overrides a column that is named like a phone', async () => {
      const { records } = await read('phone,other\n+14155550100,+14155550199\n', { phoneColumn: 'other' });
      expect(records[0]!.phone).toBe('+14155550199');
    });

    it.each(['fax', '0', '3'])(
      'refuses the unknown column "%s", listing the columns of the file',
      async (phoneColumn) => {
        const error = await failure('name,phone\nAnn,+14155550100\n', { phoneColumn });
        expect(error.message).toContain(`phoneColumn "${phoneColumn}"`);
        expect(error.message).toContain('columns: name, phone');
      },
    );
  });

  describe('files that are not a recipient list', () => {
    it.each([
      ['an empty file', ''],
      ['a whitespace-only file', '  \n\r\n\t \n'],
      ['a file holding only a BOM', '\uFEFF'],
    ])('refuses %s as empty', async (_what, content) => {
      expect((await failure(content)).message).toMatch(/empty/i);
    });

    it('refuses PNG bytes as binary', async () => {
      const png = Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x01, 0x00,
      ]);
      expect((await failure(png)).message).toMatch(/not a CSV text file/i);
    });

    it('refuses a zip (an .xlsx workbook) as binary and says to export CSV', async () => {
      const zip = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
        Buffer.from('[Content_Types].xml'),
        Buffer.alloc(64, 0),
      ]);
      const error = await failure(zip);
      expect(error.message).toMatch(/binary/i);
      expect(error.message).toMatch(/export it as CSV/i);
    });

    it('refuses invalid UTF-8 without NUL bytes as binary', async () => {
      const bytes = Buffer.alloc(2000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + (i % 0x40);
      expect((await failure(bytes)).message).toMatch(/binary/i);
    });
  });

  describe('variables', () => {
    it('exposes every column under its header and its snake_case form', async () => {
      const { records } = await read('Phone Number,First Name,lastName,Company\n+14155550100,Ann,Lee,Acme\n');
      expect(records[0]!.variables).toEqual({
        'Phone Number': '+14155550100',
        phone_number: '+14155550100',
        'First Name': 'Ann',
        first_name: 'Ann',
        lastName: 'Lee',
        last_name: 'Lee',
        Company: 'Acme',
        company: 'Acme',
      });
    });

    it('gives short rows empty values and names blank headers by position', async () => {
      const { layout, records } = await read('phone,,city\n+14155550100\n');
      expect(layout.headers).toEqual(['phone', 'column2', 'city']);
      expect(records[0]!.variables).toMatchObject({ column2: '', city: '' });
    });
  });
});
