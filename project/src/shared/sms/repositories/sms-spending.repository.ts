import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from 'src/core/database/database.service';

/** The first day of `now`'s month in UTC, as sms_spending.month and sms_messages.spend_month store it. */
export const spendMonthOf = (now: Date): string => `${now.toISOString().slice(0, 7)}-01`;

/**
 * The spending cap's running counter (sms_spending): segments charged per SubAccount and month. The accept
 * paths charge what they insert here; triggers on sms_messages release what a cancel, failure or delete frees
 * (migration 0004). One row per SubAccount and month, so a check reads one row, never a month of messages.
 */
@Injectable()
export class SmsSpendingRepository {
  /**
   * Check and reservation in one statement: adds `segments` unless the total would pass `cap` (null: no cap).
   * The row lock it takes is held to the end of the caller's transaction, so concurrent reservations queue
   * on it and each sees the others' committed total. Returns the new total, or null when refused.
   */
  async reserve(
    db: DbOrTx,
    subAccountId: number,
    month: string,
    segments: number,
    cap: number | null,
  ): Promise<number | null> {
    const result = await db.execute(sql`
      insert into sms_spending as s (sub_account_id, month, segments)
      select ${subAccountId}, ${month}::date, ${segments}::int
       where ${cap}::int is null or ${segments}::int <= ${cap}::int
      on conflict (sub_account_id, month) do update set segments = s.segments + excluded.segments
       where ${cap}::int is null or s.segments + excluded.segments <= ${cap}::int
      returning s.segments`);
    const row = rowsOf<{ segments: number }>(result)[0];
    return row ? Number(row.segments) : null;
  }

  /** Segments charged in `month`; `forUpdate` locks the row (when there is one) to the end of the transaction. */
  async used(db: DbOrTx, subAccountId: number, month: string, forUpdate = false): Promise<number> {
    const result = await db.execute(sql`
      select segments from sms_spending where sub_account_id = ${subAccountId} and month = ${month}::date
      ${forUpdate ? sql`for update` : sql``}`);
    return Number(rowsOf<{ segments: number }>(result)[0]?.segments ?? 0);
  }
}
