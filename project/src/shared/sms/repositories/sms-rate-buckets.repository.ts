import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import type { Tx } from 'src/core/database/database.service';
import { smsRateBuckets } from 'src/core/database/schema';

export type RateBucketRow = typeof smsRateBuckets.$inferSelect;

/** The token bucket rows: locked for the length of a claim so every dispatcher process shares one budget. */
@Injectable()
export class SmsRateBucketsRepository {
  async lock(tx: Tx, subAccountId: number, now: Date, initialTokens: number): Promise<RateBucketRow> {
    await tx
      .insert(smsRateBuckets)
      .values({ subAccountId, tokens: initialTokens, refilledAt: now })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(smsRateBuckets)
      .where(eq(smsRateBuckets.subAccountId, subAccountId))
      .for('update');
    return row!;
  }

  async save(tx: Tx, subAccountId: number, values: Partial<RateBucketRow>): Promise<void> {
    await tx.update(smsRateBuckets).set(values).where(eq(smsRateBuckets.subAccountId, subAccountId));
  }
}
