import type { DbOrTx } from 'src/core/database/database.service';
import type { SmsMessageRow } from '../repositories/sms-messages.repository';
import type { CampaignDelta, ErrorKey, SmsStatsRepository, StatsDelta } from '../repositories/sms-stats.repository';
import { errorKey, statsDayOf, type Failure } from './lifecycle-rules';

type Numeric = Record<string, number | string | undefined>;

function add<T extends Numeric>(into: T, delta: T): void {
  for (const [k, v] of Object.entries(delta)) {
    if (v === undefined) continue;
    const prev = into[k];
    (into as Numeric)[k] =
      typeof v === 'string' || typeof prev === 'string'
        ? (Number(prev ?? 0) + Number(v)).toFixed(5)
        : Number(prev ?? 0) + v;
  }
}

/**
 * The roll-up changes of many status changes in one transaction, summed per row of sms_daily_stats,
 * sms_error_stats and sms_campaigns, and written once each at the end (in key order, so two batches never wait
 * on each other's rows in opposite orders). These rows are the hot ones: one upsert per batch, not per message.
 */
export class RollupBatch {
  private readonly daily = new Map<string, { subAccountId: number; day: string; delta: StatsDelta }>();
  private readonly errors = new Map<string, { key: ErrorKey; n: number }>();
  private readonly campaigns = new Map<number, CampaignDelta>();

  add(row: SmsMessageRow, daily: StatsDelta, campaign: CampaignDelta, now: Date, failure?: Failure): void {
    const day = statsDayOf(row, now);
    this.addDaily(row.subAccountId, day, daily);
    if (failure) this.addError(errorKey(row, day, failure), 1);
    if (row.campaignId) this.addCampaign(row.campaignId, campaign);
  }

  addDaily(subAccountId: number, day: string, delta: StatsDelta): void {
    const k = `${String(subAccountId).padStart(10, '0')}:${day}`;
    const entry = this.daily.get(k) ?? { subAccountId, day, delta: {} };
    add(entry.delta as Numeric, delta as Numeric);
    this.daily.set(k, entry);
  }

  addError(key: ErrorKey, n: number): void {
    const k = JSON.stringify([key.subAccountId, key.day, key.campaignId ?? 0, key.errorCode ?? 0, key.outcome]);
    const entry = this.errors.get(k) ?? { key, n: 0 };
    entry.n += n;
    this.errors.set(k, entry);
  }

  addCampaign(campaignId: number, delta: CampaignDelta): void {
    const entry = this.campaigns.get(campaignId) ?? {};
    add(entry as Numeric, delta as Numeric);
    this.campaigns.set(campaignId, entry);
  }

  async flush(db: DbOrTx, stats: SmsStatsRepository): Promise<void> {
    for (const k of [...this.daily.keys()].sort()) {
      const { subAccountId, day, delta } = this.daily.get(k)!;
      await stats.bumpDaily(db, subAccountId, day, delta);
    }
    for (const k of [...this.errors.keys()].sort()) {
      const { key, n } = this.errors.get(k)!;
      if (n !== 0) await stats.bumpErrors(db, key, n);
    }
    for (const id of [...this.campaigns.keys()].sort((a, b) => a - b))
      await stats.bumpCampaign(db, id, this.campaigns.get(id)!);
    this.daily.clear();
    this.errors.clear();
    this.campaigns.clear();
  }
}
