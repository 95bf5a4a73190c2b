import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { smsCampaigns, smsDailyStats, smsErrorStats } from 'src/core/database/schema';

export interface StatsDelta {
  sent?: number;
  delivered?: number;
  failed?: number;
  undelivered?: number;
  segments?: number;
  cost?: string;
}

export interface CampaignDelta {
  sentCount?: number;
  deliveredCount?: number;
  failedCount?: number;
  undeliveredCount?: number;
  canceledCount?: number;
  optedOutCount?: number;
  segments?: number;
  cost?: string;
}

/** Which failure a message counts as in sms_error_stats (campaign and code 0: none). */
export interface ErrorKey {
  subAccountId: number;
  day: string;
  campaignId: number | null;
  errorCode: number | null;
  outcome: 'failed' | 'undelivered';
}

/** The roll-ups: sms_daily_stats per SubAccount and day, sms_error_stats, and each campaign's counters. */
@Injectable()
export class SmsStatsRepository {
  constructor(private readonly database: DatabaseService) {}

  async bumpDaily(db: DbOrTx, subAccountId: number, day: string, d: StatsDelta): Promise<void> {
    const values = {
      sent: d.sent ?? 0,
      delivered: d.delivered ?? 0,
      failed: d.failed ?? 0,
      undelivered: d.undelivered ?? 0,
      segments: d.segments ?? 0,
      cost: d.cost ?? '0',
    };
    await db
      .insert(smsDailyStats)
      .values({ subAccountId, day, ...values })
      .onConflictDoUpdate({
        target: [smsDailyStats.subAccountId, smsDailyStats.day],
        set: {
          sent: sql`${smsDailyStats.sent} + ${values.sent}`,
          delivered: sql`${smsDailyStats.delivered} + ${values.delivered}`,
          failed: sql`${smsDailyStats.failed} + ${values.failed}`,
          undelivered: sql`${smsDailyStats.undelivered} + ${values.undelivered}`,
          segments: sql`${smsDailyStats.segments} + ${values.segments}`,
          cost: sql`${smsDailyStats.cost} + ${values.cost}::numeric`,
        },
      });
  }

  /** One upsert on the (sub_account_id, day, campaign_id, error_code, outcome) primary key. */
  async bumpErrors(db: DbOrTx, key: ErrorKey, delta: number): Promise<void> {
    await db
      .insert(smsErrorStats)
      .values({ ...key, campaignId: key.campaignId ?? 0, errorCode: key.errorCode ?? 0, count: delta })
      .onConflictDoUpdate({
        target: [
          smsErrorStats.subAccountId,
          smsErrorStats.day,
          smsErrorStats.campaignId,
          smsErrorStats.errorCode,
          smsErrorStats.outcome,
        ],
        set: { count: sql`${smsErrorStats.count} + ${delta}` },
      });
  }

  async bumpCampaign(db: DbOrTx, campaignId: number, d: CampaignDelta): Promise<void> {
    const set: Record<string, unknown> = { updatedAt: sql`now()` };
    for (const [key, value] of Object.entries(d) as [keyof CampaignDelta, number | string | undefined][]) {
      if (value === undefined || value === 0) continue;
      const column = smsCampaigns[key];
      set[key] = key === 'cost' ? sql`${column} + ${value}::numeric` : sql`${column} + ${value}`;
    }
    await db.update(smsCampaigns).set(set).where(eq(smsCampaigns.id, campaignId));
  }

  /** Served by the (sub_account_id, day) primary key. */
  daily(subAccountId: number, from?: string, to?: string) {
    return this.database.db
      .select()
      .from(smsDailyStats)
      .where(
        and(
          eq(smsDailyStats.subAccountId, subAccountId),
          from ? gte(smsDailyStats.day, from) : undefined,
          to ? lte(smsDailyStats.day, to) : undefined,
        ),
      )
      .orderBy(asc(smsDailyStats.day));
  }
}
