import { Injectable } from '@nestjs/common';
import { eq, ilike } from 'drizzle-orm';
import { QueryValues } from 'src/core/database/compiled-queries';
import { DatabaseService } from 'src/core/database/database.service';
import { smsOptOuts } from 'src/core/database/schema';
import { keysetPage, tableList, type KeysetKey, type KeysetQuery } from 'src/core/database/keyset-page';
import { likePattern } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';

const OPT_OUT_ORDER: KeysetKey = { at: smsOptOuts.createdAt, id: smsOptOuts.id };

@Injectable()
export class OptOutsListRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Newest first by (created_at, id): sms_opt_outs_recent_idx (sub_account_id, created_at, id). */
  async list(subAccountId: number, q: KeysetQuery & { search?: string }) {
    const v = new QueryValues();
    const where = inTenant(
      smsOptOuts.subAccountId,
      v.$('subAccountId', subAccountId),
      q.search ? ilike(smsOptOuts.phoneNumber, v.$('search', likePattern(q.search.replace(/[^\d+]/g, '')))) : undefined,
    );
    const db = this.database.db;
    const plan = q.search ? 'perValues' : 'reusable';
    return keysetPage(db, tableList(db, 'opt-outs', smsOptOuts, OPT_OUT_ORDER, plan), where, v, q);
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
