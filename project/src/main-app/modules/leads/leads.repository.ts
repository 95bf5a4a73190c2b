import { Injectable } from '@nestjs/common';
import { count, desc, eq, ilike, or } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { leads, strategies, subAccounts, users } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import type { LeadQueryDto } from './dto/lead.dto';

type Insert = typeof leads.$inferInsert;

@Injectable()
export class LeadsRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: LeadQueryDto) {
    const term = q.search ? likePattern(q.search) : undefined;
    const where = inTenant(
      leads.subAccountId,
      subAccountId,
      term
        ? or(ilike(leads.name, term), ilike(leads.email, term), ilike(leads.phone, term), ilike(leads.company, term))
        : undefined,
      q.status ? eq(leads.status, q.status) : undefined,
      q.strategyId ? eq(leads.strategyId, q.strategyId) : undefined,
      q.ownerId ? eq(leads.ownerId, q.ownerId) : undefined,
    );
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

  async find(subAccountId: number, id: number, db: DbOrTx = this.database.db) {
    const [row] = await db
      .select()
      .from(leads)
      .where(inTenant(leads.subAccountId, subAccountId, eq(leads.id, id)));
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
