import { sql } from 'drizzle-orm';
import type { DatabaseService } from 'src/core/database/database.service';
import type { EngineHarness } from '../support/engine-harness';

export type Headers = Record<string, string>;

/** A valid US number per index: +1415500nnnn. */
export const phoneAt = (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}`;

/** Empties the SMS tables but keeps tenants and users, so a file can log in once (logins are throttled). */
export async function clearSms(database: DatabaseService): Promise<void> {
  await database.db.execute(sql`
    truncate sms_conversations, sms_error_stats, sms_campaign_rejections, sms_events, sms_early_callbacks, sms_messages, sms_campaigns, sms_templates,
             sms_daily_stats, sms_spending, sms_settings, sms_rate_buckets, sms_opt_outs, sms_audit_log restart identity cascade`);
}

export async function rowsOf<T>(database: DatabaseService, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function countOf(database: DatabaseService, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rowsOf<{ n: string | number }>(database, query);
  return Number(row?.n ?? 0);
}

export interface UploadFields {
  message?: string;
  name?: string;
  scheduledAt?: string;
  phoneColumn?: string;
  dryRun?: string;
}

/** POST /api/sms/bulk as a browser form would send it. */
export function upload(
  h: EngineHarness,
  headers: Headers,
  file: string | Buffer | null,
  fields: UploadFields,
  fileName = 'list.csv',
) {
  let req = h.http().post('/api/sms/bulk').set(headers);
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) req = req.field(k, v);
  if (file !== null) req = req.attach('file', typeof file === 'string' ? Buffer.from(file) : file, fileName);
  return req;
}

/** Parses the rejections report (BOM, CRLF, quoted cells) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}
