import { z } from 'zod';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';

export const campaignSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name').max(200, 'At most 200 characters'),
    message: z
      .string()
      .refine((v) => v.trim().length > 0, 'Write a message')
      .refine((v) => v.length <= MAX_SMS_CHARACTERS, `At most ${MAX_SMS_CHARACTERS} characters`),
    source: z.enum(['paste', 'csv', 'leads']),
    recipients: z.string(),
    scheduleLater: z.boolean(),
    scheduledAt: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.scheduleLater) {
      if (!v.scheduledAt) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'Pick a date and time' });
      else if (Date.parse(v.scheduledAt) <= Date.now())
        ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'The time must be in the future' });
    }
  });
export type CampaignValues = z.infer<typeof campaignSchema>;
