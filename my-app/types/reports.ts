/**
 * The SMS reports (GET /api/sms/reports/usage, /usage.csv, /failures): each is the API's own schema. Days
 * and months are UTC; cost is in the report's `currency`.
 */
import type { QueryOf, Schema } from './api';

export type ReportParams = QueryOf<'/api/sms/reports/usage'>;

export type UsageTotals = Schema<'UsageTotalsDto'>;
export type UsageSubAccount = Schema<'UsageSubAccountDto'>;
export type UsageRow = Schema<'UsageRowDto'>;
export type UsageReport = Schema<'UsageReportDto'>;

export type FailureCounts = Schema<'FailureCountsDto'>;
export type FailureByCode = Schema<'FailureCodeDto'>;
export type FailureByCampaign = Schema<'FailureCampaignDto'>;
export type FailureByDay = Schema<'FailureDayDto'>;
export type FailureReport = Schema<'FailureReportDto'>;
