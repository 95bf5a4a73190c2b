import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { DbOrTx } from 'src/core/database/database.service';
import type { LeadStatus } from 'src/core/database/schema';
import { DomainEvents, type EventActor } from 'src/core/events/domain-events';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import { EnrollmentsRepository } from './sequences/enrollments.repository';
import { EnrollmentService } from './sequences/enrollment.service';
import { TriggersRepository, type TriggerRow } from './triggers/triggers.repository';

/**
 * Sequences and triggers react to what happens to leads and their messages. Every handler runs inside the
 * transaction that made the change (through the `db` it is given), so an enrolment, a stop or a stored
 * trigger firing commits with it or not at all.
 */
@Injectable()
export class AutomationEventsService implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly leads: LeadsRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly enrollment: EnrollmentService,
    private readonly triggers: TriggersRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('lead.created', async (e, db) => {
      const lead = await this.leads.find(e.subAccountId, e.leadId, db);
      if (lead?.strategyId) await this.enrollment.enroll(db, lead, lead.strategyId, e.actor);
      await this.fire(db, e.subAccountId, e.leadId, 'lead_created', null, 'created');
    });
    this.events.on('lead.status_changed', async (e, db) => {
      const ids = await this.enrollments.activeIdsStoppedBy(db, e.subAccountId, e.leadId, e.to);
      await this.enrollment.stop(db, ids, `status:${e.to}`, e.actor);
      await this.fire(db, e.subAccountId, e.leadId, 'status_changed', e.to, `${e.from}->${e.to}`);
    });
    this.events.on('lead.strategy_changed', (e, db) => this.changeStrategy(db, e));
    this.events.on('sms.inbound_received', async (e, db) => {
      if (!e.leadId) return;
      const ids = await this.enrollments.activeIdsForLead(db, e.subAccountId, e.leadId);
      await this.enrollment.stop(db, ids, e.keyword === 'opt_out' ? 'opted_out' : 'replied');
    });
    this.events.on('sms.opted_out', async (e, db) => {
      const active = await this.enrollments.activeForPhone(db, e.subAccountId, e.phoneNumber);
      await this.enrollment.stop(
        db,
        active.map((a) => a.id),
        'opted_out',
      );
    });
  }

  private async changeStrategy(
    db: DbOrTx,
    e: { subAccountId: number; leadId: number; from: number | null; to: number | null; actor: EventActor },
  ): Promise<void> {
    if (e.from !== null) {
      const ids = await this.enrollments.activeIdsForLead(db, e.subAccountId, e.leadId, e.from);
      await this.enrollment.stop(db, ids, 'strategy_changed', e.actor);
    }
    if (e.to === null) return;
    const lead = await this.leads.find(e.subAccountId, e.leadId, db);
    if (lead) await this.enrollment.enroll(db, lead, e.to, e.actor);
  }

  /** Stores one firing per matching trigger; the unique (trigger, lead, transition) key drops a repeat. */
  private async fire(
    db: DbOrTx,
    subAccountId: number,
    leadId: number,
    event: TriggerRow['event'],
    toStatus: LeadStatus | null,
    transition: string,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    for (const t of await this.triggers.enabledFor(db, subAccountId, event, toStatus ?? undefined)) {
      await this.triggers.insertFiring(db, {
        subAccountId,
        triggerId: t.id,
        leadId,
        transition,
        dueAt: new Date(now + t.delayMinutes * 60_000),
      });
    }
  }
}
