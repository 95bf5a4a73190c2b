import { Injectable } from '@nestjs/common';
import { desc, eq, ilike, sql } from 'drizzle-orm';
import { boundedTotal } from 'src/core/database/bounded-count';
import { DatabaseService } from 'src/core/database/database.service';
import { smsOptOuts } from 'src/core/database/schema';
import { likePattern, offsetOf } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';

@Injectable()
export class OptOutsListRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(subAccountId: number, q: { page: number; limit: number; search?: string }) {
    const where = inTenant(
      smsOptOuts.subAccountId,
      subAccountId,
      q.search ? ilike(smsOptOuts.phoneNumber, likePattern(q.search.replace(/[^\d+]/g, ''))) : undefined,
    );
    const db = this.database.db;
    const [items, total] = await Promise.all([
      db
        .select()
        .from(smsOptOuts)
        .where(where)
        .orderBy(desc(smsOptOuts.createdAt), desc(smsOptOuts.id))
        .limit(q.limit)
        .offset(offsetOf(q)),
      boundedTotal(db, (limit) =>
        db
          .select({ one: sql`1` })
          .from(smsOptOuts)
          .where(where)
          .limit(limit),
      ),
    ]);
    return { items, ...total };
  }

  async find(subAccountId: number, id: number) {
    const [row] = await this.database.db
      .select()
      .from(smsOptOuts)
      .where(inTenant(smsOptOuts.subAccountId, subAccountId, eq(smsOptOuts.id, id)));
    return row;
  }

  async findByPhone(subAccountId: number, phone: string) {
    const [row] = await this.database.db
      .select()
      .from(smsOptOuts)
      .where(inTenant(smsOptOuts.subAccountId, subAccountId, eq(smsOptOuts.phoneNumber, phone)));
    return row;
  }

  /** Adds many numbers at once; returns how many were new. */
  async addMany(subAccountId: number, phones: string[], by: { userId?: number; adminId?: number }): Promise<number> {
    if (phones.length === 0) return 0;
    const rows = await this.database.db
      .insert(smsOptOuts)
      .values(
        phones.map((phoneNumber) => ({
          subAccountId,
          phoneNumber,
          source: 'import' as const,
          createdByUserId: by.userId,
          createdByAdminId: by.adminId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: smsOptOuts.id });
    return rows.length;
  }
}
