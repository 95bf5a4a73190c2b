import type { PaginationParams } from './api';
import type { SmsStatus } from './sms';

export type Role = 'super_admin' | 'admin' | 'manager' | 'user';

export interface SubAccountSummary {
  id: number;
  name: string;
  timeZone: string;
  defaultCountry: string;
}

export interface Me {
  id: number;
  kind: 'admin' | 'user';
  email: string;
  name: string;
  role: Role;
  subAccountId: number | null;
  subAccounts: SubAccountSummary[];
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: Me;
}

export interface LoginDto {
  email: string;
  password: string;
}

export interface SubAccount extends SubAccountSummary {
  createdAt?: string;
  updatedAt?: string;
}

export interface SubAccountDto {
  name: string;
  timeZone: string;
  defaultCountry: string;
}

export interface User {
  id: number;
  subAccountId: number;
  name: string;
  email: string;
  role?: Role;
  createdAt?: string;
}

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'customer', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface Lead {
  id: number;
  subAccountId: number;
  ownerId: number | null;
  strategyId: number | null;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  timeZone: string | null;
  status: LeadStatus;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeadDto {
  name: string;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  timeZone?: string | null;
  status?: LeadStatus;
  notes?: string | null;
  strategyId?: number | null;
  ownerId?: number | null;
}

export const LEAD_SMS_FILTERS = ['replied', 'opted_out', 'never_texted'] as const;
export type LeadSmsFilter = (typeof LEAD_SMS_FILTERS)[number];

/** The leads list's filters (what "Text these leads" starts a campaign from). */
export interface LeadFilter {
  search?: string;
  status?: LeadStatus;
  strategyId?: number;
  ownerId?: number;
  sms?: LeadSmsFilter;
}

export interface LeadListParams extends PaginationParams, LeadFilter {}

/** The newest message with a lead, for the leads list. */
export interface LeadLastSms {
  id: number;
  direction: 'outbound' | 'inbound';
  status: SmsStatus;
  statusReason: string | null;
  /** The first 120 characters. */
  preview: string;
  createdAt: string;
}

/** A row of GET /leads. */
export interface LeadListItem extends Lead {
  lastSms: LeadLastSms | null;
  optedOut: boolean;
}

export interface Strategy {
  id: number;
  subAccountId?: number;
  name: string;
  description: string | null;
  tag: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface StrategyDto {
  name: string;
  description?: string | null;
  tag?: string | null;
}
