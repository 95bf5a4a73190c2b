import { Injectable } from '@nestjs/common';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import type { SmsMessageRow } from './repositories/sms-messages.repository';
import { SmsOptOutsRepository } from './repositories/sms-opt-outs.repository';
import { SmsOutboxRepository, type OutboxDraft } from './repositories/sms-outbox.repository';
import { SmsSpendingRepository } from './repositories/sms-spending.repository';

/** A checked message ready for the outbox: its row, its audit entry and the SubAccount's spending cap. */
export interface AcceptDraft extends OutboxDraft {
  cap: number | null;
}

export type AcceptOutcome =
  | { kind: 'accepted'; row: SmsMessageRow }
  /** Its Idempotency-Key was committed by another request first. */
  | { kind: 'replayed' }
  | { kind: 'opted_out' }
  | { kind: 'over_cap'; used: number; cap: number; needed: number };

interface Pending {
  draft: AcceptDraft;
  done: (o: AcceptOutcome) => void;
  fail: (e: unknown) => void;
}

/**
 * The most drafts in one transaction, and the most transactions at once. One writer: the batches of one
 * SubAccount queue on its spending counter's row lock anyway, and a second writer made the batches smaller, so
 * each send cost more round trips (bench/accept at 500 sends/s: about 4 sends a batch instead of 3, p50 8–13 ms
 * instead of 10–18).
 */
const MAX_BATCH = 200;
const MAX_WRITERS = 1;

/** The cap refused a batch's total: the batch is written again, message by message against the locked counter. */
class OverCap extends Error {}

/**
 * Writes accepted messages to the outbox in batches (a group commit): sends that arrive while a batch commits
 * go together in the next, whose statements are the same few whatever its size: one for the opt-out check, the
 * messages, their events and audit entries (SmsOutboxRepository), the domain events' handlers, and the spending
 * counter last. Alone, a send is written at once. Each send is answered after its own row committed.
 */
@Injectable()
export class AcceptBatcher {
  private readonly queue: Pending[] = [];
  private writers = 0;

  constructor(
    private readonly database: DatabaseService,
    private readonly outbox: SmsOutboxRepository,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly spending: SmsSpendingRepository,
    private readonly domainEvents: DomainEvents,
  ) {}

  accept(draft: AcceptDraft): Promise<AcceptOutcome> {
    return new Promise((done, fail) => {
      this.queue.push({ draft, done, fail });
      this.startWriters();
    });
  }

  private startWriters(): void {
    while (this.writers < MAX_WRITERS && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.writers++;
      void this.write(batch).finally(() => {
        this.writers--;
        this.startWriters();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.writeBatch(batch.map((p) => p.draft));
      batch.forEach((p, i) => p.done(outcomes[i]!));
    } catch (e) {
      if (batch.length === 1) return batch[0]!.fail(e);
      // One failing draft must not fail the others: each in its own transaction.
      for (const p of batch) await this.writeBatch([p.draft]).then(([o]) => p.done(o!), p.fail);
    }
  }

  private async writeBatch(drafts: AcceptDraft[]): Promise<AcceptOutcome[]> {
    try {
      return await this.database.transaction((tx) => this.writeIn(tx, drafts, false));
    } catch (e) {
      if (!(e instanceof OverCap)) throw e;
      return this.database.transaction((tx) => this.writeIn(tx, drafts, true));
    }
  }

  /**
   * `oneByOne`: lock each SubAccount's counter first and take the drafts in order while they fit under its cap.
   * Otherwise the batch's total is charged last (the counter's row lock is held only until the commit), and a
   * total over the cap throws OverCap, rolling the batch back for a one-by-one pass.
   */
  private async writeIn(tx: Tx, drafts: AcceptDraft[], oneByOne: boolean): Promise<AcceptOutcome[]> {
    const outcomes: (AcceptOutcome | undefined)[] = oneByOne
      ? await this.refuseOptedOut(tx, drafts)
      : drafts.map(() => undefined);
    if (oneByOne) await this.refuseOverCap(tx, drafts, outcomes);
    const open = drafts.flatMap((d, i) => (outcomes[i] ? [] : [{ d, i }]));
    const written = await this.outbox.insert(
      tx,
      open.map(({ d }) => d),
    );
    const accepted: { d: AcceptDraft; row: SmsMessageRow }[] = [];
    written.forEach((w, k) => {
      const { d, i } = open[k]!;
      if (w.kind === 'inserted') accepted.push({ d, row: w.row });
      outcomes[i] = w.kind === 'inserted' ? { kind: 'accepted', row: w.row } : OUTCOME_OF[w.kind];
    });
    await this.emitAccepted(tx, accepted);
    for (const [key, charge] of chargesOf(accepted)) {
      if ((await this.spending.reserve(tx, charge.subAccountId, charge.month, charge.segments, charge.cap)) === null)
        throw new OverCap(key);
    }
    return outcomes as AcceptOutcome[];
  }

  private async refuseOptedOut(tx: Tx, drafts: AcceptDraft[]): Promise<(AcceptOutcome | undefined)[]> {
    const out = new Set<string>();
    for (const [subAccountId, phones] of group(
      drafts,
      (d) => d.values.subAccountId,
      (d) => d.values.phoneNumber,
    )) {
      for (const phone of await this.optOuts.optedOutAmong(subAccountId, phones, tx))
        out.add(`${subAccountId}:${phone}`);
    }
    return drafts.map((d) =>
      out.has(`${d.values.subAccountId}:${d.values.phoneNumber}`) ? { kind: 'opted_out' } : undefined,
    );
  }

  /** In SubAccount order (two batches lock counters in the same order), each draft while it fits. */
  private async refuseOverCap(tx: Tx, drafts: AcceptDraft[], outcomes: (AcceptOutcome | undefined)[]) {
    const counters = new Map<string, number>();
    const keys = [...new Set(drafts.map(chargeKey))].sort();
    for (const key of keys) {
      const d = drafts.find((x) => chargeKey(x) === key)!;
      counters.set(key, (await this.spending.reserve(tx, d.values.subAccountId, d.values.spendMonth, 0, null))!);
    }
    drafts.forEach((d, i) => {
      if (outcomes[i] || d.cap === null) return;
      const used = counters.get(chargeKey(d))!;
      if (used + d.values.segments > d.cap)
        outcomes[i] = { kind: 'over_cap', used, cap: d.cap, needed: d.values.segments };
      else counters.set(chargeKey(d), used + d.values.segments);
    });
  }

  private async emitAccepted(tx: Tx, accepted: { d: AcceptDraft; row: SmsMessageRow }[]): Promise<void> {
    if (accepted.length === 0) return;
    await this.domainEvents.emitAll(
      tx,
      accepted.map(({ d, row }) => ({
        type: 'sms.accepted' as const,
        spendingCapSegments: d.cap,
        subAccountId: row.subAccountId,
        messageId: row.id,
        leadId: row.leadId,
        campaignId: row.campaignId,
        phoneNumber: row.phoneNumber,
        segments: row.segments,
      })),
    );
  }
}

const OUTCOME_OF = { opted_out: { kind: 'opted_out' }, key_taken: { kind: 'replayed' } } as const;

const chargeKey = (d: AcceptDraft) => `${String(d.values.subAccountId).padStart(10, '0')}:${d.values.spendMonth}`;

/** Each SubAccount and month's charge, in key order (counters are locked in the same order by every batch). */
function chargesOf(accepted: { d: AcceptDraft }[]) {
  const charges = new Map<string, { subAccountId: number; month: string; segments: number; cap: number | null }>();
  for (const { d } of accepted) {
    const key = chargeKey(d);
    const c = charges.get(key) ?? {
      subAccountId: d.values.subAccountId,
      month: d.values.spendMonth,
      segments: 0,
      cap: d.cap,
    };
    c.segments += d.values.segments;
    c.cap = d.cap;
    charges.set(key, c);
  }
  return [...charges].sort(([a], [b]) => (a < b ? -1 : 1));
}

function group<T, K, V>(items: T[], key: (t: T) => K, value: (t: T) => V): Map<K, V[]> {
  const m = new Map<K, V[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), value(t)]);
  return m;
}
