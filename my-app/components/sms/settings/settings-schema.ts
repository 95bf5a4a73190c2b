import { z } from 'zod';
import type { SmsSettings, UpdateSmsSettingsDto } from '@/types/sms';

const optional = (re: RegExp, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || re.test(v), message);
const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), message);

export const settingsSchema = z.object({
  accountSid: optional(/^AC[0-9a-fA-F]{32}$/, 'An Account SID is “AC” followed by 32 hexadecimal characters'),
  authToken: optional(/^[0-9a-zA-Z]{16,64}$/, 'An auth token is 16 to 64 letters and digits'),
  phoneNumber: optional(/^\+[1-9]\d{6,14}$/, 'Use the E.164 form: + then the country code and number'),
  messagingServiceSid: optional(
    /^MG[0-9a-fA-F]{32}$/,
    'A Messaging Service SID is “MG” followed by 32 hexadecimal characters',
  ),
  rateLimitPerMinute: optionalInt(1, 60_000, 'A whole number from 1 to 60,000, or empty for the default'),
  rateSegmentsPerSecond: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d+(\.\d+)?$/.test(v) && Number(v) >= 0.01 && Number(v) <= 10_000),
      'A number from 0.01 to 10,000, or empty to use messages per minute',
    ),
  maxInFlight: optionalInt(1, 1000, 'A whole number from 1 to 1,000, or empty for the default'),
  spendingCapSegments: optionalInt(0, Number.MAX_SAFE_INTEGER, 'A whole number, or empty for no cap'),
  defaultCountry: z.string().length(2),
  quietHoursEnabled: z.boolean(),
  quietHoursStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  quietHoursEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  quietHoursDays: z.array(z.number().int().min(1).max(7)),
  helpText: z.string().max(320, 'At most 320 characters'),
});
export type SettingsValues = z.infer<typeof settingsSchema>;
export type Field = keyof SettingsValues;

export const FIELDS: readonly Field[] = [
  'accountSid',
  'authToken',
  'phoneNumber',
  'messagingServiceSid',
  'rateLimitPerMinute',
  'rateSegmentsPerSecond',
  'maxInFlight',
  'spendingCapSegments',
  'defaultCountry',
  'quietHoursEnabled',
  'quietHoursStart',
  'quietHoursEnd',
  'quietHoursDays',
  'helpText',
];

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
/** Empty is "use the default"; the schema has already checked the number's form (whole, or decimal for segments/s). */
const numberOrNull = (v: string) => (v === '' ? null : Number(v));

export function toValues(s: SmsSettings): SettingsValues {
  return {
    accountSid: s.accountSid ?? '',
    authToken: '',
    phoneNumber: s.phoneNumber ?? '',
    messagingServiceSid: s.messagingServiceSid ?? '',
    rateLimitPerMinute: str(s.rateLimitPerMinute),
    rateSegmentsPerSecond: str(s.rateSegmentsPerSecond),
    maxInFlight: str(s.maxInFlight),
    spendingCapSegments: str(s.spendingCapSegments),
    defaultCountry: s.defaultCountry || 'US',
    quietHoursEnabled: s.quietHoursEnabled ?? false,
    quietHoursStart: s.quietHoursStart ?? '21:00',
    quietHoursEnd: s.quietHoursEnd ?? '08:00',
    quietHoursDays: s.quietHoursDays ?? [1, 2, 3, 4, 5, 6, 7],
    helpText: s.helpText ?? '',
  };
}

/** Only what changed (PUT is partial); the auth token only when a new one was typed. */
export function settingsDto(v: SettingsValues, dirty: Partial<Record<Field, unknown>>): UpdateSmsSettingsDto {
  const dto: UpdateSmsSettingsDto = {};
  if (dirty.accountSid) dto.accountSid = v.accountSid || null;
  if (v.authToken) dto.authToken = v.authToken;
  if (dirty.phoneNumber) dto.phoneNumber = v.phoneNumber || null;
  if (dirty.messagingServiceSid) dto.messagingServiceSid = v.messagingServiceSid || null;
  if (dirty.rateLimitPerMinute) dto.rateLimitPerMinute = numberOrNull(v.rateLimitPerMinute);
  if (dirty.rateSegmentsPerSecond) dto.rateSegmentsPerSecond = numberOrNull(v.rateSegmentsPerSecond);
  if (dirty.maxInFlight) dto.maxInFlight = numberOrNull(v.maxInFlight);
  if (dirty.spendingCapSegments) dto.spendingCapSegments = numberOrNull(v.spendingCapSegments);
  if (dirty.defaultCountry) dto.defaultCountry = v.defaultCountry;
  if (dirty.quietHoursEnabled) dto.quietHoursEnabled = v.quietHoursEnabled;
  if (dirty.quietHoursStart) dto.quietHoursStart = v.quietHoursStart;
  if (dirty.quietHoursEnd) dto.quietHoursEnd = v.quietHoursEnd;
  if (dirty.quietHoursDays) dto.quietHoursDays = [...v.quietHoursDays].sort();
  if (dirty.helpText) dto.helpText = v.helpText.trim() || null;
  return dto;
}
