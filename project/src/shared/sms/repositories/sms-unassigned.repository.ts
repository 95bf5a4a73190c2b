import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { QueryValues } from 'src/core/database/compiled-queries';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { keysetPage, tableList, type KeysetKey, type KeysetQuery } from 'src/core/database/keyset-page';
import { smsUnassignedInbound } from 'src/core/database/schema';

export type UnassignedRow = typeof smsUnassignedInbound.$inferSelect;
export type UnassignedInsert = typeof smsUnassignedInbound.$inferInsert;

const RECEIVED_ORDER: KeysetKey = { at: smsUnassignedInbound.receivedAt, id: smsUnassignedInbound.id };

/** The Unassigned inbox: not tenant-owned (it is what no tenant could claim); only system admins read it. */
@Injectable()
export class SmsUnassignedRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Undefined when this MessageSid is already here (Twilio retried the webhook). */
  async insert(values: UnassignedInsert, db: DbOrTx = this.database.db): Promise<UnassignedRow | undefined> {
    const [row] = await db.insert(smsUnassignedInbound).values(values).onConflictDoNothing().returning();
    return row;
  }

  /**
   * Newest first by (received_at, id): sms_unassigned_inbound_recent_idx, or for `open` only the partial
   * sms_unassigned_inbound_open_idx (received_at, id) where assigned_at is null.
   */
  async list(q: KeysetQuery & { open: boolean }) {
    const db = this.database.db;
    const v = new QueryValues();
    if (q.open) v.flag('open');
    const where = q.open ? isNull(smsUnassignedInbound.assignedAt) : undefined;
    const list = tableList(db, 'unassigned inbound', smsUnassignedInbound, RECEIVED_ORDER, 'reusable');
    return keysetPage(db, list, where, v, q);
  }

  /** Locks an open entry for filing it; undefined when absent or already filed. */
  async lockOpen(id: number, db: DbOrTx): Promise<UnassignedRow | undefined> {
    const [row] = await db
      .select()
      .from(smsUnassignedInbound)
      .where(and(eq(smsUnassignedInbound.id, id), isNull(smsUnassignedInbound.assignedAt)))
      .for('update');
    return row;
  }

  async markAssigned(
    id: number,
    to: { subAccountId: number; messageId: number | null; adminId: number; at: Date },
    db: DbOrTx,
  ): Promise<UnassignedRow> {
    const [row] = await db
      .update(smsUnassignedInbound)
      .set({
        assignedSubAccountId: to.subAccountId,
        assignedMessageId: to.messageId,
        assignedByAdminId: to.adminId,
        assignedAt: to.at,
      })
      .where(eq(smsUnassignedInbound.id, id))
      .returning();
    return row!;
  }
}
