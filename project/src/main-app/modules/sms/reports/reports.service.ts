import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { describeTwilioError } from 'src/shared/sms/twilio-errors';
import type { ReportQueryDto } from './dto/report-query.dto';
import type {
  FailureCampaignDto,
  FailureCodeDto,
  FailureCountsDto,
  FailureDayDto,
  FailureReportDto,
} from './dto/failure-report.dto';
import type { UsageReportDto, UsageRowDto, UsageTotalsDto } from './dto/usage-report.dto';
import { ReportScopeService, thirtyDaysBack, twelveMonthsBack } from './report-scope.service';
import { ReportsRepository, type ErrorCountRow, type UsageMonthRow } from './reports.repository';

/** The roll-up sums prices as Twilio reports them; the accounts this app serves are priced in USD. */
export const REPORT_CURRENCY = 'USD';

/** Usage and failure reports across the caller's SubAccounts, from the roll-ups only. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly scopes: ReportScopeService,
    private readonly reports: ReportsRepository,
  ) {}

  async usage(auth: AuthContext, q: ReportQueryDto): Promise<UsageReportDto> {
    const { subAccounts, range } = await this.scopes.resolve(auth, q, twelveMonthsBack);
    const names = new Map(subAccounts.map((s) => [s.id, s.name]));
    const months = subAccounts.length ? await this.reports.usageByMonth([...names.keys()], range) : [];
    const rows: UsageRowDto[] = months.map((m) => ({
      subAccountId: m.subAccountId,
      subAccountName: names.get(m.subAccountId) ?? '',
      month: m.month,
      ...usageOf(m),
    }));
    const perSubAccount = subAccounts.map((s) => ({
      subAccountId: s.id,
      subAccountName: s.name,
      ...sumUsage(rows.filter((r) => r.subAccountId === s.id)),
    }));
    return {
      ...range,
      timeZone: 'UTC',
      currency: REPORT_CURRENCY,
      rows,
      subAccounts: perSubAccount,
      totals: sumUsage(rows),
    };
  }

  async failures(auth: AuthContext, q: ReportQueryDto): Promise<FailureReportDto> {
    const { subAccounts, range } = await this.scopes.resolve(auth, q, thirtyDaysBack);
    const ids = subAccounts.map((s) => s.id);
    const names = new Map(subAccounts.map((s) => [s.id, s.name]));
    const [codes, campaigns, days] = ids.length
      ? await Promise.all([
          this.reports.errorsByCode(ids, range),
          this.reports.errorsByCampaign(ids, range),
          this.reports.errorsByDay(ids, range),
        ])
      : [[], [], []];
    const byCode: FailureCodeDto[] = groupCounts(codes, (r) => String(r.errorCode)).map(([r, counts]) => {
      const { title, meaning, action, known, docsUrl } = describeTwilioError(r.errorCode);
      return { errorCode: r.errorCode || null, ...counts, title, meaning, action, known, docsUrl };
    });
    const byCampaign: FailureCampaignDto[] = groupCounts(campaigns, (r) => `${r.subAccountId}:${r.campaignId}`).map(
      ([r, counts]) => ({
        campaignId: r.campaignId || null,
        campaignName: campaignLabel(r.campaignId, r.campaignName),
        subAccountId: r.subAccountId,
        subAccountName: names.get(r.subAccountId) ?? '',
        ...counts,
      }),
    );
    const byDay: FailureDayDto[] = groupCounts(days, (r) => r.day)
      .map(([r, counts]) => ({ day: r.day, ...counts }))
      .sort((a, b) => a.day.localeCompare(b.day));
    return {
      ...range,
      timeZone: 'UTC',
      totals: byDay.reduce(addCounts, zeroCounts()),
      byCode: byMost(byCode, (r) => r.errorCode),
      byCampaign: byMost(
        byCampaign,
        (r) => r.subAccountId,
        (r) => r.campaignId,
      ),
      byDay,
    };
  }
}

function usageOf(m: Omit<UsageMonthRow, 'subAccountId' | 'month'>): UsageTotalsDto {
  return {
    messages: m.sent,
    delivered: m.delivered,
    failed: m.failed,
    undelivered: m.undelivered,
    segments: m.segments,
    cost: round(Number(m.cost), 5),
    deliveryRate: rate(m.delivered, m.sent),
  };
}

function sumUsage(rows: UsageTotalsDto[]): UsageTotalsDto {
  const t = { sent: 0, delivered: 0, failed: 0, undelivered: 0, segments: 0, cost: 0 };
  for (const r of rows) {
    t.sent += r.messages;
    t.delivered += r.delivered;
    t.failed += r.failed;
    t.undelivered += r.undelivered;
    t.segments += r.segments;
    t.cost += r.cost;
  }
  return usageOf({ ...t, cost: String(t.cost) });
}

/** Folds the failed/undelivered rows of one key into one count; keys whose counts net to zero are dropped. */
function groupCounts<R extends ErrorCountRow>(rows: R[], keyOf: (r: R) => string): [R, FailureCountsDto][] {
  const groups = new Map<string, [R, FailureCountsDto]>();
  for (const r of rows) {
    const key = keyOf(r);
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = [r, zeroCounts()]));
    entry[1][r.outcome] += r.count;
    entry[1].total += r.count;
  }
  return [...groups.values()].filter(([, c]) => c.failed !== 0 || c.undelivered !== 0);
}

const zeroCounts = (): FailureCountsDto => ({ failed: 0, undelivered: 0, total: 0 });

function addCounts(into: FailureCountsDto, c: FailureCountsDto): FailureCountsDto {
  return { failed: into.failed + c.failed, undelivered: into.undelivered + c.undelivered, total: into.total + c.total };
}

/** Most first; ties in a stable order (by id, "none" last). */
function byMost<T extends FailureCountsDto>(rows: T[], ...ids: ((r: T) => number | null)[]): T[] {
  const rank = (v: number | null) => v ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => b.total - a.total || ids.reduce((d, id) => d || rank(id(a)) - rank(id(b)), 0));
}

function campaignLabel(campaignId: number, name: string | null): string {
  if (campaignId === 0) return 'Single sends (no campaign)';
  return name ?? `Deleted campaign #${campaignId}`;
}

/** As the SMS dashboard: delivered / sent. */
const rate = (delivered: number, sent: number) => (sent > 0 ? round(delivered / sent, 4) : 0);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
