/** The CRM's types (auth, SubAccounts, users, strategies, leads): each is the API's own schema. */
import { everyOf, type QueryOf, type Schema } from './api';

export type Me = Schema<'MeDto'>;
export type Role = Me['role'];
export type SubAccountSummary = Schema<'SubAccountSummaryDto'>;
export type AuthTokens = Schema<'TokensDto'>;
export type LoginDto = Schema<'LoginDto'>;

export type SubAccount = Schema<'SubAccountDto'>;
export type SubAccountDto = Schema<'CreateSubAccountDto'>;

export type User = Schema<'UserDto'>;

export type Lead = Schema<'LeadDto'>;
export type LeadDto = Schema<'CreateLeadDto'>;
export type LeadStatus = Lead['status'];
export const LEAD_STATUSES = everyOf<LeadStatus>()(['new', 'contacted', 'qualified', 'customer', 'lost'] as const);

/** The leads list's filters (what "Text these leads" starts a campaign from). */
export type LeadFilter = Schema<'LeadFilterDto'>;
export type LeadSmsFilter = NonNullable<LeadFilter['sms']>;
export const LEAD_SMS_FILTERS = everyOf<LeadSmsFilter>()(['replied', 'opted_out', 'never_texted'] as const);
export type LeadListParams = QueryOf<'/api/leads'>;

/** The newest message with a lead, for the leads list. */
export type LeadLastSms = Schema<'LeadLastSmsDto'>;
/** A row of GET /leads. */
export type LeadListItem = Schema<'LeadListItemDto'>;

export type Strategy = Schema<'StrategyDto'>;
export type StrategyDto = Schema<'CreateStrategyDto'>;
