import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TriggersManager } from '@/components/automation/triggers-manager';
import { PageHeader } from '@/components/common/page-header';

export const metadata: Metadata = { title: 'SMS triggers' };

export default function SmsTriggersPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Triggers"
        description="Text a lead automatically when it is created or its status changes. Sequences live on each strategy."
      />
      <Suspense>
        <TriggersManager />
      </Suspense>
    </div>
  );
}
