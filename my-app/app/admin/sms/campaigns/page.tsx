import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Plus, Upload } from 'lucide-react';
import { PageHeader } from '@/components/common/page-header';
import { CampaignList } from '@/components/sms/campaign-list';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Campaigns' };

export default function CampaignsPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Campaigns"
        description="Messages to many recipients: scheduled, paused, resumed and watched live."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/admin/sms/bulk">
                <Upload /> Upload CSV
              </Link>
            </Button>
            <Button asChild>
              <Link href="/admin/sms/campaigns/create">
                <Plus /> New campaign
              </Link>
            </Button>
          </>
        }
      />
      <Suspense>
        <CampaignList />
      </Suspense>
    </div>
  );
}
