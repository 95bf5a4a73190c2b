import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import { DomainEvents } from 'src/core/events/domain-events';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import type { ProviderMessage } from '../interfaces/sms-provider.interface';
import { SmsCampaignsEngineRepository } from '../repositories/sms-campaigns.repository';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsStatsRepository, type CampaignDelta, type StatsDelta } from '../repositories/sms-stats.repository';
import { CampaignProgressService } from './campaign-progress.service';
import { errorKey, QUEUED, statsDayOf, type Failure, type StatusDetails } from './lifecycle-rules';
import { RollupBatch } from './rollup-batch';
import { SentRecorderService } from './sent-recorder.service';
import { StatusApplyService, type ApplyResult, type StatusWebhook } from './status-apply.service';

export { detailsOf, statusDedupeKey, type StatusDetails } from './lifecycle-rules';
export type { StatusWebhook } from './status-apply.service';

/**
 * Every change of a message's status goes through here: the row, its campaign's counters, the daily roll-up and
 * the event trail change in one transaction, and a status never moves backwards. Sends are recorded in batches
 * by SentRecorderService and Twilio's statuses applied by StatusApplyService; this keeps the queue-side changes
 * (failed, requeued, held, deferred, canceled, retried by hand).
 */
@Injectable()
export class MessageLifecycleService {
  constructor(
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly events: SmsEventsRepository,
    private readonly stats: SmsStatsRepository,
    private readonly campaigns: SmsCampaignsEngineRepository,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
    private readonly recorder: SentRecorderService,
    private readonly statuses: StatusApplyService,
    private readonly progress: CampaignProgressService,
  ) {}

  /** Twilio accepted the create call (recorded with the other sends finishing now, in one transaction). */
  recordSent(messageId: number, accepted: ProviderMessage): Promise<void> {
    return this.recorder.record(messageId, accepted);
  }

  /** Failed for good at our side (permanent error, or retries exhausted): the dead letter. */
  async recordFailed(messageId: number, error: { code?: number; message: string }): Promise<void> {
    await this.database.transaction(async (tx) => {
      const row = await this.messages.lockForUpdate(tx, { id: messageId });
      if (!row || !QUEUED.includes(row.status)) return;
      const now = this.clock.now();
      await this.messages.update(
        row.id,
        { status: 'failed', errorCode: error.code ?? null, errorMessage: error.message, lockedUntil: null },
        tx,
      );
      await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: 'failed',
        status: 'failed',
        payload: { code: error.code ?? null, message: error.message, attempts: row.attempts },
      });
      await this.domainEvents.emit(tx, {
        type: 'sms.dead_lettered',
        subAccountId: row.subAccountId,
        messageId: row.id,
        errorCode: error.code ?? null,
      });
      await this.bump(tx, row, { failed: 1 }, { failedCount: 1 }, now, {
        outcome: 'failed',
        errorCode: error.code ?? null,
      });
      await this.completeCampaignIfDone(tx, row, now);
    });
  }

  /** Back to the queue after a retryable failure, or a release at shutdown (refundAttempt). */
  async requeue(
    messageId: number,
    notBefore: Date,
    reason: { code?: number; message: string },
    refundAttempt = false,
  ): Promise<void> {
    await this.database.transaction(async (tx) => {
      const row = await this.messages.lockForUpdate(tx, { id: messageId });
      if (!row || row.status !== 'sending') return;
      await this.messages.update(
        row.id,
        {
          status: 'pending',
          notBefore,
          lockedUntil: null,
          errorCode: reason.code ?? null,
          errorMessage: reason.message,
          attempts: refundAttempt ? Math.max(0, row.attempts - 1) : row.attempts,
        },
        tx,
      );
      await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: refundAttempt ? 'released' : 'retry_scheduled',
        status: 'pending',
        payload: { code: reason.code ?? null, message: reason.message, notBefore: notBefore.toISOString() },
      });
    });
  }

  /** The outcome of a send is unknown: it stays `sending`, under a lease until Twilio is asked again. */
  async holdForRecheck(messageId: number, lockedUntil: Date, reason: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      const row = await this.messages.lockForUpdate(tx, { id: messageId });
      if (!row || row.status !== 'sending') return;
      await this.messages.update(row.id, { lockedUntil, errorMessage: reason }, tx);
      await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: 'outcome_unknown',
        status: 'sending',
        payload: { message: reason, recheckAt: lockedUntil.toISOString() },
      });
    });
  }

  /** A failed message (the dead letter) goes back to the queue by hand; its counters are taken back. */
  async retryFailed(tx: Tx, row: SmsMessageRow): Promise<SmsMessageRow | undefined> {
    const now = this.clock.now();
    const updated = await this.messages.update(
      row.id,
      {
        status: 'pending',
        attempts: 0,
        notBefore: now,
        errorCode: null,
        errorMessage: null,
        twilioSid: null,
        sentAt: null,
        lockedUntil: null,
        price: null,
        priceUnit: null,
      },
      tx,
      'failed',
    );
    if (!updated) return undefined;
    const wasSent = row.twilioSid !== null;
    const cost = row.price ? `-${Math.abs(Number(row.price)).toFixed(5)}` : undefined;
    const day = statsDayOf(row, row.updatedAt);
    await this.stats.bumpDaily(tx, row.subAccountId, day, {
      failed: -1,
      ...(wasSent ? { sent: -1, segments: -row.segments, cost } : {}),
    });
    await this.stats.bumpErrors(tx, errorKey(row, day, { outcome: 'failed', errorCode: row.errorCode }), -1);
    if (row.campaignId) {
      await this.stats.bumpCampaign(tx, row.campaignId, {
        failedCount: -1,
        ...(wasSent ? { sentCount: -1, segments: -row.segments, cost } : {}),
      });
      await this.campaigns.reopenIfCompleted(tx, row.campaignId);
    }
    await this.events.record(tx, {
      subAccountId: row.subAccountId,
      messageId: row.id,
      type: 'manual_retry',
      status: 'pending',
      payload: { previousSid: row.twilioSid, previousError: row.errorCode },
    });
    return updated;
  }

  /** A claimed message that came due inside the recipient's quiet hours waits for them to end. */
  async deferForQuietHours(messageId: number, until: Date): Promise<void> {
    await this.database.transaction(async (tx) => {
      const row = await this.messages.lockForUpdate(tx, { id: messageId });
      if (!row || row.status !== 'sending') return;
      await this.messages.update(
        row.id,
        {
          status: 'pending',
          statusReason: 'quiet_hours',
          notBefore: until,
          lockedUntil: null,
          attempts: Math.max(0, row.attempts - 1),
        },
        tx,
      );
      await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: 'deferred_quiet_hours',
        status: 'pending',
        payload: { until: until.toISOString() },
      });
    });
  }

  /** Pending → canceled (by a user, a campaign cancel, or an opt-out found at claim). */
  async cancelPending(tx: Tx, row: SmsMessageRow, reason: string, alreadyUpdated = false): Promise<boolean> {
    if (!alreadyUpdated) {
      const updated = await this.messages.update(row.id, { status: 'canceled', statusReason: reason }, tx, 'pending');
      if (!updated) return false;
    }
    await this.events.record(tx, {
      subAccountId: row.subAccountId,
      messageId: row.id,
      type: 'canceled',
      status: 'canceled',
      payload: { reason },
    });
    const optedOut = reason === 'opted_out' ? 1 : 0;
    if (row.campaignId)
      await this.stats.bumpCampaign(tx, row.campaignId, { canceledCount: 1, optedOutCount: optedOut });
    await this.completeCampaignIfDone(tx, row, this.clock.now());
    return true;
  }

  /**
   * A status from Twilio (callback or fetch) for a message we know by sid. A webhook is authorized against the
   * locked row's SubAccount, then recorded raw under its dedupe key: a repeat changes nothing.
   */
  applyTwilioStatus(
    sid: string,
    twilioStatus: string,
    details: StatusDetails,
    source: 'status_callback' | 'status_fetch',
    webhook?: StatusWebhook,
  ): Promise<ApplyResult> {
    return this.statuses.apply({ sid, twilioStatus, details, source, webhook });
  }

  /** A sending campaign with nothing left pending or in flight becomes completed (and says so). */
  completeCampaignIfDone(tx: Tx, row: { campaignId: number | null; subAccountId: number }, now: Date): Promise<void> {
    return this.progress.completeIfDone(tx, row, now);
  }

  /** The roll-ups of one status change; a failure also counts in sms_error_stats, on the same day. */
  private async bump(
    tx: Tx,
    row: SmsMessageRow,
    daily: StatsDelta,
    campaign: CampaignDelta,
    now: Date,
    failure?: Failure,
  ) {
    const rollups = new RollupBatch();
    rollups.add(row, daily, campaign, now, failure);
    await rollups.flush(tx, this.stats);
  }
}
