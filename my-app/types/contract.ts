/**
 * The API's DTOs as the admin panel's types see them, as runtime key lists.
 * `e2e/contract.spec.ts` compares them with the running API's OpenAPI document (/api/docs-json), and
 * `keysOf<T>()` refuses to compile unless a list names every key of its type, so neither the types
 * nor the lists can drift from the API unnoticed.
 */
import type { AuthTokens, LeadDto, LoginDto, Me, StrategyDto, SubAccountDto, SubAccountSummary } from './crm';
import type {
  AddOptOutDto,
  AuditEntry,
  BulkSmsResult,
  CreateCampaignDto,
  OptOut,
  OptOutImportReport,
  PeriodStats,
  SendSmsDto,
  SendSmsResult,
  SmsCampaign,
  SmsEvent,
  SmsMessage,
  SmsMessageDetail,
  SmsSettings,
  SmsStats,
  SmsTemplate,
  SmsTemplateDto,
  TestConnectionResult,
  UpdateCampaignDto,
  UpdateSmsSettingsDto,
} from './sms';

type Missing<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;
type Exhaustive<T, K extends readonly PropertyKey[]> = [Missing<T, K>] extends [never]
  ? K
  : { error: 'list every key of the type'; missing: Missing<T, K> };

function keysOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(...keys: K & Exhaustive<T, K>): readonly string[] => keys;
}

export type ContractDirection = 'response' | 'request';

export interface ContractEntry {
  /** Names the API's OpenAPI document may give the schema. */
  schemas: readonly string[];
  /** Why the check cannot run yet (the API does not document the schema); the spec skips it, saying so. */
  undocumented?: string;
  /** response: the type must match the schema both ways; request: every key must be accepted. */
  direction: ContractDirection;
  keys: readonly string[];
}

export const CONTRACT: Record<string, ContractEntry> = {
  Me: {
    schemas: ['MeDto'],
    direction: 'response',
    keys: keysOf<Me>()('id', 'kind', 'email', 'name', 'role', 'subAccountId', 'subAccounts'),
  },
  SubAccountSummary: {
    schemas: ['SubAccountSummaryDto'],
    direction: 'response',
    keys: keysOf<SubAccountSummary>()('id', 'name', 'timeZone', 'defaultCountry'),
  },
  AuthTokens: {
    schemas: ['TokensDto'],
    direction: 'response',
    keys: keysOf<AuthTokens>()('accessToken', 'refreshToken', 'expiresIn', 'user'),
  },
  LoginDto: { schemas: ['LoginDto'], direction: 'request', keys: keysOf<LoginDto>()('email', 'password') },
  SubAccountDto: {
    schemas: ['CreateSubAccountDto'],
    direction: 'request',
    keys: keysOf<SubAccountDto>()('name', 'timeZone', 'defaultCountry'),
  },
  StrategyDto: {
    schemas: ['CreateStrategyDto'],
    direction: 'request',
    keys: keysOf<StrategyDto>()('name', 'description', 'tag'),
  },
  LeadDto: {
    schemas: ['CreateLeadDto'],
    direction: 'request',
    keys: keysOf<LeadDto>()(
      'name',
      'email',
      'phone',
      'company',
      'timeZone',
      'status',
      'notes',
      'strategyId',
      'ownerId',
    ),
  },
  SendSmsDto: {
    schemas: ['SendSmsDto'],
    direction: 'request',
    keys: keysOf<SendSmsDto>()('phoneNumber', 'message', 'leadId', 'scheduledAt'),
  },
  SendSmsResult: {
    schemas: ['SendResultDto'],
    direction: 'response',
    keys: keysOf<SendSmsResult>()(
      'id',
      'status',
      'phoneNumber',
      'segments',
      'encoding',
      'notBefore',
      'replayed',
      'quietHoursUntil',
    ),
  },
  SmsMessage: {
    schemas: ['SmsMessageDto'],
    direction: 'response',
    keys: keysOf<SmsMessage>()(
      'id',
      'userId',
      'subAccountId',
      'phoneNumber',
      'message',
      'status',
      'statusReason',
      'direction',
      'fromNumber',
      'twilioSid',
      'errorCode',
      'errorMessage',
      'campaignId',
      'leadId',
      'segments',
      'encoding',
      'price',
      'priceUnit',
      'attempts',
      'notBefore',
      'sentAt',
      'deliveredAt',
      'createdAt',
      'updatedAt',
    ),
  },
  SmsMessageDetail: {
    schemas: ['SmsMessageDetailDto'],
    direction: 'response',
    keys: keysOf<SmsMessageDetail>()(
      'id',
      'userId',
      'subAccountId',
      'phoneNumber',
      'message',
      'status',
      'statusReason',
      'direction',
      'fromNumber',
      'twilioSid',
      'errorCode',
      'errorMessage',
      'campaignId',
      'leadId',
      'segments',
      'encoding',
      'price',
      'priceUnit',
      'attempts',
      'notBefore',
      'sentAt',
      'deliveredAt',
      'createdAt',
      'updatedAt',
      'events',
    ),
  },
  SmsEvent: {
    schemas: ['SmsEventDto'],
    direction: 'response',
    keys: keysOf<SmsEvent>()('id', 'type', 'status', 'payload', 'createdAt'),
  },
  SmsStats: {
    schemas: ['SmsStatsDto'],
    direction: 'response',
    keys: keysOf<SmsStats>()(
      'totalSent',
      'totalDelivered',
      'totalFailed',
      'totalUndelivered',
      'deliveryRate',
      'totalSegments',
      'totalCost',
      'thisMonth',
      'monthlyStats',
      'dailyStats',
    ),
  },
  PeriodStats: {
    schemas: ['PeriodStatsDto'],
    direction: 'response',
    keys: keysOf<PeriodStats>()('sent', 'delivered', 'failed', 'undelivered', 'segments', 'cost'),
  },
  SmsSettings: {
    schemas: ['SmsSettingsDto'],
    direction: 'response',
    keys: keysOf<SmsSettings>()(
      'accountSid',
      'authTokenLast4',
      'phoneNumber',
      'messagingServiceSid',
      'credentialsSource',
      'rateLimitPerMinute',
      'effectiveRateLimitPerMinute',
      'maxInFlight',
      'spendingCapSegments',
      'defaultCountry',
      'mode',
      'credentialsStatus',
      'dispatchPaused',
      'dispatchPausedReason',
      'quietHoursEnabled',
      'quietHoursStart',
      'quietHoursEnd',
      'quietHoursDays',
      'helpText',
    ),
  },
  UpdateSmsSettingsDto: {
    schemas: ['UpdateSmsSettingsDto'],
    direction: 'request',
    keys: keysOf<UpdateSmsSettingsDto>()(
      'accountSid',
      'authToken',
      'phoneNumber',
      'messagingServiceSid',
      'rateLimitPerMinute',
      'maxInFlight',
      'spendingCapSegments',
      'defaultCountry',
      'quietHoursEnabled',
      'quietHoursStart',
      'quietHoursEnd',
      'quietHoursDays',
      'helpText',
    ),
  },
  TestConnectionResult: {
    schemas: ['TestConnectionDto'],
    direction: 'response',
    keys: keysOf<TestConnectionResult>()('ok', 'message'),
  },
  SmsCampaign: {
    schemas: ['SmsCampaignDto'],
    direction: 'response',
    keys: keysOf<SmsCampaign>()(
      'id',
      'name',
      'message',
      'status',
      'statusReason',
      'source',
      'totalRecipients',
      'rejectedCount',
      'pending',
      'waitingQuietHours',
      'sentCount',
      'deliveredCount',
      'failedCount',
      'undelivered',
      'optedOut',
      'canceled',
      'segments',
      'cost',
      'progress',
      'scheduledAt',
      'startedAt',
      'completedAt',
      'createdAt',
      'updatedAt',
    ),
  },
  CreateCampaignDto: {
    schemas: ['CreateCampaignDto'],
    direction: 'request',
    keys: keysOf<CreateCampaignDto>()('name', 'message', 'templateId', 'recipients', 'leadIds', 'scheduledAt'),
  },
  BulkSmsResult: {
    schemas: ['ImportReportDto'],
    direction: 'response',
    keys: keysOf<BulkSmsResult>()(
      'campaignId',
      'dryRun',
      'counts',
      'rejections',
      'preview',
      'estimatedSegments',
      'estimatedCost',
      'headers',
      'phoneColumn',
    ),
  },
  UpdateCampaignDto: {
    schemas: ['UpdateCampaignDto'],
    direction: 'request',
    keys: keysOf<UpdateCampaignDto>()('name', 'message', 'scheduledAt'),
  },
  SmsTemplateDto: {
    schemas: ['CreateTemplateDto'],
    direction: 'request',
    keys: keysOf<SmsTemplateDto>()('name', 'body', 'strategyId'),
  },
  SmsTemplate: {
    schemas: ['SmsTemplateDto'],
    direction: 'response',
    keys: keysOf<SmsTemplate>()('id', 'name', 'body', 'variables', 'strategyId', 'createdAt', 'updatedAt'),
  },
  AddOptOutDto: { schemas: ['AddOptOutDto'], direction: 'request', keys: keysOf<AddOptOutDto>()('phoneNumber') },
  OptOut: {
    schemas: ['OptOutDto'],
    direction: 'response',
    keys: keysOf<OptOut>()('id', 'phoneNumber', 'source', 'createdByUserId', 'createdByAdminId', 'createdAt'),
  },
  OptOutImportReport: {
    schemas: ['OptOutImportReportDto', 'OptOutImportReport'],
    direction: 'response',
    keys: keysOf<OptOutImportReport>()('counts', 'rejections'),
  },
  AuditEntry: {
    schemas: ['AuditEntryDto'],
    direction: 'response',
    keys: keysOf<AuditEntry>()(
      'id',
      'subAccountId',
      'actorKind',
      'actorId',
      'action',
      'targetType',
      'targetId',
      'details',
      'requestId',
      'ip',
      'createdAt',
    ),
  },
};
