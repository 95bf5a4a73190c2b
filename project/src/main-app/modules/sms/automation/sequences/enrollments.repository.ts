import { Injectable } from '@nestjs/common';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { DatabaseService, rowsOf, type DbOrTx } from 'src/core/database/database.service';
import { leads, smsSequenceEnrollments, smsSequences, type LeadStatus } from 'src/core/database/schema';
import { inTenant } from 'src/core/tenancy/tenant-scope';

export type EnrollmentRow = typeof smsSequenceEnrollments.$inferSelect;
type Insert = typeof smsSequenceEnrollments.$inferInsert;

const active = eq(smsSequenceEnrollments.status, 'active');

/** Leads' enrolments in sequences: created, claimed when a step is due, advanced, stopped. */
@Injectable()
export class EnrollmentsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Undefined when the lead already has an active enrolment in the sequence (sms_sequence_enrollments_active_idx). */
  async insertActive(db: DbOrTx, values: Insert): Promise<EnrollmentRow | undefined> {
    const [row] = await db.insert(smsSequenceEnrollments).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** The lead's active enrolment, else its latest one (served by sms_sequence_enrollments_lead_idx). */
  async currentForLead(subAccountId: number, leadId: number): Promise<EnrollmentRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(smsSequenceEnrollments)
      .where(inTenant(smsSequenceEnrollments.subAccountId, subAccountId, eq(smsSequenceEnrollments.leadId, leadId)))
      .orderBy(sql`(${smsSequenceEnrollments.status} = 'active') desc`, desc(smsSequenceEnrollments.id))
      .limit(1);
    return row;
  }

  async countActive(sequenceId: number): Promise<number> {
    const [row] = await this.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(smsSequenceEnrollments)
      .where(and(eq(smsSequenceEnrollments.sequenceId, sequenceId), active));
    return row?.n ?? 0;
  }

  async find(id: number, db: DbOrTx = this.database.db): Promise<EnrollmentRow | undefined> {
    const [row] = await db.select().from(smsSequenceEnrollments).where(eq(smsSequenceEnrollments.id, id));
    return row;
  }

  /** Active enrolments of a lead, optionally only in the sequence of one strategy. */
  activeIdsForLead(db: DbOrTx, subAccountId: number, leadId: number, strategyId?: number): Promise<number[]> {
    return this.activeIdsOfLead(
      db,
      subAccountId,
      leadId,
      strategyId !== undefined ? eq(smsSequences.strategyId, strategyId) : undefined,
    );
  }

  /** Active enrolments of a lead whose sequence lists `status` among its stop statuses. */
  activeIdsStoppedBy(db: DbOrTx, subAccountId: number, leadId: number, status: LeadStatus): Promise<number[]> {
    return this.activeIdsOfLead(
      db,
      subAccountId,
      leadId,
      sql`${smsSequences.stopStatuses} @> ${JSON.stringify([status])}::jsonb`,
    );
  }

  private async activeIdsOfLead(db: DbOrTx, subAccountId: number, leadId: number, sequence?: SQL): Promise<number[]> {
    const rows = await db
      .select({ id: smsSequenceEnrollments.id })
      .from(smsSequenceEnrollments)
      .innerJoin(smsSequences, eq(smsSequences.id, smsSequenceEnrollments.sequenceId))
      .where(
        inTenant(
          smsSequenceEnrollments.subAccountId,
          subAccountId,
          eq(smsSequenceEnrollments.leadId, leadId),
          active,
          sequence,
        ),
      );
    return rows.map((r) => r.id);
  }

  /** Active enrolments of every lead of the SubAccount with this phone number. */
  async activeForPhone(db: DbOrTx, subAccountId: number, phone: string): Promise<EnrollmentRow[]> {
    const rows = await db
      .select({ e: smsSequenceEnrollments })
      .from(smsSequenceEnrollments)
      .innerJoin(leads, eq(leads.id, smsSequenceEnrollments.leadId))
      .where(inTenant(smsSequenceEnrollments.subAccountId, subAccountId, eq(leads.phone, phone), active));
    return rows.map((r) => r.e);
  }

  /** Ends active enrolments; answers the ones it ended (a second stop changes nothing). */
  async stop(db: DbOrTx, ids: number[], reason: string): Promise<EnrollmentRow[]> {
    if (!ids.length) return [];
    return db
      .update(smsSequenceEnrollments)
      .set({ status: 'stopped', stopReason: reason.slice(0, 40), nextDueAt: null, updatedAt: new Date() })
      .where(and(sql`${smsSequenceEnrollments.id} in ${ids}`, active))
      .returning();
  }

  /**
   * Claims up to `limit` due enrolments of enabled sequences: `FOR UPDATE SKIP LOCKED`, and their due time
   * pushed to `leaseUntil`, so no other runner takes them while this one sends; if this one dies, the
   * enrolment is due again when the lease ends (the send's idempotency key prevents a second text).
   * Served by sms_sequence_enrollments_due_idx (next_due_at) where status = 'active'.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<EnrollmentRow[]> {
    const result = await this.database.db.execute(sql`
      update sms_sequence_enrollments e
         set next_due_at = ${leaseUntil.toISOString()}, attempts = e.attempts + 1, updated_at = now()
       where e.id in (
         select c.id from sms_sequence_enrollments c
           join sms_sequences s on s.id = c.sequence_id and s.enabled
          where c.status = 'active' and c.next_due_at <= ${now.toISOString()}
          order by c.next_due_at, c.id limit ${limit}
          for update of c skip locked)
      returning e.id`);
    const ids = rowsOf<{ id: number }>(result).map((r) => r.id);
    if (!ids.length) return [];
    return this.database.db
      .select()
      .from(smsSequenceEnrollments)
      .where(sql`${smsSequenceEnrollments.id} in ${ids}`);
  }

  /** Moves an active enrolment past the step at `position`; undefined if it was stopped or moved meanwhile. */
  async advance(
    db: DbOrTx,
    id: number,
    position: number,
    next: { nextPosition: number; nextDueAt: Date | null; lastMessageId?: number | null; completed: boolean },
  ): Promise<EnrollmentRow | undefined> {
    const [row] = await db
      .update(smsSequenceEnrollments)
      .set({
        nextPosition: next.nextPosition,
        nextDueAt: next.completed ? null : next.nextDueAt,
        attempts: 0,
        status: next.completed ? 'completed' : 'active',
        ...(next.lastMessageId !== undefined ? { lastMessageId: next.lastMessageId } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(smsSequenceEnrollments.id, id), active, eq(smsSequenceEnrollments.nextPosition, position)))
      .returning();
    return row;
  }
}
