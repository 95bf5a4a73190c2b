import { describe, expect, it } from 'vitest';
import type { PreparedMessage, RecipientRecord, Rejection } from './recipient-record';
import { CHUNK, importRecipients, PREVIEW_ROWS, REJECTIONS_IN_RESPONSE, type ImportSinks } from './recipient-import';
import { RecipientRules } from './recipient-rules';

const phone = (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}`;

async function* records(list: Array<Omit<RecipientRecord, 'row'>>): AsyncGenerator<RecipientRecord> {
  let row = 1;
  for (const r of list) yield { row: ++row, ...r };
}

/** Sinks that remember every call: what a real import would query and store. */
function recordingSinks(optedOut: Set<string> = new Set()) {
  const optOutQueries: string[][] = [];
  const writes: { accepted: PreparedMessage[]; rejections: Rejection[] }[] = [];
  const sinks: Required<ImportSinks> = {
    optedOut: async (phones) => {
      optOutQueries.push(phones);
      return new Set(phones.filter((p) => optedOut.has(p)));
    },
    write: async (accepted, rejections) => {
      writes.push({ accepted: [...accepted], rejections: [...rejections] });
    },
  };
  return { sinks, optOutQueries, writes };
}

describe(importRecipients.name, () => {
  it('counts rows, valid ones and each kind of rejection', async () => {
    const list: Array<Omit<RecipientRecord, 'row'>> = [
      { phone: phone(1), variables: { name: 'Ann' } },
      { phone: 'nope', variables: { name: 'Bob' } },
      { phone: '1.5551234567E+10', variables: { name: 'Cid' } },
      { phone: phone(1), variables: { name: 'Dee' } },
      { phone: phone(2), variables: {} },
      { phone: phone(3), variables: { name: 'Eve' } },
    ];
    const { sinks } = recordingSinks(new Set([phone(3)]));
    const summary = await importRecipients(records(list), new RecipientRules('Hi {{name}}', 'US'), sinks);
    expect(summary.counts).toEqual({ rows: 6, valid: 1, invalid: 2, duplicate: 1, optedOut: 1, missingVariable: 1 });
    expect(summary.rejections.map((r) => [r.row, r.reason])).toEqual([
      [3, 'invalid_phone'],
      [4, 'spreadsheet_mangled'],
      [5, 'duplicate'],
      [6, 'missing_variable'],
      [7, 'opted_out'],
    ]);
    expect(summary.rejections.find((r) => r.reason === 'opted_out')!.message).toContain(phone(3));
    expect(summary.segments).toBe(1);
  });

  it('returns the first 1,000 rejections in row order but counts and stores all of them', async () => {
    const list = Array.from({ length: 2_600 }, (_, i) => ({
      phone: i % 10 === 0 ? phone(i) : `bad-${i}`,
      variables: {},
    }));
    const { sinks, writes } = recordingSinks();
    const summary = await importRecipients(records(list), new RecipientRules('hi', 'US'), sinks);
    expect(summary.counts.rows).toBe(2_600);
    expect(summary.counts.valid).toBe(260);
    expect(summary.counts.invalid).toBe(2_340);
    expect(summary.rejections).toHaveLength(REJECTIONS_IN_RESPONSE);
    const rows = summary.rejections.map((r) => r.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows[0]).toBe(3);
    const stored = writes.flatMap((w) => w.rejections);
    expect(stored).toHaveLength(2_340);
    expect(new Set(stored.map((r) => r.row)).size).toBe(2_340);
    expect(writes.flatMap((w) => w.accepted)).toHaveLength(260);
  });

  it('previews the first 20 rendered messages and sums the segments of all valid rows', async () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ phone: phone(i), variables: { n: String(i) } }));
    const { sinks } = recordingSinks();
    const summary = await importRecipients(records(list), new RecipientRules(`#{{n}} ${'x'.repeat(157)}`, 'US'), sinks);
    expect(summary.preview).toHaveLength(PREVIEW_ROWS);
    expect(summary.preview[0]).toMatchObject({
      row: 2,
      phoneNumber: phone(0),
      message: `#0 ${'x'.repeat(157)}`,
      segments: 1,
      encoding: 'GSM-7',
    });
    expect(summary.preview[19]!.row).toBe(21);
    // #0..#9 fit one segment (160 characters), #10..#49 need two.
    expect(summary.segments).toBe(10 * 1 + 40 * 2);
  });

  it('asks for opt-outs a chunk at a time and stores chunks of at most CHUNK rows', async () => {
    const rows = 2 * CHUNK + CHUNK / 2;
    const list = Array.from({ length: rows }, (_, i) => ({ phone: phone(i), variables: {} }));
    const optedOut = new Set([phone(0), phone(CHUNK + 1), phone(rows - 1)]);
    const { sinks, optOutQueries, writes } = recordingSinks(optedOut);
    const summary = await importRecipients(records(list), new RecipientRules('hi', 'US'), sinks);
    expect(optOutQueries.map((q) => q.length)).toEqual([CHUNK, CHUNK, CHUNK / 2]);
    expect(writes.map((w) => w.accepted.length + w.rejections.length)).toEqual([CHUNK, CHUNK, CHUNK / 2]);
    expect(summary.counts).toMatchObject({ rows, valid: rows - 3, optedOut: 3 });
    const stored = writes.flatMap((w) => w.accepted.map((a) => a.phoneNumber));
    expect(stored).toHaveLength(rows - 3);
    for (const p of optedOut) expect(stored).not.toContain(p);
    expect(writes.flatMap((w) => w.rejections).map((r) => r.reason)).toEqual(['opted_out', 'opted_out', 'opted_out']);
  });

  it('stores two chunks at once, never three, and still counts and reports rejections in file order', async () => {
    // Every fifth number is invalid, so each chunk has rejections to report.
    const list = Array.from({ length: 9_000 }, (_, i) => ({ phone: i % 5 === 0 ? 'nope' : phone(i), variables: {} }));
    let storing = 0;
    let most = 0;
    const sinks: ImportSinks = {
      optedOut: async () => new Set(),
      write: async () => {
        most = Math.max(most, ++storing);
        await new Promise((resolve) => setTimeout(resolve, 20));
        storing -= 1;
      },
    };
    const summary = await importRecipients(records(list), new RecipientRules('hi', 'US'), sinks);
    expect(most).toBe(2);
    expect(summary.counts).toMatchObject({ rows: 9_000, valid: 7_200, invalid: 1_800 });
    const rows = summary.rejections.map((r) => r.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows[0]).toBe(2);
  });

  it('fails the import when a chunk fails to store, after the chunks in flight settle', async () => {
    const list = Array.from({ length: 6_500 }, (_, i) => ({ phone: phone(i), variables: {} }));
    let settled = 0;
    const sinks: ImportSinks = {
      optedOut: async () => new Set(),
      write: async (accepted) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        settled += 1;
        if (accepted[0]!.row > 2_000) throw new Error('disk full');
      },
    };
    await expect(importRecipients(records(list), new RecipientRules('hi', 'US'), sinks)).rejects.toThrow('disk full');
    expect(settled).toBeGreaterThanOrEqual(2);
  });

  it('still finds a duplicate when its first occurrence was in an earlier chunk', async () => {
    const list = Array.from({ length: 2_100 }, (_, i) => ({ phone: phone(i), variables: {} }));
    list.push({ phone: phone(5), variables: {} });
    const { sinks, writes } = recordingSinks();
    const summary = await importRecipients(records(list), new RecipientRules('hi', 'US'), sinks);
    expect(summary.counts).toMatchObject({ rows: 2_101, valid: 2_100, duplicate: 1 });
    expect(writes.at(-1)!.rejections).toEqual([expect.objectContaining({ row: 2_102, reason: 'duplicate' })]);
  });

  it('stores nothing on a dry run (no write sink) and still reports', async () => {
    const summary = await importRecipients(
      records([{ phone: phone(1), variables: {} }]),
      new RecipientRules('hi', 'US'),
      {
        optedOut: async () => new Set(),
      },
    );
    expect(summary.counts.valid).toBe(1);
    expect(summary.preview).toHaveLength(1);
  });

  it('does not query opt-outs for a chunk with no valid number', async () => {
    const { sinks, optOutQueries } = recordingSinks();
    const summary = await importRecipients(
      records([{ phone: 'x', variables: {} }]),
      new RecipientRules('hi', 'US'),
      sinks,
    );
    expect(summary.counts).toMatchObject({ rows: 1, valid: 0, invalid: 1 });
    expect(optOutQueries).toEqual([]);
  });
});
