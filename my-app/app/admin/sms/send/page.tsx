import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { SendSmsForm } from '@/components/sms/send-sms-form';

export const metadata: Metadata = { title: 'Send SMS' };

export default function SendSmsPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Send SMS" description="Text one person now or at a time you choose." />
      <div className="max-w-2xl">
        <Suspense>
          <SendSmsForm />
        </Suspense>
      </div>
    </div>
  );
}
