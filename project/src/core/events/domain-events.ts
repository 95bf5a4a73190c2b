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

/**
 * In-process publish/subscribe. `emit` runs inside the emitter's transaction (pass it), so what a handler
 * writes commits or rolls back with the change that caused it (a trigger's stored firing survives a
 * restart). Each handler runs in its own savepoint: a handler that throws is logged and undone, and never
 * undoes the change that emitted the event.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly handlers = new Map<DomainEventType, DomainEventHandler<DomainEventType>[]>();

  on<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as DomainEventHandler<DomainEventType>);
    this.handlers.set(type, list);
  }

  async emit(db: DbOrTx, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await db.transaction((sp) => handler(event as EventOf<DomainEventType>, sp));
      } catch (e) {
        this.logger.error(`A ${event.type} handler failed: ${(e as Error).message}`);
      }
    }
  }
}
