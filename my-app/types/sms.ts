import type { Schema } from '@/lib/api/typed-client';
/**
 * The SMS module's types, named as in the plan (SmsMessage, SmsCampaign, SmsStats, SendSmsDto,
 * CreateCampaignDto) and extended to what the API returns.
 */
import type { PaginationParams } from './api';

export const SMS_STATUSES = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'received',
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

export type SmsDirection = 'outbound' | 'inbound';
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsMessage {
  id: number;
  userId: number | null;
  subAccountId: number;
  phoneNumber: string;
  message: string;
  status: SmsStatus;
  /** Why the engine set the status (opted out, spending cap, …), when it says. */
  statusReason?: string | null;
  direction: SmsDirection;
  fromNumber: string | null;
  twilioSid: string | null;
  errorCode: number | string | null;
  errorMessage: string | null;
  campaignId: number | null;
  leadId: number | null;
  segments: number | null;
  encoding: SmsEncoding | null;
  /** Twilio's price: a decimal string, negative for money spent. */
  price: string | null;
  priceUnit: string | null;
  attempts: number;
  notBefore: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SmsEvent {
  id: number;
  type: string;
  status: string | null;
  payload: unknown;
  createdAt: string;
}

export interface SmsMessageDetail extends SmsMessage {
  events: SmsEvent[];
}

export interface MessageHistoryParams extends PaginationParams {
  status?: SmsStatus;
  campaignId?: number;
  leadId?: number;
  direction?: SmsDirection;
  /** ISO date-time, inclusive. */
  from?: string;
  /** ISO date-time, exclusive. */
  to?: string;
}

export interface SendSmsDto {
  /** Optional when leadId is given: the lead's phone is used. */
  phoneNumber?: string;
  /** With leadId, may use the lead's fields: {{first_name}}, {{company}}… */
  message: string;
  leadId?: number;
  scheduledAt?: string;
  /** Admins only: send now even inside the recipient's quiet hours (audited). */
  ignoreQuietHours?: boolean;
}

export interface SendSmsResult {
  id: number;
  status: SmsStatus;
  phoneNumber: string;
  segments: number;
  encoding: SmsEncoding;
  notBefore: string | null;
  /** True when an earlier request with the same Idempotency-Key created it. */
  replayed?: boolean;
  /** Set when the recipient's quiet hours hold the message until then. */
  quietHoursUntil?: string | null;
}

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'completed',
  'canceled',
  'failed',
] as const;
export type SmsCampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface SmsCampaign {
  id: number;
  name: string;
  message: string;
  status: SmsCampaignStatus;
  /** Why the system paused or failed it, when it did. */
  statusReason: string | null;
  /** Where the recipients came from: 'csv', 'list', 'leads', … */
  source: string;
  totalRecipients: number;
  /** Rows refused at import (see rejections.csv). */
  rejectedCount: number;
  /** Waiting to be sent, or in flight. */
  pending: number;
  /** Of the pending, those waiting for the recipients' quiet hours to end. */
  waitingQuietHours: number;
  sentCount: number;
  deliveredCount: number;
  failedCount: number;
  undelivered: number;
  optedOut: number;
  canceled: number;
  segments: number;
  /** USD */
  cost: number;
  /** Sent messages whose price Twilio has not reported yet (counted up to 1000): the cost may still grow. */
  awaitingPrice: number;
  /** false: `pending` is estimated from the counters (a campaign with very many open messages). */
  pendingExact: boolean;
  /** 0..1: share of recipients no longer pending. */
  progress: number;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignRecipient {
  phoneNumber: string;
  variables?: Record<string, string>;
}

export interface CreateCampaignDto {
  name: string;
  /** Required unless templateId is given. */
  message?: string;
  templateId?: number;
  recipients?: (string | CampaignRecipient)[];
  leadIds?: number[];
  scheduledAt?: string;
  /** Check and estimate only: nothing is created or sent. */
  dryRun?: boolean;
}

export interface UpdateCampaignDto {
  name?: string;
  message?: string;
  scheduledAt?: string | null;
}

export interface CampaignListParams extends PaginationParams {
  status?: SmsCampaignStatus;
}

export interface CampaignMessagesParams {
  page?: number;
  limit?: number;
  status?: SmsStatus;
}

export interface DailyCounts {
  sent: number;
  delivered: number;
  failed: number;
}

/** One period of the roll-up (a day, a month, this month). Cost is in USD. */
export interface PeriodStats extends DailyCounts {
  undelivered?: number;
  segments?: number;
  cost?: number;
}

export interface SmsStats {
  totalSent: number;
  totalDelivered: number;
  totalFailed: number;
  totalUndelivered: number;
  /** delivered / sent, 0..1 */
  deliveryRate: number;
  totalSegments: number;
  totalCost: number | string;
  thisMonth: DailyCounts & { undelivered?: number; segments: number; cost: number | string };
  /** 'YYYY-MM' → counts */
  monthlyStats: Record<string, PeriodStats>;
  /** 'YYYY-MM-DD' → counts, the last 30 days */
  dailyStats: Record<string, PeriodStats>;
}

export type SmsMode = 'simulator' | 'live';
export type CredentialsStatus = 'ok' | 'rejected' | 'unknown';

/** As the API documents it (types/api.generated.ts, `npm run api:types`). */
export type SmsSettings = Schema<'SmsSettingsDto'>;

export interface UpdateSmsSettingsDto {
  accountSid?: string | null;
  /** Write-only: never returned, only its last four characters. */
  authToken?: string;
  phoneNumber?: string | null;
  messagingServiceSid?: string | null;
  rateLimitPerMinute?: number | null;
  /** Twilio's unit; when set it wins over rateLimitPerMinute. */
  rateSegmentsPerSecond?: number | null;
  maxInFlight?: number | null;
  spendingCapSegments?: number | null;
  defaultCountry?: string;
  quietHoursEnabled?: boolean;
  quietHoursStart?: string;
  quietHoursEnd?: string;
  quietHoursDays?: number[];
  helpText?: string | null;
}

export interface TestConnectionResult {
  ok: boolean;
  message: string;
}

export interface BulkSmsOptions {
  message: string;
  name?: string;
  scheduledAt?: string;
  /** A header name, or a 1-based column number (for a file without a header row). */
  phoneColumn?: string;
  dryRun?: boolean;
}

export type BulkRejectionReason =
  'invalid' | 'duplicate' | 'opted_out' | 'missing_variable' | 'mangled' | (string & {});

export interface BulkRejection {
  row: number;
  value: string;
  reason: BulkRejectionReason;
  message: string;
}

export interface BulkPreviewRow {
  row: number;
  phoneNumber: string;
  message: string;
  segments: number;
  encoding: SmsEncoding;
}

/** The API's ImportReport: what POST /sms/bulk and POST /sms/campaigns accepted and refused. */
export interface BulkSmsResult {
  /** The campaign created; null for a dry run or when no row was valid. */
  campaignId: number | null;
  dryRun: boolean;
  counts: {
    rows: number;
    valid: number;
    invalid: number;
    duplicate: number;
    optedOut: number;
    missingVariable: number;
  };
  rejections: BulkRejection[];
  preview: BulkPreviewRow[];
  estimatedSegments: number;
  estimatedCost: number;
  headers: string[];
  phoneColumn: string | null;
}

export interface SmsTemplate {
  id: number;
  name: string;
  body: string;
  /** The {{variables}} the body uses. */
  variables: string[];
  strategyId: number | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface SmsTemplateDto {
  name: string;
  body: string;
  strategyId?: number | null;
}

/** Statuses after which a message will not change any more (except a retry by hand). */
export const FINAL_SMS_STATUSES: readonly SmsStatus[] = ['delivered', 'undelivered', 'failed', 'canceled', 'received'];

export const ACTIVE_CAMPAIGN_STATUSES: readonly SmsCampaignStatus[] = ['scheduled', 'sending', 'paused'];

// ---------------------------------------------------------------------------------------------
// Opt-outs (the SubAccount's do-not-text list) and the audit log

export const OPT_OUT_SOURCES = ['keyword', 'error_21610', 'manual', 'import'] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];

/** The API's OptOutDto: one number that must never be texted. */
export interface OptOut {
  id: number;
  phoneNumber: string;
  source: OptOutSource;
  createdByUserId: number | null;
  createdByAdminId: number | null;
  createdAt: string;
  /** Who can lift it: the recipient only (STOP / 21610: by texting START), or a SubAccount admin. */
  liftableBy?: 'recipient' | 'admin';
}

export type OptOutListParams = PaginationParams;

export interface AddOptOutDto {
  phoneNumber: string;
}

export interface OptOutImportRejection {
  row: number;
  value: string;
  reason: string;
  message: string;
}

/** What POST /sms/opt-outs/import added and refused. */
export interface OptOutImportReport {
  counts: { rows: number; added: number; alreadyOptedOut: number; invalid: number };
  rejections: OptOutImportRejection[];
}

export const AUDIT_ACTOR_KINDS = ['user', 'admin', 'system', 'twilio'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** One row of the append-only audit log (GET /sms/audit, admins only). */
export interface AuditEntry {
  id: number;
  subAccountId: number;
  actorKind: AuditActorKind;
  actorId: number | null;
  /** The user's or admin's name; null for system and Twilio. */
  actorName: string | null;
  /** `sms.send`, `campaign.pause`, `opt_out.add`… */
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  createdAt: string;
}

export interface AuditListParams {
  page?: number;
  limit?: number;
  /** `admin`, or `admin:3` for one admin. */
  actor?: string;
  /** An action, or a prefix ending in "." (`campaign.`). */
  action?: string;
  /** ISO 8601. */
  from?: string;
  to?: string;
}
