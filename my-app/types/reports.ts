/**
 * The SMS reports (GET /api/sms/reports/usage, /usage.csv, /failures). Days and months are UTC;
 * cost is in the report's `currency`.
 */

export interface ReportParams {
  /** YYYY-MM-DD, inclusive (UTC). */
  from?: string;
  /** YYYY-MM-DD, inclusive (UTC). */
  to?: string;
  /** One SubAccount; admins without it get every SubAccount they manage. */
  subAccountId?: number;
}

export interface UsageTotals {
  /** Outbound messages Twilio accepted (sent). */
  messages: number;
  delivered: number;
  failed: number;
  undelivered: number;
  segments: number;
  cost: number;
  /** delivered / messages, 0..1 (as on the dashboard). */
  deliveryRate: number;
}

export interface UsageSubAccount extends UsageTotals {
  subAccountId: number;
  subAccountName: string;
}

export interface UsageRow extends UsageSubAccount {
  /** YYYY-MM (UTC). */
  month: string;
}

export interface UsageReport {
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  rows: UsageRow[];
  subAccounts: UsageSubAccount[];
  totals: UsageTotals;
}

export interface FailureCounts {
  failed: number;
  undelivered: number;
  total: number;
}

export interface FailureByCode extends FailureCounts {
  /** null: no error code given. */
  errorCode: number | null;
  title: string;
  meaning: string;
  action: string;
  known: boolean;
  docsUrl: string | null;
}

export interface FailureByCampaign extends FailureCounts {
  /** null: single sends. */
  campaignId: number | null;
  campaignName: string;
  subAccountId: number;
  subAccountName: string;
}

export interface FailureByDay extends FailureCounts {
  /** YYYY-MM-DD (UTC). */
  day: string;
}

export interface FailureReport {
  from: string;
  to: string;
  timeZone: string;
  totals: FailureCounts;
  byCode: FailureByCode[];
  byCampaign: FailureByCampaign[];
  byDay: FailureByDay[];
}
