'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dataOf, fileOf, typedApi } from '@/lib/api/typed-client';
import { cleanParams } from '@/lib/queries/keys';
import type { ReportParams } from '@/types/reports';

export const reportsApi = {
  getUsage: (query: ReportParams) => dataOf(typedApi.GET('/api/sms/reports/usage', { params: { query } })),
  downloadUsageCsv: (query: ReportParams) =>
    fileOf(
      typedApi.GET('/api/sms/reports/usage.csv', {
        params: { query },
        parseAs: 'blob',
        headers: { Accept: 'text/csv' },
      }),
    ),
  getFailures: (query: ReportParams) => dataOf(typedApi.GET('/api/sms/reports/failures', { params: { query } })),
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
