import { Injectable } from '@nestjs/common';
import { count, desc, eq, ilike, or } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { adminUsers, users } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';

type Insert = typeof users.$inferInsert;

@Injectable()
export class UsersRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: { page: number; limit: number; search?: string }) {
    const search = q.search
      ? or(ilike(users.name, likePattern(q.search)), ilike(users.email, likePattern(q.search)))
      : undefined;
    const where = inTenant(users.subAccountId, subAccountId, search);
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(users)
        .where(where)
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(users).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async find(subAccountId: number, id: number) {
    const [row] = await this.database.db
      .select()
      .from(users)
      .where(inTenant(users.subAccountId, subAccountId, eq(users.id, id)));
    return row;
  }

  /** Emails are unique across admins and users: both sign in on one form. */
  async emailTaken(email: string): Promise<boolean> {
    const db = this.database.db;
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    const [a] = await db.select({ id: adminUsers.id }).from(adminUsers).where(eq(adminUsers.email, email)).limit(1);
    return Boolean(u ?? a);
  }

  async create(values: Insert) {
    const [row] = await this.database.db.insert(users).values(values).returning();
    return row!;
  }

  async update(subAccountId: number, id: number, values: Partial<Insert>) {
    const [row] = await this.database.db
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(inTenant(users.subAccountId, subAccountId, eq(users.id, id)))
      .returning();
    return row;
  }

  async delete(subAccountId: number, id: number): Promise<boolean> {
    const rows = await this.database.db
      .delete(users)
      .where(inTenant(users.subAccountId, subAccountId, eq(users.id, id)))
      .returning({ id: users.id });
    return rows.length === 1;
  }
}
