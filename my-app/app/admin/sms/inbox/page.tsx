import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { Inbox } from '@/components/inbox/inbox';

export const metadata: Metadata = { title: 'SMS inbox' };

export default function SmsInboxPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Inbox"
        description="Replies and one-to-one conversations, newest first. Unread is per person: what you have read stays unread for your colleagues."
      />
      <Suspense>
        <Inbox />
      </Suspense>
    </div>
  );
}
