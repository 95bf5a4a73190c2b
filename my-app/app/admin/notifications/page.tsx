import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { NotificationsList } from '@/components/notifications/notifications-list';

export const metadata: Metadata = { title: 'Notifications' };

export default function NotificationsPage() {
  return (
    <div className="grid grid-cols-1 max-w-4xl gap-6">
      <PageHeader
        title="Notifications"
        description="What happened while you were away. Choose which ones you get in SMS settings."
      />
      <Suspense>
        <NotificationsList />
      </Suspense>
    </div>
  );
}
