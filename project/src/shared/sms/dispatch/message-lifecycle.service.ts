import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DomainEvents } from 'src/core/events/domain-events';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import type { ProviderMessage } from '../interfaces/sms-provider.interface';
import { canTransition, mapTwilioStatus, type SmsStatus } from '../message-status';
import { SmsCampaignsEngineRepository } from '../repositories/sms-campaigns.repository';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import {
  SmsStatsRepository,
  type CampaignDelta,
  type ErrorKey,
  type StatsDelta,
} from '../repositories/sms-stats.repository';

export interface StatusDetails {
  errorCode?: number | null;
  errorMessage?: string | null;
  price?: string | null;
  priceUnit?: string | null;
  segments?: number | null;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/**
 * The UTC day a message counts on in the roll-ups: the day Twilio accepted it; one never accepted, the day it
 * was last claimed. Neither changes while the message is failed, so a manual retry takes it back from that day.
 */
const statsDayOf = (row: SmsMessageRow, fallback: Date) => dayOf(row.sentAt ?? row.claimedAt ?? fallback);

type Failure = Pick<ErrorKey, 'outcome' | 'errorCode'>;
/** Statuses that keep a campaign from completing. */
const QUEUED: SmsStatus[] = ['pending', 'sending'];

export interface StatusWebhook {
  dedupeKey: string;
  payload: Record<string, unknown>;
  /** Whether the request was signed for the SubAccount of this (locked) message. */
  authorize: (row: SmsMessageRow, tx: Tx) => Promise<boolean>;
}
const PRICE_FETCH_DELAY_MS = 2 * 60_000;

/**
 * Every change of a message's status goes through here: the row, its campaign's counters, the daily
 * roll-up and the event trail change in one transaction, and a status never moves backwards.
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Twilio accepted the create call. Applies callbacks that raced ahead of this commit. */
  async recordSent(messageId: number, accepted: ProviderMessage): Promise<void> {
    await this.database.transaction(async (tx) => {
      await this.events.lockSid(tx, accepted.sid);
      const now = this.clock.now();
      // Only a message still `sending` (its lease not recovered meanwhile) becomes sent.
      const row = await this.messages.update(
        messageId,
        {
          status: 'sent',
          statusReason: null,
          twilioSid: accepted.sid,
          ...(accepted.from ? { fromNumber: accepted.from } : {}),
          ...(accepted.numSegments ? { segments: accepted.numSegments } : {}),
          sentAt: now,
          lockedUntil: null,
          errorCode: null,
          errorMessage: null,
          nextStatusCheckAt: new Date(now.getTime() + this.config.sms.statusReconcileAfterMinutes * 60_000),
        },
        tx,
        'sending',
      );
      if (!row) return;
      const segments = row.segments;
      await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: 'sent',
        status: 'sent',
        payload: { sid: accepted.sid },
      });
      const early = await this.events.takeEarlyCallbacks(tx, accepted.sid);
      // Roll-ups last in each transaction: their rows are the hot ones. The sent row counts on the day of its
      // sentAt, which a manual retry takes it back from.
      await this.bump(tx, row, { sent: 1, segments }, { sentCount: 1, segments }, now);
      let current = row;
      for (const params of early) {
        await this.events.record(tx, {
          subAccountId: row.subAccountId,
          messageId: row.id,
          type: 'webhook_status',
          status: params.MessageStatus ?? null,
          dedupeKey: statusDedupeKey(params),
          payload: params,
        });
        current =
          (await this.applyTwilioStatusInTx(
            tx,
            current,
            params.MessageStatus ?? '',
            detailsOf(params),
            'status_callback',
            {},
          )) ?? current;
      }
      const mapped = mapTwilioStatus(accepted.status);
      if (mapped && mapped !== 'sent')
        await this.applyTwilioStatusInTx(tx, current, accepted.status, accepted, 'status_fetch', {});
      // The last send completes its campaign: a delivery callback may never come.
      await this.completeCampaignIfDone(tx, row, now);
    });
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
  async applyTwilioStatus(
    sid: string,
    twilioStatus: string,
    details: StatusDetails,
    source: 'status_callback' | 'status_fetch',
    webhook?: StatusWebhook,
  ): Promise<'changed' | 'unchanged' | 'duplicate' | 'unknown_sid' | 'forbidden'> {
    return this.database.transaction(async (tx) => {
      const row = await this.messages.lockForUpdate(tx, { sid });
      if (!row) return 'unknown_sid';
      if (webhook) {
        if (!(await webhook.authorize(row, tx))) return 'forbidden';
        const fresh = await this.events.record(tx, {
          subAccountId: row.subAccountId,
          messageId: row.id,
          type: 'webhook_status',
          status: twilioStatus,
          dedupeKey: webhook.dedupeKey,
          payload: webhook.payload,
        });
        if (!fresh) return 'duplicate';
      }
      const changed = await this.applyTwilioStatusInTx(tx, row, twilioStatus, details, source, {});
      return changed ? 'changed' : 'unchanged';
    });
  }

  private async applyTwilioStatusInTx(
    tx: Tx,
    row: SmsMessageRow,
    twilioStatus: string,
    details: StatusDetails,
    source: string,
    payload: Record<string, unknown>,
  ): Promise<SmsMessageRow | undefined> {
    const next = mapTwilioStatus(twilioStatus);
    const now = this.clock.now();
    const priceChange = this.priceChange(row, details);
    if (!next || !canTransition(row.status, next)) {
      if (priceChange) await this.applyPrice(tx, row, priceChange, now);
      return undefined;
    }
    const priced = priceChange !== undefined || row.price !== null;
    const updated = await this.messages.update(
      row.id,
      {
        status: next,
        errorCode: details.errorCode ?? row.errorCode,
        errorMessage: details.errorMessage ?? row.errorMessage,
        deliveredAt: next === 'delivered' ? now : row.deliveredAt,
        lockedUntil: null,
        // Callbacks carry no price: a final message without one is fetched once more for it (cost).
        nextStatusCheckAt: priced || next === 'canceled' ? null : new Date(now.getTime() + PRICE_FETCH_DELAY_MS),
        ...(priceChange ? { price: priceChange.price, priceUnit: priceChange.priceUnit } : {}),
      },
      tx,
    );
    // A callback's trail is its raw webhook_status event; a fetch leaves this one.
    if (source !== 'status_callback')
      await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: `${source}_applied`,
        status: next,
        payload,
      });
    const [daily, campaign] = deltasFor(next);
    const failure =
      next === 'failed' || next === 'undelivered'
        ? { outcome: next, errorCode: updated?.errorCode ?? details.errorCode ?? row.errorCode }
        : undefined;
    await this.bump(
      tx,
      row,
      { ...daily, cost: priceChange?.cost },
      { ...campaign, cost: priceChange?.cost },
      now,
      failure,
    );
    // Only a message leaving the queue (e.g. a fetch finding one `sending` delivered) can finish its campaign.
    if (QUEUED.includes(row.status)) await this.completeCampaignIfDone(tx, row, now);
    return updated;
  }

  /** A sending campaign with nothing left pending or in flight becomes completed (and says so). */
  async completeCampaignIfDone(
    tx: Tx,
    row: { campaignId: number | null; subAccountId: number },
    now: Date,
  ): Promise<void> {
    if (!row.campaignId || !(await this.campaigns.completeIfDone(tx, row.campaignId, now))) return;
    await this.domainEvents.emit(tx, {
      type: 'sms.campaign_completed',
      subAccountId: row.subAccountId,
      campaignId: row.campaignId,
    });
  }

  /** Twilio prices are negative strings ("-0.00790"); the first price seen is the cost. */
  private priceChange(row: SmsMessageRow, d: StatusDetails) {
    if (row.price !== null || d.price === undefined || d.price === null || d.price === '') return undefined;
    const cost = Math.abs(Number(d.price));
    if (!Number.isFinite(cost)) return undefined;
    return { price: d.price, priceUnit: d.priceUnit ?? 'USD', cost: cost.toFixed(5) };
  }

  private async applyPrice(
    tx: Tx,
    row: SmsMessageRow,
    p: { price: string; priceUnit: string; cost: string },
    now: Date,
  ) {
    await this.messages.update(row.id, { price: p.price, priceUnit: p.priceUnit }, tx);
    await this.bump(tx, row, { cost: p.cost }, { cost: p.cost }, now);
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
    const day = statsDayOf(row, now);
    await this.stats.bumpDaily(tx, row.subAccountId, day, daily);
    if (failure) await this.stats.bumpErrors(tx, errorKey(row, day, failure), 1);
    if (row.campaignId) await this.stats.bumpCampaign(tx, row.campaignId, campaign);
  }
}

function errorKey(row: SmsMessageRow, day: string, failure: Failure): ErrorKey {
  return { subAccountId: row.subAccountId, day, campaignId: row.campaignId, ...failure };
}

function deltasFor(status: SmsStatus): [StatsDelta, CampaignDelta] {
  switch (status) {
    case 'delivered':
      return [{ delivered: 1 }, { deliveredCount: 1 }];
    case 'undelivered':
      return [{ undelivered: 1 }, { undeliveredCount: 1 }];
    case 'failed':
      return [{ failed: 1 }, { failedCount: 1 }];
    case 'canceled':
      return [{}, { canceledCount: 1 }];
    default:
      return [{}, {}];
  }
}

export function detailsOf(params: Record<string, string | undefined>): StatusDetails {
  const code = params.ErrorCode ? Number(params.ErrorCode) : null;
  return {
    errorCode: Number.isFinite(code) ? code : null,
    errorMessage: params.ErrorMessage ?? null,
    price: params.Price ?? null,
    priceUnit: params.PriceUnit ?? null,
  };
}

/** A status callback is the same callback when sid, status and error code match. */
export function statusDedupeKey(params: Record<string, string | undefined>): string {
  return `status:${params.MessageSid ?? ''}:${params.MessageStatus ?? ''}:${params.ErrorCode ?? ''}`;
}
