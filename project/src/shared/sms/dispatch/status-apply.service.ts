import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { SmsEventsRepository, type SmsEventInsert } from '../repositories/sms-events.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsStatsRepository } from '../repositories/sms-stats.repository';
import { CampaignProgressService } from './campaign-progress.service';
import { QUEUED, type StatusDetails } from './lifecycle-rules';
import { planStatus } from './status-plan';
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
   * Applies updates in one transaction with a fixed number of statements, whatever their number: the rows are
   * locked in one statement in sid order (two batches never wait on each other in opposite orders), the webhooks
   * recorded raw under their dedupe keys in one, the rows written in one. Each webhook is authorized against its
   * locked row's SubAccount. Updates of one message apply in the order they came, each to the row as the
   * previous left it.
   */
  async applyMany(updates: StatusUpdate[]): Promise<ApplyResult[]> {
    const results: ApplyResult[] = new Array<ApplyResult>(updates.length);
    await this.database.transaction(async (tx) => {
      const locked = await this.messages.lockManyBySid(tx, [...new Set(updates.map((u) => u.sid))]);
      const live = await this.authorized(tx, updates, new Map(locked.map((r) => [r.twilioSid!, r])), results);
      const fresh = await this.recordWebhooks(tx, live);
      const now = this.clock.now();
      const rows = new Map<number, SmsMessageRow>();
      const fetchEvents: SmsEventInsert[] = [];
      const leaving: SmsMessageRow[] = [];
      const rollups = new RollupBatch();
      for (const { u, i, row: lockedRow } of live) {
        if (u.webhook && !fresh.delete(webhookKey(lockedRow, u.webhook))) {
          results[i] = 'duplicate';
          continue;
        }
        const row = rows.get(lockedRow.id) ?? lockedRow;
        const plan = planStatus(row, u.twilioStatus, u.details, now);
        results[i] = plan?.next ? 'changed' : 'unchanged';
        if (!plan) continue;
        rows.set(row.id, { ...row, ...plan.patch } as SmsMessageRow);
        rollups.add(row, plan.daily, plan.campaign, now, plan.failure);
        if (!plan.next) continue;
        // A callback's trail is its raw webhook_status event; a fetch leaves this one.
        if (u.source !== 'status_callback') fetchEvents.push(appliedEvent(row, u.source, plan.next));
        if (QUEUED.includes(row.status)) leaving.push(row);
      }
      await this.messages.writeStatuses(tx, [...rows.values()]);
      await this.events.recordMany(tx, fetchEvents);
      await rollups.flush(tx, this.stats);
      // Only a message leaving the queue (e.g. a fetch finding one `sending` delivered) can finish its campaign.
      for (const row of leaving) await this.progress.completeIfDone(tx, row, now);
    });
    return results;
  }

  /** The updates whose message is known and, for a webhook, signed for its SubAccount; the others' results. */
  private async authorized(tx: Tx, updates: StatusUpdate[], bySid: Map<string, SmsMessageRow>, results: ApplyResult[]) {
    const live: { u: StatusUpdate; i: number; row: SmsMessageRow }[] = [];
    for (const [i, u] of updates.entries()) {
      const row = bySid.get(u.sid);
      if (!row) results[i] = 'unknown_sid';
      else if (u.webhook && !(await u.webhook.authorize(row, tx))) results[i] = 'forbidden';
      else live.push({ u, i, row });
    }
    return live;
  }

  /** Records each webhook once (the first of a repeated key in the batch); returns the keys recorded now. */
  private async recordWebhooks(tx: Tx, live: { u: StatusUpdate; row: SmsMessageRow }[]): Promise<Set<string>> {
    const first = new Map<string, SmsEventInsert>();
    for (const { u, row } of live) {
      if (!u.webhook || first.has(webhookKey(row, u.webhook))) continue;
      first.set(webhookKey(row, u.webhook), {
        subAccountId: row.subAccountId,
        messageId: row.id,
        type: 'webhook_status',
        status: u.twilioStatus,
        dedupeKey: u.webhook.dedupeKey,
        payload: u.webhook.payload,
      });
    }
    const recorded = await this.events.recordNew(tx, [...first.values()]);
    return new Set(recorded.map((e) => `${e.subAccountId}:${e.dedupeKey}`));
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
    const now = this.clock.now();
    const plan = planStatus(row, twilioStatus, details, now);
    if (!plan) return undefined;
    const updated = await this.messages.update(row.id, plan.patch, tx);
    rollups.add(row, plan.daily, plan.campaign, now, plan.failure);
    if (!plan.next) return undefined;
    if (source !== 'status_callback') await this.events.record(tx, appliedEvent(row, source, plan.next));
    if (QUEUED.includes(row.status)) {
      await rollups.flush(tx, this.stats);
      await this.progress.completeIfDone(tx, row, now);
    }
    return updated;
  }
}

const webhookKey = (row: SmsMessageRow, webhook: StatusWebhook) => `${row.subAccountId}:${webhook.dedupeKey}`;

const appliedEvent = (row: SmsMessageRow, source: string, status: string): SmsEventInsert => ({
  subAccountId: row.subAccountId,
  messageId: row.id,
  type: `${source}_applied`,
  status,
  payload: {},
});
