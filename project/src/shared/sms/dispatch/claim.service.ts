import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsRateBucketsRepository } from '../repositories/sms-rate-buckets.repository';
import type { Sender } from '../settings/sender.service';
import { take } from '../token-bucket';
import { MessageLifecycleService } from './message-lifecycle.service';

/** Claims a SubAccount's due messages within its token bucket and in-flight cap, in one transaction. */
@Injectable()
export class ClaimService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly buckets: SmsRateBucketsRepository,
    private readonly lifecycle: MessageLifecycleService,
    private readonly clock: Clock,
  ) {}

  /** Burst size: a batch at most, and never more than a minute's worth. */
  capacityOf(sender: Sender): number {
    return Math.max(1, Math.min(sender.rateLimitPerMinute, this.config.sms.maxBatchSize));
  }

  async claim(sender: Sender): Promise<SmsMessageRow[]> {
    const now = this.clock.now();
    const rate = sender.rateLimitPerMinute;
    const capacity = this.capacityOf(sender);
    const leaseUntil = new Date(now.getTime() + this.config.sms.leaseSeconds * 1000);
    return this.database.transaction(async (tx) => {
      const bucket = await this.buckets.lock(tx, sender.subAccountId, now, capacity);
      const cap =
        bucket.inFlightCapUntil && bucket.inFlightCapUntil > now && bucket.inFlightCap
          ? bucket.inFlightCap
          : sender.maxInFlight;
      const room = cap - (await this.messages.countInFlight(tx, sender.subAccountId));
      const want = Math.max(0, Math.min(room, this.config.sms.maxBatchSize));
      const state = { tokens: bucket.tokens, updatedAt: bucket.refilledAt };
      const { granted } = take(state, want, now, rate, capacity);
      const rows = await this.messages.claimDue(tx, sender.subAccountId, granted, now, leaseUntil);
      const sending = rows.filter((r) => r.status === 'sending');
      for (const r of rows) if (r.status === 'canceled') await this.lifecycle.cancelPending(tx, r, 'opted_out', true);
      // Only messages actually claimed spend tokens.
      const spent = take(state, sending.length, now, rate, capacity).bucket;
      await this.buckets.save(tx, sender.subAccountId, { tokens: spent.tokens, refilledAt: spent.updatedAt });
      return sending;
    });
  }

  /** A claimed message that must not go out after all (an opt-out committed after the claim). */
  async cancelClaimed(row: SmsMessageRow, reason: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      const updated = await this.messages.update(
        row.id,
        { status: 'canceled', statusReason: reason, lockedUntil: null },
        tx,
        'sending',
      );
      if (updated) await this.lifecycle.cancelPending(tx, updated, reason, true);
    });
  }
}
