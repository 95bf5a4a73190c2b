import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { SmsHistoryTable } from '@/components/sms/sms-history-table';

export const metadata: Metadata = { title: 'SMS history' };

export default function SmsHistoryPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="History" description="Every message in and out, with its delivery status and cost." />
      <Suspense>
        <SmsHistoryTable />
      </Suspense>
    </div>
  );
}
