import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { CampaignForm } from '@/components/sms/campaign-form';

export const metadata: Metadata = { title: 'New campaign' };

export default function CreateCampaignPage() {
  return (
    <div className="grid grid-cols-1 max-w-4xl gap-6">
      <PageHeader title="New campaign" description="One message, many recipients, now or on a schedule." />
      <CampaignForm />
    </div>
  );
}
