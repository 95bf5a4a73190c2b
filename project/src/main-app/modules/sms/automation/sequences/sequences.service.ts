import { Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import { DatabaseService } from 'src/core/database/database.service';
import { AppError, AppErrorCode, type FieldError } from 'src/core/errors/app-error';
import type { EventActor } from 'src/core/events/domain-events';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import { StrategiesRepository } from 'src/main-app/modules/strategies/strategies.repository';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { TemplatesRepository } from '../../templates/templates.repository';
import { LeadSequenceDto, SaveSequenceDto, SmsSequenceDto } from './dto/sequence.dto';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentService } from './enrollment.service';
import { mapEnrollment, mapSequence } from './sequences.mapper';
import { SequencesRepository } from './sequences.repository';

const actorOf = (auth: AuthContext): EventActor => ({ kind: auth.kind, id: auth.id });

/** A strategy's sequence (read, replace) and a lead's enrolment in it (read, enrol, stop). */
@Injectable()
export class SequencesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly sequences: SequencesRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly enrollment: EnrollmentService,
    private readonly strategies: StrategiesRepository,
    private readonly leads: LeadsRepository,
    private readonly audit: SmsAuditRepository,
    private readonly templates: TemplatesRepository,
  ) {}

  async get(auth: AuthContext, strategyId: number): Promise<SmsSequenceDto> {
    const subAccountId = tenantOf(auth);
    if (!(await this.strategies.find(subAccountId, strategyId))) throw AppError.notFound('Strategy');
    const sequence = await this.sequences.forStrategy(subAccountId, strategyId);
    if (!sequence) return mapSequence(strategyId, undefined, [], 0);
    const [steps, active] = await Promise.all([
      this.sequences.steps(sequence.id),
      this.enrollments.countActive(sequence.id),
    ]);
    return mapSequence(strategyId, sequence, steps, active);
  }

  async save(auth: AuthContext, strategyId: number, dto: SaveSequenceDto): Promise<SmsSequenceDto> {
    const subAccountId = tenantOf(auth);
    if (!(await this.strategies.find(subAccountId, strategyId))) throw AppError.notFound('Strategy');
    await this.check(subAccountId, dto);
    await this.database.transaction(async (tx) => {
      const sequence = await this.sequences.save(
        tx,
        subAccountId,
        strategyId,
        { enabled: dto.enabled, stopStatuses: [...new Set(dto.stopStatuses)] },
        dto.steps.map((s) => ({
          templateId: s.templateId,
          delayMinutes: s.delayMinutes,
          windowStartMinute: s.windowStartMinute ?? null,
          windowEndMinute: s.windowEndMinute ?? null,
        })),
      );
      await this.audit.record(
        {
          subAccountId,
          actorKind: auth.kind,
          actorId: auth.id,
          action: 'sequence.save',
          targetType: 'sms_sequence',
          targetId: String(sequence.id),
          details: { strategyId, enabled: dto.enabled, steps: dto.steps.length },
        },
        tx,
      );
    });
    return this.get(auth, strategyId);
  }

  async forLead(auth: AuthContext, leadId: number): Promise<LeadSequenceDto> {
    const subAccountId = tenantOf(auth);
    const lead = await this.leads.find(subAccountId, leadId);
    if (!lead) throw AppError.notFound('Lead');
    const current = await this.enrollments.currentForLead(subAccountId, leadId);
    const enrollment = current ? await this.describe(subAccountId, current) : null;
    const cannotEnrollReason =
      enrollment?.status === 'active' ? 'already enrolled' : await this.cannotEnroll(subAccountId, lead.strategyId);
    return { enrollment, canEnroll: cannotEnrollReason === null, cannotEnrollReason };
  }

  async enroll(auth: AuthContext, leadId: number): Promise<LeadSequenceDto> {
    const subAccountId = tenantOf(auth);
    const lead = await this.leads.find(subAccountId, leadId);
    if (!lead) throw AppError.notFound('Lead');
    const reason = await this.cannotEnroll(subAccountId, lead.strategyId);
    if (reason || !lead.strategyId) throw new AppError(AppErrorCode.INVALID_STATE, `Cannot enrol this lead: ${reason}`);
    const row = await this.database.transaction(async (tx) => {
      const enrolled = await this.enrollment.enroll(tx, lead, lead.strategyId!, actorOf(auth));
      if (enrolled) await this.auditLead(tx, auth, 'sequence.enroll', leadId, { enrollmentId: enrolled.id });
      return enrolled;
    });
    if (!row) throw new AppError(AppErrorCode.CONFLICT, 'This lead is already enrolled in the sequence');
    return this.forLead(auth, leadId);
  }

  async stop(auth: AuthContext, leadId: number): Promise<LeadSequenceDto> {
    const subAccountId = tenantOf(auth);
    if (!(await this.leads.find(subAccountId, leadId))) throw AppError.notFound('Lead');
    const stopped = await this.database.transaction(async (tx) => {
      const ids = await this.enrollments.activeIdsForLead(tx, subAccountId, leadId);
      const rows = await this.enrollment.stop(tx, ids, 'manual', actorOf(auth));
      if (rows.length) await this.auditLead(tx, auth, 'sequence.stop', leadId, { enrollmentIds: ids });
      return rows;
    });
    if (!stopped.length) throw new AppError(AppErrorCode.INVALID_STATE, 'This lead has no active sequence enrolment');
    return this.forLead(auth, leadId);
  }

  private async describe(subAccountId: number, e: Parameters<typeof mapEnrollment>[0]) {
    const sequence = await this.sequences.find(subAccountId, e.sequenceId);
    const steps = await this.sequences.steps(e.sequenceId);
    return mapEnrollment(e, sequence?.strategyId ?? 0, steps);
  }

  private async cannotEnroll(subAccountId: number, strategyId: number | null): Promise<string | null> {
    if (!strategyId) return 'the lead has no strategy';
    const sequence = await this.sequences.forStrategy(subAccountId, strategyId);
    if (!sequence) return "the lead's strategy has no sequence";
    if (!sequence.enabled) return "the lead's strategy sequence is disabled";
    if ((await this.sequences.stepCount(sequence.id)) === 0) return "the lead's strategy sequence has no steps";
    return null;
  }

  private async check(subAccountId: number, dto: SaveSequenceDto): Promise<void> {
    const errors: FieldError[] = [];
    const known = await this.templates.existing(subAccountId, [...new Set(dto.steps.map((s) => s.templateId))]);
    dto.steps.forEach((s, i) => {
      if (!known.has(s.templateId))
        errors.push({ field: `steps.${i}.templateId`, message: 'no such template in this SubAccount' });
      const start = s.windowStartMinute ?? null;
      const end = s.windowEndMinute ?? null;
      if ((start === null) !== (end === null)) {
        errors.push({ field: `steps.${i}.windowEndMinute`, message: 'give both ends of the send window, or neither' });
      } else if (start !== null && start === end) {
        errors.push({ field: `steps.${i}.windowEndMinute`, message: 'the send window cannot be empty' });
      }
    });
    if (errors.length) {
      throw new AppError(AppErrorCode.VALIDATION, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    }
  }

  private auditLead(
    tx: Parameters<SmsAuditRepository['record']>[1],
    auth: AuthContext,
    action: string,
    leadId: number,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        subAccountId: tenantOf(auth),
        actorKind: auth.kind,
        actorId: auth.id,
        action,
        targetType: 'lead',
        targetId: String(leadId),
        details,
      },
      tx,
    );
  }
}
