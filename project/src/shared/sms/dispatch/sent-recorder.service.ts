import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import type { ProviderMessage } from '../interfaces/sms-provider.interface';
import { mapTwilioStatus } from '../message-status';
import { SmsEventsRepository } from '../repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsStatsRepository } from '../repositories/sms-stats.repository';
import { CampaignProgressService } from './campaign-progress.service';
import { detailsOf, statusDedupeKey } from './lifecycle-rules';
import { RollupBatch } from './rollup-batch';
import { StatusApplyService } from './status-apply.service';

interface Pending {
  messageId: number;
  accepted: ProviderMessage;
  done: () => void;
  fail: (e: unknown) => void;
}

/** The most sends recorded in one transaction. */
const MAX_BATCH = 200;

/**
 * Records what Twilio accepted: the last step of claim → send → record. Sends finishing while a batch commits
 * wait for the next one, so at speed one transaction records many sends (one UPDATE, one INSERT of events, one
 * upsert per roll-up row); alone, a send is recorded at once. Each caller's promise settles after its commit.
 */
@Injectable()
export class SentRecorderService {
  private readonly logger = new Logger('SentRecorder');
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly events: SmsEventsRepository,
    private readonly stats: SmsStatsRepository,
    private readonly statuses: StatusApplyService,
    private readonly progress: CampaignProgressService,
    private readonly clock: Clock,
  ) {}

  /** Twilio accepted the create call: the message becomes sent (if still `sending`) once its batch commits. */
  record(messageId: number, accepted: ProviderMessage): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.queue.push({ messageId, accepted, done, fail });
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
        await this.recordMany(batch.map((p) => ({ messageId: p.messageId, accepted: p.accepted })));
        for (const p of batch) p.done();
      } catch (e) {
        if (batch.length === 1) {
          batch[0]!.fail(e);
          continue;
        }
        // One bad row (or a lock timeout) must not cost the others: each alone, as before batching.
        this.logger.warn(`Recording ${batch.length} sends in one batch failed (${String(e)}); one by one`);
        for (const p of batch)
          await this.recordMany([{ messageId: p.messageId, accepted: p.accepted }]).then(p.done, p.fail);
      }
    }
  }

  /** Applies callbacks that raced ahead of this commit (buffered under the sid's lock). */
  async recordMany(items: { messageId: number; accepted: ProviderMessage }[]): Promise<void> {
    await this.database.transaction(async (tx) => {
      const sids = items.map((i) => i.accepted.sid);
      await this.events.lockSids(tx, sids);
      const now = this.clock.now();
      const checkAt = new Date(now.getTime() + this.config.sms.statusReconcileAfterMinutes * 60_000);
      // Only a message still `sending` (its lease not recovered meanwhile) becomes sent.
      const rows = await this.messages.markSentMany(
        tx,
        items.map((i) => ({
          id: i.messageId,
          sid: i.accepted.sid,
          from: i.accepted.from ?? null,
          segments: i.accepted.numSegments || null,
        })),
        now,
        checkAt,
      );
      if (rows.length === 0) return;
      await this.events.recordMany(
        tx,
        rows.map((r) => ({
          subAccountId: r.subAccountId,
          messageId: r.id,
          type: 'sent',
          status: 'sent',
          payload: { sid: r.twilioSid },
        })),
      );
      const rollups = new RollupBatch();
      for (const r of rows)
        rollups.add(r, { sent: 1, segments: r.segments }, { sentCount: 1, segments: r.segments }, now);
      const early = await this.events.takeEarlyCallbacksFor(tx, sids);
      const acceptedBySid = new Map(items.map((i) => [i.accepted.sid, i.accepted]));
      for (const row of rows) {
        const params = early.get(row.twilioSid!) ?? [];
        const accepted = acceptedBySid.get(row.twilioSid!)!;
        if (params.length > 0 || mapTwilioStatus(accepted.status) !== 'sent')
          await this.applyEarly(tx, row, params, accepted, rollups);
      }
      // Roll-ups last in each transaction: their rows are the hot ones.
      await rollups.flush(tx, this.stats);
      // The last send completes its campaign: a delivery callback may never come.
      const campaigns = new Map(rows.filter((r) => r.campaignId).map((r) => [r.campaignId!, r]));
      for (const id of [...campaigns.keys()].sort((a, b) => a - b))
        await this.progress.completeIfDone(tx, campaigns.get(id)!, now);
    });
  }

  private async applyEarly(
    tx: Tx,
    row: SmsMessageRow,
    early: Record<string, string>[],
    accepted: ProviderMessage,
    rollups: RollupBatch,
  ): Promise<void> {
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
        (await this.statuses.applyInTx(
          tx,
          current,
          params.MessageStatus ?? '',
          detailsOf(params),
          'status_callback',
          rollups,
        )) ?? current;
    }
    const mapped = mapTwilioStatus(accepted.status);
    if (mapped && mapped !== 'sent')
      await this.statuses.applyInTx(tx, current, accepted.status, accepted, 'status_fetch', rollups);
  }
}
