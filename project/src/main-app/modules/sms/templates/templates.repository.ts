import { Injectable } from '@nestjs/common';
import { asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { DatabaseService, rowsOf } from 'src/core/database/database.service';
import { smsTemplates } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';

type Insert = typeof smsTemplates.$inferInsert;

@Injectable()
export class TemplatesRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: { page: number; limit: number; search?: string; strategyId?: number }) {
    const term = q.search ? likePattern(q.search) : undefined;
    const where = inTenant(
      smsTemplates.subAccountId,
      subAccountId,
      term ? or(ilike(smsTemplates.name, term), ilike(smsTemplates.body, term)) : undefined,
      q.strategyId !== undefined ? eq(smsTemplates.strategyId, q.strategyId) : undefined,
    );
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(smsTemplates)
        .where(where)
        .orderBy(asc(smsTemplates.name), asc(smsTemplates.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(smsTemplates).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async find(subAccountId: number, id: number) {
    const [row] = await this.database.db
      .select()
      .from(smsTemplates)
      .where(inTenant(smsTemplates.subAccountId, subAccountId, eq(smsTemplates.id, id)));
    return row;
  }

  /** Which of these ids are templates of the SubAccount. */
  async existing(subAccountId: number, ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.database.db
      .select({ id: smsTemplates.id })
      .from(smsTemplates)
      .where(inTenant(smsTemplates.subAccountId, subAccountId, inArray(smsTemplates.id, ids)));
    return new Set(rows.map((r) => r.id));
  }

  async create(values: Insert) {
    const [row] = await this.database.db.insert(smsTemplates).values(values).returning();
    return row!;
  }

  async update(subAccountId: number, id: number, values: Partial<Insert>) {
    const [row] = await this.database.db
      .update(smsTemplates)
      .set({ ...values, updatedAt: new Date() })
      .where(inTenant(smsTemplates.subAccountId, subAccountId, eq(smsTemplates.id, id)))
      .returning();
    return row;
  }

  /** Sequence steps and triggers keep their template (the foreign keys restrict its deletion). */
  async usedByAutomation(subAccountId: number, id: number): Promise<boolean> {
    const result = await this.database.db.execute(sql`
      select exists (select 1 from sms_sequence_steps s join sms_sequences q on q.id = s.sequence_id
                      where s.template_id = ${id} and q.sub_account_id = ${subAccountId})
          or exists (select 1 from sms_triggers t where t.template_id = ${id} and t.sub_account_id = ${subAccountId})
             as used`);
    return rowsOf<{ used: boolean }>(result)[0]?.used === true;
  }

  async delete(subAccountId: number, id: number): Promise<boolean> {
    const rows = await this.database.db
      .delete(smsTemplates)
      .where(inTenant(smsTemplates.subAccountId, subAccountId, eq(smsTemplates.id, id)))
      .returning({ id: smsTemplates.id });
    return rows.length === 1;
  }
}
