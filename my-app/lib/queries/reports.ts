'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { cleanParams } from '@/lib/queries/keys';
import type { FailureReport, ReportParams, UsageReport } from '@/types/reports';

export const reportsApi = {
  getUsage: (params: ReportParams) => apiClient.get<UsageReport>('/sms/reports/usage', { params: cleanParams(params) }),
  downloadUsageCsv: (params: ReportParams) =>
    apiClient.getBlob('/sms/reports/usage.csv', { params: cleanParams(params) }),
  getFailures: (params: ReportParams) =>
    apiClient.get<FailureReport>('/sms/reports/failures', { params: cleanParams(params) }),
};

export const reportKeys = {
  all: ['sms', 'reports'] as const,
  usage: (params: ReportParams) => [...reportKeys.all, 'usage', cleanParams(params)] as const,
  failures: (params: ReportParams) => [...reportKeys.all, 'failures', cleanParams(params)] as const,
};

export function useUsageReport(params: ReportParams) {
  return useQuery({
    queryKey: reportKeys.usage(params),
    queryFn: () => reportsApi.getUsage(params),
    placeholderData: keepPreviousData,
  });
}

export function useFailureReport(params: ReportParams) {
  return useQuery({
    queryKey: reportKeys.failures(params),
    queryFn: () => reportsApi.getFailures(params),
    placeholderData: keepPreviousData,
  });
}
