import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsRateBucketsRepository } from '../repositories/sms-rate-buckets.repository';
import type { Sender } from '../settings/sender.service';
import { capacityFor, charge, grant, waitMsFor } from '../token-bucket';
import { inFlightCapOf } from './in-flight-cap';
import { MessageLifecycleService } from './message-lifecycle.service';

export interface ClaimResult {
  rows: SmsMessageRow[];
  /** Requests the sender could still take before this claim (its in-flight cap minus what is in flight). */
  room: number;
  /** Messages the bucket allowed (rows.length below it: nothing more is due). */
  granted: number;
  /** When the bucket allows the next message (0: now). */
  waitMs: number;
}

/**
 * The first step of claim → send → record: takes a SubAccount's due messages, as many as its in-flight cap has
 * room for and its token bucket (segments per second, shared by every process) allows, in one transaction.
 */
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

  async claim(sender: Sender): Promise<SmsMessageRow[]> {
    return (await this.claimBatch(sender)).rows;
  }

  async claimBatch(sender: Sender): Promise<ClaimResult> {
    const now = this.clock.now();
    const rate = sender.segmentsPerSecond;
    const capacity = capacityFor(rate);
    const leaseUntil = new Date(now.getTime() + this.config.sms.leaseSeconds * 1000);
    return this.database.transaction(async (tx) => {
      // A new bucket holds one second's worth, not a minute's.
      const bucket = await this.buckets.lock(tx, sender.subAccountId, now, capacity);
      const room = inFlightCapOf(bucket, sender, now) - (await this.messages.countInFlight(tx, sender.subAccountId));
      const state = { tokens: bucket.tokens, updatedAt: bucket.refilledAt };
      const granted = grant(state, Math.max(0, Math.min(room, this.config.sms.maxBatchSize)), now, rate, capacity);
      const rows = await this.messages.claimDue(tx, sender.subAccountId, granted, now, leaseUntil);
      const sending = rows.filter((r) => r.status === 'sending');
      for (const r of rows) if (r.status === 'canceled') await this.lifecycle.cancelPending(tx, r, 'opted_out', true);
      // Only messages actually claimed spend tokens, each its segments (Twilio counts its rate in segments).
      const segments = sending.reduce((sum, r) => sum + Math.max(1, r.segments), 0);
      const spent = charge(state, segments, now, rate, capacity);
      await this.buckets.save(tx, sender.subAccountId, { tokens: spent.tokens, refilledAt: spent.updatedAt });
      return { rows: sending, room: Math.max(0, room), granted, waitMs: waitMsFor(spent, 1, now, rate) };
    });
  }

  /** Claimed messages that will not be sent by this process (it is stopping): due again at once, attempt refunded. */
  async releaseClaimed(rows: SmsMessageRow[], reason: string): Promise<void> {
    for (const row of rows) await this.lifecycle.requeue(row.id, this.clock.now(), { message: reason }, true);
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
