import { describe, expect, it } from 'vitest';
import type { SmsSequence } from '@/types/automation';
import { sequenceSchema, toDto, toValues } from './sequence-form';

const sequence: SmsSequence = {
  id: 1,
  strategyId: 2,
  enabled: true,
  stopStatuses: ['customer'],
  steps: [
    { position: 0, templateId: 4, templateName: 'A', delayMinutes: 0, windowStartMinute: null, windowEndMinute: null },
    {
      position: 1,
      templateId: 5,
      templateName: 'B',
      delayMinutes: 2880,
      windowStartMinute: 540,
      windowEndMinute: 1020,
    },
  ],
  activeEnrollments: 0,
  updatedAt: null,
};

describe('sequence form', () => {
  it('turns a saved sequence into form values and back without change', () => {
    const values = toValues(sequence);
    expect(values.steps[1]).toMatchObject({
      delayAmount: 2,
      delayUnit: 'days',
      windowStart: '09:00',
      windowEnd: '17:00',
    });
    expect(toDto(sequenceSchema.parse(values))).toEqual({
      enabled: true,
      stopStatuses: ['customer'],
      steps: [
        { templateId: 4, delayMinutes: 0, windowStartMinute: null, windowEndMinute: null },
        { templateId: 5, delayMinutes: 2880, windowStartMinute: 540, windowEndMinute: 1020 },
      ],
    });
  });

  it('refuses a step without a template and an empty send window', () => {
    const values = toValues(sequence);
    values.steps[0]!.templateId = '';
    values.steps[1]!.windowEnd = '09:00';
    const result = sequenceSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['steps.0.templateId', 'steps.1.windowEnd']);
  });
});
