import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { AuditLogTable } from '@/components/sms/audit-log-table';

export const metadata: Metadata = { title: 'SMS audit log' };

export default function SmsAuditPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Audit log"
        description="Every action on this SubAccount's SMS data: who, what, when. Phone numbers are masked."
      />
      <Suspense>
        <AuditLogTable />
      </Suspense>
    </div>
  );
}
