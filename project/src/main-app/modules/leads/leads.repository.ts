import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { QueryValues, runCompiled } from 'src/core/database/compiled-queries';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { leads, smsMessages, smsOptOuts, strategies, subAccounts, users } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import type { LeadFilter, LeadQueryDto } from './dto/lead.dto';

type Insert = typeof leads.$inferInsert;

@Injectable()
export class LeadsRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: LeadQueryDto) {
    const where = leadFilterWhere(subAccountId, q);
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(leads)
        .where(where)
        .orderBy(desc(leads.createdAt), desc(leads.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(leads).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  /** Every lead the filter matches, oldest first (a campaign's recipients). */
  matching(subAccountId: number, filter: LeadFilter) {
    return this.database.db.select().from(leads).where(leadFilterWhere(subAccountId, filter)).orderBy(asc(leads.id));
  }

  /** The newest message with each of these leads (served by sms_messages_lead_idx). */
  async lastSmsOf(subAccountId: number, leadIds: number[]) {
    if (leadIds.length === 0) return new Map<number, typeof smsMessages.$inferSelect>();
    const rows = await this.database.db
      .selectDistinctOn([smsMessages.leadId])
      .from(smsMessages)
      .where(and(eq(smsMessages.subAccountId, subAccountId), inArray(smsMessages.leadId, leadIds)))
      .orderBy(smsMessages.leadId, desc(smsMessages.createdAt), desc(smsMessages.id));
    return new Map(rows.map((r) => [r.leadId!, r]));
  }

  /** Compiled once (runCompiled): a lead's page and thread read it on every request. */
  async find(subAccountId: number, id: number, db: DbOrTx = this.database.db) {
    const v = new QueryValues();
    const where = inTenant(leads.subAccountId, v.$('subAccountId', subAccountId), eq(leads.id, v.$('id', id)));
    const [row] = await runCompiled(db, 'lead by id', v, () => db.select().from(leads).where(where), 'reusable');
    return row;
  }

  /** The lead, locked until the transaction ends, so that two updates see each other's status change. */
  async lockForUpdate(db: DbOrTx, subAccountId: number, id: number) {
    const [row] = await db
      .select()
      .from(leads)
      .where(inTenant(leads.subAccountId, subAccountId, eq(leads.id, id)))
      .for('update');
    return row;
  }

  async defaultCountry(subAccountId: number): Promise<string> {
    const [row] = await this.database.db
      .select({ c: subAccounts.defaultCountry })
      .from(subAccounts)
      .where(eq(subAccounts.id, subAccountId));
    return row?.c ?? 'US';
  }

  async ownerExists(subAccountId: number, userId: number): Promise<boolean> {
    const [row] = await this.database.db
      .select({ id: users.id })
      .from(users)
      .where(inTenant(users.subAccountId, subAccountId, eq(users.id, userId)));
    return Boolean(row);
  }

  async strategyExists(subAccountId: number, strategyId: number): Promise<boolean> {
    const [row] = await this.database.db
      .select({ id: strategies.id })
      .from(strategies)
      .where(inTenant(strategies.subAccountId, subAccountId, eq(strategies.id, strategyId)));
    return Boolean(row);
  }

  async create(values: Insert, db: DbOrTx = this.database.db) {
    const [row] = await db.insert(leads).values(values).returning();
    return row!;
  }

  async update(subAccountId: number, id: number, values: Partial<Insert>, db: DbOrTx = this.database.db) {
    const [row] = await db
      .update(leads)
      .set({ ...values, updatedAt: new Date() })
      .where(inTenant(leads.subAccountId, subAccountId, eq(leads.id, id)))
      .returning();
    return row;
  }

  async delete(subAccountId: number, id: number): Promise<boolean> {
    const rows = await this.database.db
      .delete(leads)
      .where(inTenant(leads.subAccountId, subAccountId, eq(leads.id, id)))
      .returning({ id: leads.id });
    return rows.length === 1;
  }
}

/** The leads list's filters, as one condition (also what a campaign "from these leads" selects). */
export function leadFilterWhere(subAccountId: number, f: LeadFilter): SQL {
  const term = f.search ? likePattern(f.search) : undefined;
  return inTenant(
    leads.subAccountId,
    subAccountId,
    term
      ? or(ilike(leads.name, term), ilike(leads.email, term), ilike(leads.phone, term), ilike(leads.company, term))
      : undefined,
    f.status ? eq(leads.status, f.status) : undefined,
    f.strategyId ? eq(leads.strategyId, f.strategyId) : undefined,
    f.ownerId ? eq(leads.ownerId, f.ownerId) : undefined,
    f.sms ? SMS_FILTERS[f.sms] : undefined,
  );
}

const SMS_FILTERS = {
  replied: sql`exists (select 1 from ${smsMessages} m
    where m.lead_id = ${leads.id} and m.direction = 'inbound')`,
  opted_out: sql`exists (select 1 from ${smsOptOuts} o
    where o.sub_account_id = ${leads.subAccountId} and o.phone_number = ${leads.phone})`,
  never_texted: sql`not exists (select 1 from ${smsMessages} m
    where m.direction = 'outbound' and (m.lead_id = ${leads.id}
      or (m.sub_account_id = ${leads.subAccountId} and m.phone_number = ${leads.phone})))`,
};
