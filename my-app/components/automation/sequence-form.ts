import { z } from 'zod';
import type { SaveSequenceDto, SmsSequence } from '@/types/automation';
import { LEAD_STATUSES } from '@/types/crm';
import { minuteToTime, splitDelay, timeToMinute, toMinutes } from './automation-format';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const stepSchema = z
  .object({
    templateId: z.string().min(1, 'Choose a template'),
    delayAmount: z.coerce.number<string | number>().int('Whole numbers only').min(0, 'Not negative'),
    delayUnit: z.enum(['minutes', 'hours', 'days']),
    windowEnabled: z.boolean(),
    windowStart: z.string(),
    windowEnd: z.string(),
  })
  .superRefine((s, ctx) => {
    if (!s.windowEnabled) return;
    if (!TIME.test(s.windowStart)) ctx.addIssue({ code: 'custom', path: ['windowStart'], message: 'HH:MM' });
    if (!TIME.test(s.windowEnd)) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'HH:MM' });
    else if (s.windowStart === s.windowEnd)
      ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'Empty window' });
  });

export const sequenceSchema = z.object({
  enabled: z.boolean(),
  stopStatuses: z.array(z.enum(LEAD_STATUSES)),
  steps: z.array(stepSchema).max(50),
});
export type SequenceValues = z.input<typeof sequenceSchema>;
export type SequenceOutput = z.output<typeof sequenceSchema>;

export const NEW_STEP: SequenceValues['steps'][number] = {
  templateId: '',
  delayAmount: 1,
  delayUnit: 'days',
  windowEnabled: false,
  windowStart: '09:00',
  windowEnd: '17:00',
};

export function toValues(sequence: SmsSequence): SequenceValues {
  return {
    enabled: sequence.enabled,
    stopStatuses: sequence.stopStatuses,
    steps: sequence.steps.map((s) => {
      const { amount, unit } = splitDelay(s.delayMinutes);
      const windowed = s.windowStartMinute !== null && s.windowEndMinute !== null;
      return {
        templateId: String(s.templateId),
        delayAmount: amount,
        delayUnit: unit,
        windowEnabled: windowed,
        windowStart: windowed ? minuteToTime(s.windowStartMinute!) : NEW_STEP.windowStart,
        windowEnd: windowed ? minuteToTime(s.windowEndMinute!) : NEW_STEP.windowEnd,
      };
    }),
  };
}

export function toDto(v: SequenceOutput): SaveSequenceDto {
  return {
    enabled: v.enabled,
    stopStatuses: v.stopStatuses,
    steps: v.steps.map((s) => ({
      templateId: Number(s.templateId),
      delayMinutes: toMinutes(s.delayAmount, s.delayUnit),
      windowStartMinute: s.windowEnabled ? timeToMinute(s.windowStart) : null,
      windowEndMinute: s.windowEnabled ? timeToMinute(s.windowEnd) : null,
    })),
  };
}
