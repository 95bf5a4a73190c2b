import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { TemplatesManager } from '@/components/sms/templates-manager';

export const metadata: Metadata = { title: 'SMS templates' };

export default function SmsTemplatesPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Templates" description="Saved messages to pick in any composer." />
      <Suspense>
        <TemplatesManager />
      </Suspense>
    </div>
  );
}
