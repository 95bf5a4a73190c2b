import { Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from 'src/core/database/database.service';
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

  async takeEarlyCallbacks(db: DbOrTx, sid: string): Promise<Record<string, string>[]> {
    const rows = await db.delete(smsEarlyCallbacks).where(eq(smsEarlyCallbacks.twilioSid, sid)).returning();
    return rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()).map((r) => r.params);
  }

  async purgeEarlyCallbacksBefore(db: DbOrTx, before: Date): Promise<void> {
    await db.delete(smsEarlyCallbacks).where(sql`${smsEarlyCallbacks.receivedAt} < ${before.toISOString()}`);
  }
}
