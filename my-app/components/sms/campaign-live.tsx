'use client';

import Link from 'next/link';
import { ExternalLink } from 'lucide-react';
import { ErrorState } from '@/components/common/states';
import { CampaignProgress, LiveIndicator } from '@/components/sms/campaign-progress';
import { CampaignStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { isCampaignActive, useCampaign } from '@/lib/queries/sms';
import { useCampaignEvents } from '@/lib/queries/use-campaign-events';

/** A just-started campaign, followed live, with a way to its full page. */
export function CampaignLive({ id, onDone }: { id: number; onDone?: () => void }) {
  const query = useCampaign(id);
  const campaign = query.data;
  const stream = useCampaignEvents(id, isCampaignActive(campaign));
  return (
    <Card data-testid="campaign-live">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {campaign ? campaign.name : `Campaign #${id}`}
          {campaign && (
            <span data-testid="campaign-status">
              <CampaignStatusBadge status={campaign.status} />
            </span>
          )}
          <LiveIndicator state={stream} />
        </CardTitle>
        <CardDescription>The campaign is created; progress updates here as messages go out.</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5">
        {query.isLoading ? (
          <Skeleton className="h-40 w-full" />
        ) : query.isError || !campaign ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <CampaignProgress campaign={campaign} />
        )}
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href={`/admin/sms/campaigns/${id}`} data-testid="open-campaign">
              <ExternalLink /> Open campaign
            </Link>
          </Button>
          {onDone && (
            <Button variant="outline" onClick={onDone}>
              Upload another file
            </Button>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
