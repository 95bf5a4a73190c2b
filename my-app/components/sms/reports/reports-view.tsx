'use client';

import { useSession } from '@/components/auth/session-provider';
import { useFailureReport, useUsageReport } from '@/lib/queries/reports';
import { useUrlState } from '@/lib/use-url-state';
import type { ReportParams } from '@/types/reports';
import { FailureSection } from './failure-section';
import { ReportFilters } from './report-filters';
import { UsageSection } from './usage-section';

/** The Reports page: one range and scope (in the URL) for usage and failures. */
export function ReportsView() {
  const url = useUrlState();
  const { isAdmin, subAccounts } = useSession();
  const params: ReportParams = {
    from: url.get('from'),
    to: url.get('to'),
    subAccountId: isAdmin ? url.getNumber('subAccountId') : undefined,
  };
  const usage = useUsageReport(params);
  const failures = useFailureReport(params);
  const acrossSubAccounts = isAdmin && !params.subAccountId && subAccounts.length > 1;
  return (
    <div className="grid grid-cols-1 gap-8">
      <ReportFilters
        params={params}
        onChange={(update) => url.set(update, { resetPage: false })}
        subAccounts={isAdmin ? subAccounts : null}
      />
      <UsageSection query={usage} />
      <FailureSection query={failures} showSubAccount={acrossSubAccounts} />
    </div>
  );
}
