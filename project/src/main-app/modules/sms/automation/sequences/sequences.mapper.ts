import type { LeadStatus } from 'src/core/database/schema';
import type { EnrollmentRow } from './enrollments.repository';
import type { SequenceRow, StepRow } from './sequences.repository';
import type { SequenceEnrollmentDto, SequenceStepDto, SmsSequenceDto } from './dto/sequence.dto';

export type StepWithName = { step: StepRow; templateName: string };

export const mapStep = ({ step, templateName }: StepWithName): SequenceStepDto => ({
  position: step.position,
  templateId: step.templateId,
  templateName,
  delayMinutes: step.delayMinutes,
  windowStartMinute: step.windowStartMinute,
  windowEndMinute: step.windowEndMinute,
});

export function mapSequence(
  strategyId: number,
  sequence: SequenceRow | undefined,
  steps: StepWithName[],
  activeEnrollments: number,
): SmsSequenceDto {
  return {
    id: sequence?.id ?? null,
    strategyId,
    enabled: sequence?.enabled ?? true,
    stopStatuses: (sequence?.stopStatuses ?? []) as LeadStatus[],
    steps: steps.map(mapStep),
    activeEnrollments,
    updatedAt: sequence?.updatedAt ?? null,
  };
}

export function mapEnrollment(e: EnrollmentRow, strategyId: number, steps: StepWithName[]): SequenceEnrollmentDto {
  const next = e.status === 'active' ? steps.find((s) => s.step.position === e.nextPosition) : undefined;
  return {
    id: e.id,
    sequenceId: e.sequenceId,
    strategyId,
    leadId: e.leadId,
    status: e.status,
    stopReason: e.stopReason,
    nextPosition: e.nextPosition,
    stepCount: steps.length,
    nextStep: next ? mapStep(next) : null,
    nextDueAt: e.nextDueAt,
    lastMessageId: e.lastMessageId,
    enrolledByKind: e.enrolledByKind,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
