import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { subAccounts } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';

type Row = typeof subAccounts.$inferSelect;
/** null: a super_admin, who manages every SubAccount. */
export type ManagerScope = number | null;

@Injectable()
export class SubAccountsRepository {
  constructor(private readonly database: DatabaseService) {}

  private scoped(manager: ManagerScope, ...conditions: (SQL | undefined)[]) {
    return and(manager === null ? undefined : eq(subAccounts.createdByAdminId, manager), ...conditions);
  }

  async list(manager: ManagerScope, q: { page: number; limit: number; search?: string }) {
    const where = this.scoped(manager, q.search ? ilike(subAccounts.name, likePattern(q.search)) : undefined);
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(subAccounts)
        .where(where)
        .orderBy(desc(subAccounts.createdAt), desc(subAccounts.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(subAccounts).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async find(manager: ManagerScope, id: number): Promise<Row | undefined> {
    const [row] = await this.database.db
      .select()
      .from(subAccounts)
      .where(this.scoped(manager, eq(subAccounts.id, id)));
    return row;
  }

  async create(values: typeof subAccounts.$inferInsert): Promise<Row> {
    const [row] = await this.database.db.insert(subAccounts).values(values).returning();
    return row!;
  }

  async update(manager: ManagerScope, id: number, values: Partial<typeof subAccounts.$inferInsert>) {
    const [row] = await this.database.db
      .update(subAccounts)
      .set({ ...values, updatedAt: new Date() })
      .where(this.scoped(manager, eq(subAccounts.id, id)))
      .returning();
    return row;
  }

  async delete(manager: ManagerScope, id: number): Promise<boolean> {
    const rows = await this.database.db
      .delete(subAccounts)
      .where(this.scoped(manager, eq(subAccounts.id, id)))
      .returning({ id: subAccounts.id });
    return rows.length === 1;
  }
}
