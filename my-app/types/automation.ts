/** Sequences and triggers (strategies' follow-ups, lead events): each is the API's own schema. */
import { everyOf, type Schema } from './api';

/** One step of a strategy's sequence as the API answers it. */
export type SequenceStep = Schema<'SequenceStepDto'>;
export type SmsSequence = Schema<'SmsSequenceDto'>;
export type SequenceStepInput = Schema<'SequenceStepInputDto'>;
export type SaveSequenceDto = Schema<'SaveSequenceDto'>;
export type SequenceEnrollment = Schema<'SequenceEnrollmentDto'>;
export type EnrollmentStatus = SequenceEnrollment['status'];
export type LeadSequence = Schema<'LeadSequenceDto'>;

export type SmsTrigger = Schema<'SmsTriggerDto'>;
export type SmsTriggerDto = Schema<'CreateTriggerDto'>;
export type TriggerEvent = SmsTrigger['event'];
export const TRIGGER_EVENTS = everyOf<TriggerEvent>()(['lead_created', 'status_changed'] as const);
