import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { SmsDashboard } from '@/components/sms/sms-dashboard';

export const metadata: Metadata = { title: 'SMS dashboard' };

export default function SmsDashboardPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="SMS" description="What was sent, what arrived, and what it cost." />
      <SmsDashboard />
    </div>
  );
}
