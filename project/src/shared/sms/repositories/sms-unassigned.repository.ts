import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { smsUnassignedInbound } from 'src/core/database/schema';

export type UnassignedRow = typeof smsUnassignedInbound.$inferSelect;
export type UnassignedInsert = typeof smsUnassignedInbound.$inferInsert;

/** The Unassigned inbox: not tenant-owned (it is what no tenant could claim); only system admins read it. */
@Injectable()
export class SmsUnassignedRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Undefined when this MessageSid is already here (Twilio retried the webhook). */
  async insert(values: UnassignedInsert, db: DbOrTx = this.database.db): Promise<UnassignedRow | undefined> {
    const [row] = await db.insert(smsUnassignedInbound).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** Newest first; `open` only: sms_unassigned_inbound_open_idx. */
  async list(q: { open: boolean; limit: number; offset: number }): Promise<{ rows: UnassignedRow[]; total: number }> {
    const where = q.open ? isNull(smsUnassignedInbound.assignedAt) : undefined;
    const [rows, [total]] = await Promise.all([
      this.database.db
        .select()
        .from(smsUnassignedInbound)
        .where(where)
        .orderBy(desc(smsUnassignedInbound.receivedAt), desc(smsUnassignedInbound.id))
        .limit(q.limit)
        .offset(q.offset),
      this.database.db.select({ n: count() }).from(smsUnassignedInbound).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
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
