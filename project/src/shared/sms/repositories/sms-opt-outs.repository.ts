import { Injectable } from '@nestjs/common';
import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { smsOptOuts } from 'src/core/database/schema';

export type OptOutSource = (typeof smsOptOuts.$inferInsert)['source'];

/**
 * "Is this row's number opted out?" for each row a statement returns: an index probe of sms_opt_outs_number_idx
 * per row. Not `exists (…)`: the planner may run that as one hashed scan of every SubAccount's opt-outs per
 * statement (21.6 ms a claim, 18.7 ms an Inbox page, at 20,000 opt-outs; test/reads/opt-out-lookups.spec.ts).
 */
export const isOptedOut = (subAccountId: SQLWrapper, phoneNumber: SQLWrapper): SQL<boolean> =>
  sql<boolean>`coalesce((select true from ${smsOptOuts} o
    where o.sub_account_id = ${subAccountId} and o.phone_number = ${phoneNumber} limit 1), false)`;

@Injectable()
export class SmsOptOutsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Served by sms_opt_outs_number_idx (sub_account_id, phone_number). */
  async isOptedOut(subAccountId: number, phoneNumber: string, db: DbOrTx = this.database.db): Promise<boolean> {
    const [row] = await db
      .select({ id: smsOptOuts.id })
      .from(smsOptOuts)
      .where(and(eq(smsOptOuts.subAccountId, subAccountId), eq(smsOptOuts.phoneNumber, phoneNumber)))
      .limit(1);
    return Boolean(row);
  }

  /**
   * Which of these numbers are on the list (sms_opt_outs_number_idx), e.g. an import chunk's. They travel as one
   * JSON parameter: building thousands of bind parameters cost more CPU than the query.
   */
  async optedOutAmong(subAccountId: number, phones: string[], db: DbOrTx = this.database.db): Promise<Set<string>> {
    if (phones.length === 0) return new Set();
    const rows = await db
      .select({ phone: smsOptOuts.phoneNumber })
      .from(smsOptOuts)
      .where(
        and(
          eq(smsOptOuts.subAccountId, subAccountId),
          sql`${smsOptOuts.phoneNumber} in (select json_array_elements_text(${JSON.stringify(phones)}::json))`,
        ),
      );
    return new Set(rows.map((r) => r.phone));
  }

  /** True when the number was added (false: it was already on the list). */
  async add(
    subAccountId: number,
    phoneNumber: string,
    source: OptOutSource,
    by: { userId?: number; adminId?: number } = {},
    db: DbOrTx = this.database.db,
  ): Promise<boolean> {
    const rows = await db
      .insert(smsOptOuts)
      .values({ subAccountId, phoneNumber, source, createdByUserId: by.userId, createdByAdminId: by.adminId })
      .onConflictDoNothing()
      .returning({ id: smsOptOuts.id });
    return rows.length === 1;
  }

  async remove(subAccountId: number, phoneNumber: string, db: DbOrTx = this.database.db): Promise<boolean> {
    const rows = await db
      .delete(smsOptOuts)
      .where(and(eq(smsOptOuts.subAccountId, subAccountId), eq(smsOptOuts.phoneNumber, phoneNumber)))
      .returning({ id: smsOptOuts.id });
    return rows.length === 1;
  }
}
