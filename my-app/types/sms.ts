/**
 * The SMS module's types, named as in the plan (SmsMessage, SmsCampaign, SmsStats, SendSmsDto,
 * CreateCampaignDto): each is the API's own schema (types/api.generated.ts).
 */
import { everyOf, type QueryOf, type Schema } from './api';
import type { paths } from './api.generated';

export type SmsMessage = Schema<'SmsMessageDto'>;
export type SmsMessageDetail = Schema<'SmsMessageDetailDto'>;
export type SmsEvent = Schema<'SmsEventDto'>;
export type SmsStatus = SmsMessage['status'];
export type SmsDirection = SmsMessage['direction'];
export type SmsEncoding = SmsMessage['encoding'];

export const SMS_STATUSES = everyOf<SmsStatus>()([
  'pending',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'received',
] as const);

export type MessageHistoryParams = QueryOf<'/api/sms/messages'>;

export type SendSmsDto = Schema<'SendSmsDto'>;
export type SendSmsResult = Schema<'SendResultDto'>;

export type SmsCampaign = Schema<'SmsCampaignDto'>;
export type SmsCampaignStatus = SmsCampaign['status'];
export const CAMPAIGN_STATUSES = everyOf<SmsCampaignStatus>()([
  'draft',
  'scheduled',
  'sending',
  'paused',
  'completed',
  'canceled',
  'failed',
] as const);

export type CampaignRecipient = Schema<'RecipientDto'>;
export type CreateCampaignDto = Schema<'CreateCampaignDto'>;
export type UpdateCampaignDto = Schema<'UpdateCampaignDto'>;
export type CampaignListParams = QueryOf<'/api/sms/campaigns'>;
export type CampaignMessagesParams = QueryOf<'/api/sms/campaigns/{id}/messages'>;

/** One period of the roll-up (a day, a month, this month). Cost is in USD. */
export type PeriodStats = Schema<'PeriodStatsDto'>;
export type DailyCounts = Pick<PeriodStats, 'sent' | 'delivered' | 'failed'>;
export type SmsStats = Schema<'SmsStatsDto'>;

export type SmsSettings = Schema<'SmsSettingsDto'>;
export type SmsMode = SmsSettings['mode'];
export type CredentialsStatus = SmsSettings['credentialsStatus'];
export type UpdateSmsSettingsDto = Schema<'UpdateSmsSettingsDto'>;
export type TestConnectionResult = Schema<'TestConnectionDto'>;

/** Why a pending message waits and about when it goes (GET /sms/message-waits). */
export type MessageWait = Schema<'MessageWaitDto'>;

/** The form fields of POST /sms/bulk besides the file. */
export type BulkSmsOptions = Omit<
  NonNullable<paths['/api/sms/bulk']['post']['requestBody']>['content']['multipart/form-data'],
  'file'
>;

/** The API's ImportReport: what POST /sms/bulk and POST /sms/campaigns accepted and refused. */
export type BulkSmsResult = Schema<'ImportReportDto'>;
export type BulkRejection = Schema<'RejectionDto'>;
export type BulkRejectionReason = BulkRejection['reason'];
export type BulkPreviewRow = Schema<'PreviewRowDto'>;

export type SmsTemplate = Schema<'SmsTemplateDto'>;
export type SmsTemplateDto = Schema<'CreateTemplateDto'>;

/** Statuses after which a message will not change any more (except a retry by hand). */
export const FINAL_SMS_STATUSES: readonly SmsStatus[] = ['delivered', 'undelivered', 'failed', 'canceled', 'received'];

export const ACTIVE_CAMPAIGN_STATUSES: readonly SmsCampaignStatus[] = ['scheduled', 'sending', 'paused'];

// ---------------------------------------------------------------------------------------------
// Opt-outs (the SubAccount's do-not-text list) and the audit log

/** One number that must never be texted. */
export type OptOut = Schema<'OptOutDto'>;
export type OptOutSource = OptOut['source'];
export const OPT_OUT_SOURCES = everyOf<OptOutSource>()(['keyword', 'error_21610', 'manual', 'import'] as const);

export type OptOutListParams = QueryOf<'/api/sms/opt-outs'>;
export type AddOptOutDto = Schema<'AddOptOutDto'>;
export type OptOutImportRejection = Schema<'RejectionDto'>;
/** What POST /sms/opt-outs/import added and refused. */
export type OptOutImportReport = Schema<'OptOutImportReportDto'>;

/** One row of the append-only audit log (GET /sms/audit, admins only). */
export type AuditEntry = Schema<'AuditEntryDto'>;
export type AuditActorKind = AuditEntry['actorKind'];
export const AUDIT_ACTOR_KINDS = everyOf<AuditActorKind>()(['user', 'admin', 'system', 'twilio'] as const);
export type AuditListParams = QueryOf<'/api/sms/audit'>;
