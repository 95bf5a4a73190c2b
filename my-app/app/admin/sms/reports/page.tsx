import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { ReportsView } from '@/components/sms/reports/reports-view';

export const metadata: Metadata = { title: 'SMS reports' };

export default function SmsReportsPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Reports"
        description="Usage and cost per SubAccount and month, and why messages failed. Days and months are UTC."
      />
      <Suspense>
        <ReportsView />
      </Suspense>
    </div>
  );
}
