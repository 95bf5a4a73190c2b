import type { PreparedMessage, RecipientRecord, Rejection, RejectionReason } from './recipient-record';
import { isRejection, RecipientRules } from './recipient-rules';

export const REJECTIONS_IN_RESPONSE = 1000;
export const PREVIEW_ROWS = 20;
/**
 * Rows per chunk. Small enough that a chunk is usually gone before V8's second young-generation collection:
 * with 2,000 the chunks in flight were promoted to the old generation and the API's peak RSS on a million
 * rows swung between 260 and 320 MB; with 500 it stays near 185 MB, for about 20% more time.
 */
export const CHUNK = 500;
/** Chunks stored at the same time. */
const WRITERS = 2;

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicate: number;
  optedOut: number;
  missingVariable: number;
}

export interface ImportSummary {
  counts: ImportCounts;
  rejections: Rejection[];
  preview: PreparedMessage[];
  segments: number;
}

export interface ImportSinks {
  /** Numbers of this chunk on the opt-out list. */
  optedOut(phones: string[]): Promise<Set<string>>;
  /** Stores a chunk (absent for a dry run). */
  write?(accepted: PreparedMessage[], rejections: Rejection[]): Promise<void>;
}

const COUNTED: Record<RejectionReason, keyof ImportCounts> = {
  invalid_phone: 'invalid',
  spreadsheet_mangled: 'invalid',
  empty_message: 'invalid',
  too_long: 'invalid',
  duplicate: 'duplicate',
  opted_out: 'optedOut',
  missing_variable: 'missingVariable',
};

/** Runs recipients through the rules a chunk at a time: memory stays flat however long the list. */
export async function importRecipients(
  records: AsyncIterable<RecipientRecord>,
  rules: RecipientRules,
  sinks: ImportSinks,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    counts: { rows: 0, valid: 0, invalid: 0, duplicate: 0, optedOut: 0, missingVariable: 0 },
    rejections: [],
    preview: [],
    segments: 0,
  };
  /** Drops the chunk's opted-out numbers and counts it; chunks are counted in file order. */
  const check = async (accepted: PreparedMessage[], rejected: Rejection[]) => {
    const optedOut = accepted.length ? await sinks.optedOut(accepted.map((a) => a.phoneNumber)) : new Set<string>();
    const keep = accepted.filter((a) => !optedOut.has(a.phoneNumber));
    for (const a of accepted) {
      if (optedOut.has(a.phoneNumber))
        rejected.push({
          row: a.row,
          value: a.phoneNumber,
          reason: 'opted_out',
          message: `${a.phoneNumber} has opted out (replied STOP)`,
        });
    }
    rejected.sort((x, y) => x.row - y.row);
    for (const r of rejected) {
      summary.counts[COUNTED[r.reason]] += 1;
      if (summary.rejections.length < REJECTIONS_IN_RESPONSE) summary.rejections.push(r);
    }
    for (const k of keep) {
      summary.counts.valid += 1;
      summary.segments += k.segments;
      if (summary.preview.length < PREVIEW_ROWS) summary.preview.push(k);
    }
    return { keep, rejected };
  };
  // Chunks are checked one after another, in file order, while the next is read; up to WRITERS checked chunks
  // are stored at once (on PostgreSQL, on as many connections: index upkeep then uses more than one core).
  // At most WRITERS + 1 chunks are held.
  let checking: Promise<unknown> = Promise.resolve();
  const writing: Promise<void>[] = [];
  let accepted: PreparedMessage[] = [];
  let rejected: Rejection[] = [];
  const flush = async () => {
    const chunk = [accepted, rejected] as const;
    accepted = [];
    rejected = [];
    const checked = checking.then(() => check(...chunk));
    checking = checked;
    const write = checked.then(async ({ keep, rejected: r }) => {
      await sinks.write?.(keep, r);
    });
    void write.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled
    writing.push(write);
    if (writing.length >= WRITERS) await writing.shift();
  };
  try {
    for await (const record of records) {
      summary.counts.rows += 1;
      const result = rules.check(record);
      if (isRejection(result)) rejected.push(result);
      else accepted.push(result);
      if (accepted.length + rejected.length >= CHUNK) await flush();
    }
    await flush();
    await Promise.all(writing);
  } catch (e) {
    await Promise.allSettled(writing);
    throw e;
  }
  return summary;
}
