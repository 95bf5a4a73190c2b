import { Injectable } from '@nestjs/common';
import { and, asc, between, eq, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { DatabaseService } from 'src/core/database/database.service';
import { smsCampaigns, smsDailyStats, smsErrorStats } from 'src/core/database/schema';

export interface DayRange {
  from: string;
  to: string;
}

export interface UsageMonthRow {
  subAccountId: number;
  month: string;
  sent: number;
  delivered: number;
  failed: number;
  undelivered: number;
  segments: number;
  cost: string;
}

export interface ErrorCountRow {
  outcome: 'failed' | 'undelivered';
  count: number;
}

const sumInt = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)::int`;

/**
 * Reports read the roll-ups only (sms_daily_stats, sms_error_stats), never sms_messages. Both are keyed by
 * (sub_account_id, day, …): every query here is a range scan of that primary key per SubAccount.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly database: DatabaseService) {}

  private get db() {
    return this.database.db;
  }

  usageByMonth(subAccountIds: number[], range: DayRange): Promise<UsageMonthRow[]> {
    const month = sql<string>`to_char(${smsDailyStats.day}, 'YYYY-MM')`;
    return this.db
      .select({
        subAccountId: smsDailyStats.subAccountId,
        month,
        sent: sumInt(smsDailyStats.sent),
        delivered: sumInt(smsDailyStats.delivered),
        failed: sumInt(smsDailyStats.failed),
        undelivered: sumInt(smsDailyStats.undelivered),
        segments: sumInt(smsDailyStats.segments),
        cost: sql<string>`coalesce(sum(${smsDailyStats.cost}), 0)::text`,
      })
      .from(smsDailyStats)
      .where(and(inArray(smsDailyStats.subAccountId, subAccountIds), between(smsDailyStats.day, range.from, range.to)))
      .groupBy(smsDailyStats.subAccountId, month)
      .orderBy(month, smsDailyStats.subAccountId);
  }

  private errorsWhere(subAccountIds: number[], range: DayRange) {
    return and(inArray(smsErrorStats.subAccountId, subAccountIds), between(smsErrorStats.day, range.from, range.to));
  }

  errorsByCode(subAccountIds: number[], range: DayRange): Promise<(ErrorCountRow & { errorCode: number })[]> {
    return this.db
      .select({
        errorCode: smsErrorStats.errorCode,
        outcome: smsErrorStats.outcome,
        count: sumInt(smsErrorStats.count),
      })
      .from(smsErrorStats)
      .where(this.errorsWhere(subAccountIds, range))
      .groupBy(smsErrorStats.errorCode, smsErrorStats.outcome);
  }

  /** Per SubAccount and campaign (0: none); a campaign deleted since has no name. */
  errorsByCampaign(
    subAccountIds: number[],
    range: DayRange,
  ): Promise<(ErrorCountRow & { subAccountId: number; campaignId: number; campaignName: string | null })[]> {
    return this.db
      .select({
        subAccountId: smsErrorStats.subAccountId,
        campaignId: smsErrorStats.campaignId,
        campaignName: smsCampaigns.name,
        outcome: smsErrorStats.outcome,
        count: sumInt(smsErrorStats.count),
      })
      .from(smsErrorStats)
      .leftJoin(smsCampaigns, eq(smsCampaigns.id, smsErrorStats.campaignId))
      .where(this.errorsWhere(subAccountIds, range))
      .groupBy(smsErrorStats.subAccountId, smsErrorStats.campaignId, smsCampaigns.name, smsErrorStats.outcome);
  }

  errorsByDay(subAccountIds: number[], range: DayRange): Promise<(ErrorCountRow & { day: string })[]> {
    return this.db
      .select({ day: smsErrorStats.day, outcome: smsErrorStats.outcome, count: sumInt(smsErrorStats.count) })
      .from(smsErrorStats)
      .where(this.errorsWhere(subAccountIds, range))
      .groupBy(smsErrorStats.day, smsErrorStats.outcome)
      .orderBy(asc(smsErrorStats.day));
  }
}
