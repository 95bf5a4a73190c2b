import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import { DatabaseService, rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { smsTemplates, smsTriggerFirings, smsTriggers, type LeadStatus } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';

export type TriggerRow = typeof smsTriggers.$inferSelect;
export type FiringRow = typeof smsTriggerFirings.$inferSelect;
type Insert = typeof smsTriggers.$inferInsert;

const firedCount = sql<number>`(select count(*)::int from sms_trigger_firings f
  where f.trigger_id = ${smsTriggers.id} and f.status = 'sent')`;

/** SubAccounts' triggers and the firings they stored. */
@Injectable()
export class TriggersRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: { page: number; limit: number; search?: string }) {
    const where = inTenant(
      smsTriggers.subAccountId,
      subAccountId,
      q.search ? ilike(smsTriggers.name, likePattern(q.search)) : undefined,
    );
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      this.withDetails(db)
        .where(where)
        .orderBy(desc(smsTriggers.createdAt), desc(smsTriggers.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(smsTriggers).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async find(subAccountId: number, id: number) {
    const [row] = await this.withDetails(this.database.db).where(
      inTenant(smsTriggers.subAccountId, subAccountId, eq(smsTriggers.id, id)),
    );
    return row;
  }

  async create(values: Insert) {
    const [row] = await this.database.db.insert(smsTriggers).values(values).returning();
    return row!;
  }

  async update(subAccountId: number, id: number, values: Partial<Insert>) {
    const [row] = await this.database.db
      .update(smsTriggers)
      .set({ ...values, updatedAt: new Date() })
      .where(inTenant(smsTriggers.subAccountId, subAccountId, eq(smsTriggers.id, id)))
      .returning();
    return row;
  }

  async delete(subAccountId: number, id: number): Promise<boolean> {
    const rows = await this.database.db
      .delete(smsTriggers)
      .where(inTenant(smsTriggers.subAccountId, subAccountId, eq(smsTriggers.id, id)))
      .returning({ id: smsTriggers.id });
    return rows.length === 1;
  }

  /** Enabled triggers for an event (served by sms_triggers_sub_account_idx). */
  async enabledFor(db: DbOrTx, subAccountId: number, event: TriggerRow['event'], toStatus?: LeadStatus) {
    return db
      .select()
      .from(smsTriggers)
      .where(
        inTenant(
          smsTriggers.subAccountId,
          subAccountId,
          eq(smsTriggers.event, event),
          eq(smsTriggers.enabled, true),
          toStatus ? eq(smsTriggers.toStatus, toStatus) : isNull(smsTriggers.toStatus),
        ),
      );
  }

  /** Stores a firing; a second one for the same trigger, lead and transition is ignored (sms_trigger_firings_once_idx). */
  async insertFiring(db: DbOrTx, values: typeof smsTriggerFirings.$inferInsert): Promise<FiringRow | undefined> {
    const [row] = await db.insert(smsTriggerFirings).values(values).onConflictDoNothing().returning();
    return row;
  }

  /**
   * Claims due pending firings with `FOR UPDATE SKIP LOCKED`, pushing their due time to `leaseUntil` so a
   * runner that dies mid-send leaves them due again. Served by sms_trigger_firings_due_idx where status = 'pending'.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<FiringRow[]> {
    const result = await this.database.db.execute(sql`
      update sms_trigger_firings f set due_at = ${leaseUntil.toISOString()}, attempts = f.attempts + 1
       where f.id in (
         select c.id from sms_trigger_firings c
          where c.status = 'pending' and c.due_at <= ${now.toISOString()}
          order by c.due_at, c.id limit ${limit}
          for update skip locked)
      returning f.id`);
    const ids = rowsOf<{ id: number }>(result).map((r) => r.id);
    if (!ids.length) return [];
    return this.database.db
      .select()
      .from(smsTriggerFirings)
      .where(sql`${smsTriggerFirings.id} in ${ids}`);
  }

  async triggerOf(id: number): Promise<TriggerRow | undefined> {
    const [row] = await this.database.db.select().from(smsTriggers).where(eq(smsTriggers.id, id));
    return row;
  }

  /** Settles a pending firing; false if it was already settled. */
  async settle(
    db: DbOrTx,
    id: number,
    outcome: { status: 'sent' | 'skipped'; reason?: string; messageId?: number },
  ): Promise<boolean> {
    const rows = await db
      .update(smsTriggerFirings)
      .set({ status: outcome.status, reason: outcome.reason?.slice(0, 200), messageId: outcome.messageId })
      .where(and(eq(smsTriggerFirings.id, id), eq(smsTriggerFirings.status, 'pending')))
      .returning({ id: smsTriggerFirings.id });
    return rows.length === 1;
  }

  private withDetails(db: DbOrTx) {
    return db
      .select({ trigger: smsTriggers, templateName: smsTemplates.name, firedCount })
      .from(smsTriggers)
      .innerJoin(smsTemplates, eq(smsTemplates.id, smsTriggers.templateId));
  }
}
