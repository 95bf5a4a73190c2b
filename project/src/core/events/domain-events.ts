import { Injectable, Logger } from '@nestjs/common';
import type { DbOrTx } from 'src/core/database/database.service';
import type { LeadStatus } from 'src/core/database/schema';

/** Who did it: a signed-in user or admin, or the system (dispatcher, webhook, scheduler). */
export interface EventActor {
  kind: 'user' | 'admin' | 'system' | 'twilio';
  id: number | null;
}

/**
 * What happened, for the features that react to it (notifications, sequences, triggers, the inbox, the lead
 * timeline) without the code that made it happen knowing about them.
 */
export type DomainEvent =
  | { type: 'lead.created'; subAccountId: number; leadId: number; status: LeadStatus; actor: EventActor }
  | {
      type: 'lead.status_changed';
      subAccountId: number;
      leadId: number;
      from: LeadStatus;
      to: LeadStatus;
      actor: EventActor;
    }
  | {
      type: 'lead.strategy_changed';
      subAccountId: number;
      leadId: number;
      from: number | null;
      to: number | null;
      actor: EventActor;
    }
  | {
      /** A message was accepted into the outbox (any path: single, campaign row, sequence, trigger). */
      type: 'sms.accepted';
      subAccountId: number;
      messageId: number;
      leadId: number | null;
      campaignId: number | null;
      phoneNumber: string;
      segments: number;
      /** The SubAccount's monthly cap in segments when it was accepted (null: none). */
      spendingCapSegments: number | null;
    }
  | {
      type: 'sms.inbound_received';
      subAccountId: number;
      messageId: number;
      leadId: number | null;
      phoneNumber: string;
      keyword: 'opt_out' | 'opt_in' | 'help' | null;
    }
  | { type: 'sms.opted_out'; subAccountId: number; phoneNumber: string; source: string }
  | { type: 'sms.opted_in'; subAccountId: number; phoneNumber: string }
  | {
      /** A campaign's rows left draft (scheduled or sending): its whole list is now committed spending. */
      type: 'sms.campaign_accepted';
      subAccountId: number;
      campaignId: number;
      recipients: number;
      segments: number;
    }
  | { type: 'sms.campaign_completed'; subAccountId: number; campaignId: number }
  | {
      /** The system (not a person) paused or failed a campaign; `reason` is the sentence it shows. */
      type: 'sms.campaign_stopped';
      subAccountId: number;
      campaignId: number;
      status: 'paused' | 'failed';
      reason: string;
    }
  | { type: 'sms.dead_lettered'; subAccountId: number; messageId: number; errorCode: number | null }
  | { type: 'sms.credentials_rejected'; subAccountId: number; message: string };

export type DomainEventType = DomainEvent['type'];
type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
export type DomainEventHandler<T extends DomainEventType> = (event: EventOf<T>, db: DbOrTx) => Promise<void>;
export type DomainEventBatchHandler<T extends DomainEventType> = (events: EventOf<T>[], db: DbOrTx) => Promise<void>;

/**
 * In-process publish/subscribe. `emit` runs inside the emitter's transaction (pass it), so what a handler
 * writes commits or rolls back with the change that caused it (a trigger's stored firing survives a
 * restart). Handlers run in a savepoint: a handler that throws is logged and undone, and never undoes the
 * change that emitted the event, nor another handler's work.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly handlers = new Map<DomainEventType, DomainEventHandler<DomainEventType>[]>();
  private readonly batchHandlers = new Map<
    DomainEventType,
    { handler: DomainEventBatchHandler<DomainEventType>; when: (e: DomainEvent) => boolean }[]
  >();

  on<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as DomainEventHandler<DomainEventType>);
    this.handlers.set(type, list);
  }

  /**
   * A handler that takes the events of one emitAll together: one savepoint and its statements per batch. It
   * gets only the events `when` keeps, and is not called (no savepoint either) when it keeps none.
   */
  onBatch<T extends DomainEventType>(
    type: T,
    handler: DomainEventBatchHandler<T>,
    when: (e: EventOf<T>) => boolean = () => true,
  ): void {
    const list = this.batchHandlers.get(type) ?? [];
    list.push({
      handler: handler as unknown as DomainEventBatchHandler<DomainEventType>,
      when: when as unknown as (e: DomainEvent) => boolean,
    });
    this.batchHandlers.set(type, list);
  }

  emit(db: DbOrTx, event: DomainEvent): Promise<void> {
    return this.emitAll(db, [event]);
  }

  /**
   * Many events of one change (e.g. a batch of accepted messages), in order, per type. The handlers share one
   * savepoint (two round trips, not two per handler); when one throws, that savepoint is undone and each handler
   * runs again in its own, so only the failing one's work is lost.
   */
  async emitAll(db: DbOrTx, events: DomainEvent[]): Promise<void> {
    const runs = this.runsFor(events);
    if (runs.length === 0) return;
    if (runs.length > 1) {
      const together = await db
        .transaction(async (sp) => {
          for (const { run } of runs) await run(sp);
        })
        .then(
          () => true,
          () => false,
        );
      if (together) return;
    }
    for (const { type, run } of runs) await this.guarded(db, type, run);
  }

  /** Each handler's call for these events: per event for `on`, once per type for `onBatch`. */
  private runsFor(events: DomainEvent[]): { type: DomainEventType; run: (sp: DbOrTx) => Promise<void> }[] {
    const byType = new Map<DomainEventType, DomainEvent[]>();
    for (const e of events) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
    const runs: { type: DomainEventType; run: (sp: DbOrTx) => Promise<void> }[] = [];
    for (const [type, list] of byType) {
      for (const handler of this.handlers.get(type) ?? [])
        for (const event of list) runs.push({ type, run: (sp) => handler(event as EventOf<DomainEventType>, sp) });
      for (const { handler, when } of this.batchHandlers.get(type) ?? []) {
        const kept = list.filter(when);
        if (kept.length > 0) runs.push({ type, run: (sp) => handler(kept as EventOf<DomainEventType>[], sp) });
      }
    }
    return runs;
  }

  private async guarded(db: DbOrTx, type: DomainEventType, run: (sp: DbOrTx) => Promise<void>): Promise<void> {
    try {
      await db.transaction((sp) => run(sp));
    } catch (e) {
      this.logger.error(`A ${type} handler failed: ${(e as Error).message}`);
    }
  }
}
