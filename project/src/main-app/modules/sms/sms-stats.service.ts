import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { Clock } from 'src/core/clock/clock';
import { SmsStatsRepository } from 'src/shared/sms/repositories/sms-stats.repository';
import type { PeriodStatsDto, SmsStatsDto } from './dto/sms-stats.dto';

const empty = (): PeriodStatsDto => ({ sent: 0, delivered: 0, failed: 0, undelivered: 0, segments: 0, cost: 0 });

/** Statistics from the daily roll-up (sms_daily_stats); never a scan of the messages. */
@Injectable()
export class SmsStatsService {
  constructor(
    private readonly stats: SmsStatsRepository,
    private readonly clock: Clock,
  ) {}

  async get(auth: AuthContext): Promise<SmsStatsDto> {
    const rows = await this.stats.daily(tenantOf(auth));
    const now = this.clock.now();
    const thisMonthKey = now.toISOString().slice(0, 7);
    const since = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
    const total = empty();
    const monthly: Record<string, PeriodStatsDto> = {};
    const daily: Record<string, PeriodStatsDto> = {};
    for (const r of rows) {
      const values = { ...r, cost: Number(r.cost) };
      add(total, values);
      add((monthly[r.day.slice(0, 7)] ??= empty()), values);
      if (r.day >= since) add((daily[r.day] ??= empty()), values);
    }
    return {
      totalSent: total.sent,
      totalDelivered: total.delivered,
      totalFailed: total.failed,
      totalUndelivered: total.undelivered,
      deliveryRate: total.sent > 0 ? round(total.delivered / total.sent, 4) : 0,
      totalSegments: total.segments,
      totalCost: round(total.cost, 5),
      thisMonth: monthly[thisMonthKey] ?? empty(),
      monthlyStats: monthly,
      dailyStats: daily,
    };
  }
}

function add(into: PeriodStatsDto, r: PeriodStatsDto): void {
  into.sent += r.sent;
  into.delivered += r.delivered;
  into.failed += r.failed;
  into.undelivered += r.undelivered;
  into.segments += r.segments;
  into.cost = round(into.cost + r.cost, 5);
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
