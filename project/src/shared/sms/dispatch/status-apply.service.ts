import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { canTransition, mapTwilioStatus } from '../message-status';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsStatsRepository } from '../repositories/sms-stats.repository';
import { CampaignProgressService } from './campaign-progress.service';
import { deltasFor, priceChange, QUEUED, type StatusDetails } from './lifecycle-rules';
import { RollupBatch } from './rollup-batch';

export interface StatusWebhook {
  dedupeKey: string;
  payload: Record<string, unknown>;
  /** Whether the request was signed for the SubAccount of this (locked) message. */
  authorize: (row: SmsMessageRow, tx: Tx) => Promise<boolean>;
}

export type ApplyResult = 'changed' | 'unchanged' | 'duplicate' | 'unknown_sid' | 'forbidden';

export interface StatusUpdate {
  sid: string;
  twilioStatus: string;
  details: StatusDetails;
  source: 'status_callback' | 'status_fetch';
  webhook?: StatusWebhook;
}

/** The most updates applied in one transaction. */
const MAX_BATCH = 100;

/** After a final status without a price, when the price collector asks Twilio's list for it. */
export const PRICE_COLLECT_DELAY_MS = 2 * 60_000;

/**
 * Statuses from Twilio (callbacks and fetches) for messages we know by sid. A status never moves backwards and
 * a repeated callback changes nothing. Many updates share one transaction and one write per roll-up row.
 */
@Injectable()
export class StatusApplyService {
  private queue: { update: StatusUpdate; done: (r: ApplyResult) => void; fail: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly events: SmsEventsRepository,
    private readonly stats: SmsStatsRepository,
    private readonly progress: CampaignProgressService,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies one update, in a transaction with the others arriving while the previous batch commits (a callback
   * is answered only after its change committed). Alone, it is applied at once.
   */
  apply(update: StatusUpdate): Promise<ApplyResult> {
    return new Promise<ApplyResult>((done, fail) => {
      this.queue.push({ update, done, fail });
      this.flushing ??= this.drainQueue();
    });
  }

  /** Clears `flushing` in the same turn it finds the queue empty, so no caller's item is left waiting. */
  private async drainQueue(): Promise<void> {
    try {
      await this.drainBatches();
    } finally {
      this.flushing = undefined;
    }
  }

  private async drainBatches(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const results = await this.applyMany(batch.map((q) => q.update));
        batch.forEach((q, i) => q.done(results[i]!));
      } catch (e) {
        if (batch.length === 1) {
          batch[0]!.fail(e);
          continue;
        }
        // One failing update must not fail the others: each in its own transaction, as before batching.
        for (const q of batch) await this.applyMany([q.update]).then(([r]) => q.done(r!), q.fail);
      }
    }
  }

  /**
   * Applies updates in one transaction, rows locked in sid order (two batches never wait on each other in
   * opposite orders). Each webhook is authorized against its locked row's SubAccount and recorded raw under its
   * dedupe key first.
   */
  async applyMany(updates: StatusUpdate[]): Promise<ApplyResult[]> {
    const order = updates
      .map((u, i) => ({ u, i }))
      .sort((a, b) => (a.u.sid < b.u.sid ? -1 : a.u.sid > b.u.sid ? 1 : a.i - b.i));
    const results: ApplyResult[] = new Array<ApplyResult>(updates.length);
    await this.database.transaction(async (tx) => {
      const rollups = new RollupBatch();
      for (const { u, i } of order) results[i] = await this.applyOne(tx, u, rollups);
      await rollups.flush(tx, this.stats);
    });
    return results;
  }

  private async applyOne(tx: Tx, u: StatusUpdate, rollups: RollupBatch): Promise<ApplyResult> {
    const row = await this.messages.lockForUpdate(tx, { sid: u.sid });
    if (!row) return 'unknown_sid';
    if (u.webhook) {
      if (!(await u.webhook.authorize(row, tx))) return 'forbidden';
      const fresh = await this.events.record(tx, {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: 'webhook_status',
        status: u.twilioStatus,
        dedupeKey: u.webhook.dedupeKey,
        payload: u.webhook.payload,
      });
      if (!fresh) return 'duplicate';
    }
    const changed = await this.applyInTx(tx, row, u.twilioStatus, u.details, u.source, rollups);
    return changed ? 'changed' : 'unchanged';
  }

  /** One status for a locked row; its roll-ups go into `rollups`, which the caller flushes before commit. */
  async applyInTx(
    tx: Tx,
    row: SmsMessageRow,
    twilioStatus: string,
    details: StatusDetails,
    source: string,
    rollups: RollupBatch,
  ): Promise<SmsMessageRow | undefined> {
    const next = mapTwilioStatus(twilioStatus);
    const now = this.clock.now();
    const price = priceChange(row, details);
    if (!next || !canTransition(row.status, next)) {
      if (price) {
        await this.messages.update(row.id, { price: price.price, priceUnit: price.priceUnit }, tx);
        rollups.add(row, { cost: price.cost }, { cost: price.cost }, now);
      }
      return undefined;
    }
    const priced = price !== undefined || row.price !== null;
    const updated = await this.messages.update(
      row.id,
      {
        status: next,
        errorCode: details.errorCode ?? row.errorCode,
        errorMessage: details.errorMessage ?? row.errorMessage,
        deliveredAt: next === 'delivered' ? now : row.deliveredAt,
        lockedUntil: null,
        // Callbacks carry no price: the price collector asks Twilio's list for it later (one call per page).
        nextStatusCheckAt: priced || next === 'canceled' ? null : new Date(now.getTime() + PRICE_COLLECT_DELAY_MS),
        ...(price ? { price: price.price, priceUnit: price.priceUnit } : {}),
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
        payload: {},
      });
    const [daily, campaign] = deltasFor(next);
    const failure =
      next === 'failed' || next === 'undelivered'
        ? { outcome: next, errorCode: updated?.errorCode ?? details.errorCode ?? row.errorCode }
        : undefined;
    rollups.add(row, { ...daily, cost: price?.cost }, { ...campaign, cost: price?.cost }, now, failure);
    // Only a message leaving the queue (e.g. a fetch finding one `sending` delivered) can finish its campaign.
    if (QUEUED.includes(row.status)) {
      await rollups.flush(tx, this.stats);
      await this.progress.completeIfDone(tx, row, now);
    }
    return updated;
  }
}
