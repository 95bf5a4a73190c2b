import type { LeadStatus } from './crm';

/** One step of a strategy's sequence as the API answers it. */
export interface SequenceStep {
  position: number;
  templateId: number;
  templateName: string;
  /** After enrolment (first step) or after the previous step was sent. */
  delayMinutes: number;
  /** Send window in the lead's local time, minutes after midnight; both null when there is none. */
  windowStartMinute: number | null;
  windowEndMinute: number | null;
}

export interface SmsSequence {
  /** null until the sequence is first saved. */
  id: number | null;
  strategyId: number;
  enabled: boolean;
  stopStatuses: LeadStatus[];
  steps: SequenceStep[];
  activeEnrollments: number;
  updatedAt: string | null;
}

export interface SequenceStepInput {
  templateId: number;
  delayMinutes: number;
  windowStartMinute?: number | null;
  windowEndMinute?: number | null;
}

export interface SaveSequenceDto {
  enabled: boolean;
  stopStatuses: LeadStatus[];
  steps: SequenceStepInput[];
}

export type EnrollmentStatus = 'active' | 'completed' | 'stopped';

export interface SequenceEnrollment {
  id: number;
  sequenceId: number;
  strategyId: number;
  leadId: number;
  status: EnrollmentStatus;
  /** replied, opted_out, strategy_changed, status:<status>, manual, no_phone… */
  stopReason: string | null;
  nextPosition: number;
  stepCount: number;
  nextStep: SequenceStep | null;
  nextDueAt: string | null;
  lastMessageId: number | null;
  enrolledByKind: 'user' | 'admin' | 'system';
  createdAt: string;
  updatedAt: string;
}

export interface LeadSequence {
  /** The active enrolment, else the latest one. */
  enrollment: SequenceEnrollment | null;
  canEnroll: boolean;
  cannotEnrollReason: string | null;
}

export const TRIGGER_EVENTS = ['lead_created', 'status_changed'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export interface SmsTrigger {
  id: number;
  name: string;
  event: TriggerEvent;
  toStatus: LeadStatus | null;
  templateId: number;
  templateName: string;
  delayMinutes: number;
  enabled: boolean;
  /** Messages this trigger has sent. */
  firedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface SmsTriggerDto {
  name: string;
  event: TriggerEvent;
  toStatus?: LeadStatus | null;
  templateId: number;
  delayMinutes: number;
  enabled?: boolean;
}
