import { Injectable } from '@nestjs/common';
import { count, desc, eq, ilike } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { strategies } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';

type Insert = typeof strategies.$inferInsert;

@Injectable()
export class StrategiesRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: { page: number; limit: number; search?: string }) {
    const where = inTenant(
      strategies.subAccountId,
      subAccountId,
      q.search ? ilike(strategies.name, likePattern(q.search)) : undefined,
    );
    const db = this.database.db;
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(strategies)
        .where(where)
        .orderBy(desc(strategies.createdAt), desc(strategies.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      db.select({ n: count() }).from(strategies).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async find(subAccountId: number, id: number) {
    const [row] = await this.database.db
      .select()
      .from(strategies)
      .where(inTenant(strategies.subAccountId, subAccountId, eq(strategies.id, id)));
    return row;
  }

  async create(values: Insert) {
    const [row] = await this.database.db.insert(strategies).values(values).returning();
    return row!;
  }

  async update(subAccountId: number, id: number, values: Partial<Insert>) {
    const [row] = await this.database.db
      .update(strategies)
      .set({ ...values, updatedAt: new Date() })
      .where(inTenant(strategies.subAccountId, subAccountId, eq(strategies.id, id)))
      .returning();
    return row;
  }

  async delete(subAccountId: number, id: number): Promise<boolean> {
    const rows = await this.database.db
      .delete(strategies)
      .where(inTenant(strategies.subAccountId, subAccountId, eq(strategies.id, id)))
      .returning({ id: strategies.id });
    return rows.length === 1;
  }
}
