import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { OptOutsTable } from '@/components/sms/opt-outs-table';

export const metadata: Metadata = { title: 'SMS opt-outs' };

export default function SmsOptOutsPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Opt-outs"
        description="Numbers this SubAccount never texts: people who replied STOP, and numbers added by hand or imported."
      />
      <Suspense>
        <OptOutsTable />
      </Suspense>
    </div>
  );
}
