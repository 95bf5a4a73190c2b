import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { LeadsTable } from '@/components/crm/leads-table';

export const metadata: Metadata = { title: 'Leads' };

export default function LeadsPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Leads" description="The people this SubAccount follows up." />
      <Suspense>
        <LeadsTable />
      </Suspense>
    </div>
  );
}
