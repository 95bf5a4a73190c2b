import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { SubAccountsManager } from '@/components/crm/subaccounts-manager';

export const metadata: Metadata = { title: 'SubAccounts' };

export default function SubAccountsPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="SubAccounts" description="The client businesses you manage." />
      <Suspense>
        <SubAccountsManager />
      </Suspense>
    </div>
  );
}
