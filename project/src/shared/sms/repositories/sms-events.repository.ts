import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from 'src/core/database/database.service';
import { smsEarlyCallbacks, smsEvents } from 'src/core/database/schema';

export interface SmsEventInsert {
  subAccountId: number;
  messageId?: number | null;
  type: string;
  status?: string | null;
  dedupeKey?: string | null;
  payload?: Record<string, unknown>;
}

/** sms_events: the audit trail of every webhook and state change, as received. */
@Injectable()
export class SmsEventsRepository {
  /** False when an event with the same dedupe key was already recorded (a repeated webhook). */
  async record(db: DbOrTx, event: SmsEventInsert): Promise<boolean> {
    const rows = await db
      .insert(smsEvents)
      .values({ ...event, payload: event.payload ?? {} })
      .onConflictDoNothing()
      .returning({ id: smsEvents.id });
    return rows.length === 1;
  }

  /** Many events in one statement; returns those recorded now (not already there under their dedupe key). */
  async recordNew(db: DbOrTx, events: SmsEventInsert[]): Promise<{ subAccountId: number; dedupeKey: string | null }[]> {
    if (events.length === 0) return [];
    const result = await db.execute(
      sql`${insertEvents(events)} on conflict do nothing returning sub_account_id, dedupe_key`,
    );
    return rowsOf<{ sub_account_id: number; dedupe_key: string | null }>(result).map((r) => ({
      subAccountId: Number(r.sub_account_id),
      dedupeKey: r.dedupe_key,
    }));
  }

  /** Many events in one statement (a batch of recorded sends); none carries a dedupe key. */
  async recordMany(db: DbOrTx, events: SmsEventInsert[]): Promise<void> {
    if (events.length > 0) await db.execute(insertEvents(events));
  }

  /** lockSid for many sids in one statement, in a fixed order so two batches cannot deadlock. */
  async lockSids(tx: Tx, sids: string[]): Promise<void> {
    if (sids.length === 0) return;
    await tx.execute(sql`
      select pg_advisory_xact_lock(hashtext('sms_sid:' || s))
        from (select json_array_elements_text(${JSON.stringify([...sids].sort())}::json) as s) x
       order by hashtext('sms_sid:' || s)`);
  }

  /** takeEarlyCallbacks for many sids: each sid's buffered callbacks, oldest first. */
  async takeEarlyCallbacksFor(db: DbOrTx, sids: string[]): Promise<Map<string, Record<string, string>[]>> {
    const bySid = new Map<string, Record<string, string>[]>();
    if (sids.length === 0) return bySid;
    const rows = await db
      .delete(smsEarlyCallbacks)
      .where(sql`${smsEarlyCallbacks.twilioSid} in (select json_array_elements_text(${JSON.stringify(sids)}::json))`)
      .returning();
    rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    for (const r of rows) bySid.set(r.twilioSid, [...(bySid.get(r.twilioSid) ?? []), r.params]);
    return bySid;
  }

  /**
   * Orders, per sid, the commit that stores a sid and a callback buffered for it: both take this lock in
   * their transaction, so either the send sees the buffered callback or the callback sees the stored sid.
   */
  async lockSid(tx: Tx, sid: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'sms_sid:' + sid}))`);
  }

  async bufferEarlyCallback(db: DbOrTx, sid: string, dedupeKey: string, params: Record<string, string>): Promise<void> {
    await db.insert(smsEarlyCallbacks).values({ twilioSid: sid, dedupeKey, params }).onConflictDoNothing();
  }

  async purgeEarlyCallbacksBefore(db: DbOrTx, before: Date): Promise<void> {
    await db.delete(smsEarlyCallbacks).where(sql`${smsEarlyCallbacks.receivedAt} < ${before.toISOString()}`);
  }
}

/**
 * The insert of a batch of events, hand-written with the batch as one JSON parameter: the status and send paths
 * write one per message, and Drizzle's builder spent more CPU on six bind parameters a row than the insert took.
 */
function insertEvents(events: SmsEventInsert[]) {
  const rows = events.map((e) => ({
    sub_account_id: e.subAccountId,
    message_id: e.messageId ?? null,
    type: e.type,
    status: e.status ?? null,
    dedupe_key: e.dedupeKey ?? null,
    payload: e.payload ?? {},
  }));
  return sql`
    insert into sms_events (sub_account_id, message_id, type, status, dedupe_key, payload)
    select sub_account_id, message_id, type, status, dedupe_key, payload
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
             sub_account_id int, message_id int, type varchar, status varchar, dedupe_key varchar, payload jsonb)`;
}
