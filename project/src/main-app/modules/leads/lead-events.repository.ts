import { Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
import { DatabaseService, type DbOrTx } from 'src/core/database/database.service';
import { leadEvents } from 'src/core/database/schema';
import type { EventActor } from 'src/core/events/domain-events';

export type LeadEventRow = typeof leadEvents.$inferSelect;

/** A lead's timeline entries other than its messages (those come from sms_messages). Append-only. */
@Injectable()
export class LeadEventsRepository {
  constructor(private readonly database: DatabaseService) {}

  async record(
    db: DbOrTx,
    entry: { subAccountId: number; leadId: number; type: string; details?: Record<string, unknown>; actor: EventActor },
  ): Promise<void> {
    await db.insert(leadEvents).values({
      subAccountId: entry.subAccountId,
      leadId: entry.leadId,
      type: entry.type,
      details: entry.details ?? {},
      actorKind: entry.actor.kind,
      actorId: entry.actor.id,
    });
  }

  /** Newest first (served by lead_events_lead_idx). */
  async forLead(subAccountId: number, leadId: number, limit: number): Promise<LeadEventRow[]> {
    return this.database.db
      .select()
      .from(leadEvents)
      .where(and(eq(leadEvents.subAccountId, subAccountId), eq(leadEvents.leadId, leadId)))
      .orderBy(desc(leadEvents.createdAt), desc(leadEvents.id))
      .limit(limit);
  }
}
