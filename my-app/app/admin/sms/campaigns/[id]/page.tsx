import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { CampaignDetail } from '@/components/sms/campaign-detail';

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const campaignId = Number(id);
  if (!Number.isInteger(campaignId) || campaignId <= 0) notFound();
  return (
    <Suspense>
      <CampaignDetail id={campaignId} />
    </Suspense>
  );
}
