import { Injectable } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { DbOrTx } from 'src/core/database/database.service';
import type { leads } from 'src/core/database/schema';
import type { EventActor } from 'src/core/events/domain-events';
import { LeadEventsRepository } from 'src/main-app/modules/leads/lead-events.repository';
import { SmsSettingsRepository } from 'src/shared/sms/settings/sms-settings.repository';
import { intoSendWindow, windowOf } from '../send-window';
import { EnrollmentsRepository, type EnrollmentRow } from './enrollments.repository';
import { SequencesRepository, type StepRow } from './sequences.repository';

type LeadRow = typeof leads.$inferSelect;
export const SYSTEM: EventActor = { kind: 'system', id: null };

/**
 * Enrols leads and ends enrolments, with the lead's timeline entry, inside the caller's transaction
 * (an HTTP request's, or the one that changed the lead when a domain event starts it).
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly sequences: SequencesRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly leadEvents: LeadEventsRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Enrols the lead in the strategy's sequence when it is enabled and has steps; undefined otherwise or when
   * the lead is already enrolled there.
   */
  async enroll(db: DbOrTx, lead: LeadRow, strategyId: number, actor: EventActor): Promise<EnrollmentRow | undefined> {
    const sequence = await this.sequences.forStrategy(lead.subAccountId, strategyId, db);
    if (!sequence?.enabled) return undefined;
    const first = await this.sequences.stepAt(sequence.id, 0, db);
    if (!first) return undefined;
    const row = await this.enrollments.insertActive(db, {
      subAccountId: lead.subAccountId,
      sequenceId: sequence.id,
      leadId: lead.id,
      nextPosition: 0,
      nextDueAt: await this.dueAfter(db, lead, first, this.clock.now()),
      enrolledByKind: actor.kind === 'twilio' ? 'system' : actor.kind,
      enrolledById: actor.id,
    });
    if (row) {
      await this.leadEvents.record(db, {
        subAccountId: lead.subAccountId,
        leadId: lead.id,
        type: 'sequence_enrolled',
        details: { enrollmentId: row.id, sequenceId: sequence.id, strategyId, nextDueAt: row.nextDueAt },
        actor,
      });
    }
    return row;
  }

  /** Ends the given active enrolments with a reason, each with a timeline entry. */
  async stop(db: DbOrTx, ids: number[], reason: string, actor: EventActor = SYSTEM): Promise<EnrollmentRow[]> {
    const stopped = await this.enrollments.stop(db, ids, reason);
    for (const e of stopped) {
      await this.leadEvents.record(db, {
        subAccountId: e.subAccountId,
        leadId: e.leadId,
        type: 'sequence_stopped',
        details: { enrollmentId: e.id, sequenceId: e.sequenceId, reason, atPosition: e.nextPosition },
        actor,
      });
    }
    return stopped;
  }

  /** When a step becomes due: `from` plus its delay, moved into its send window in the lead's local time. */
  async dueAfter(db: DbOrTx, lead: LeadRow, step: StepRow, from: Date): Promise<Date> {
    const due = new Date(from.getTime() + step.delayMinutes * 60_000);
    const window = windowOf(step);
    if (!window) return due;
    const zone = lead.timeZone ?? (await this.settings.subAccount(lead.subAccountId, db))?.timeZone ?? 'UTC';
    return intoSendWindow(due, zone, window);
  }
}
