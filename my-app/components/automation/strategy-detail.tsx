'use client';

import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { PageHeader } from '@/components/common/page-header';
import { EmptyState, ErrorState } from '@/components/common/states';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useStrategies } from '@/lib/queries/crm';
import { SequenceEditor } from './sequence-editor';

/** A strategy's page: what it is, and its SMS sequence. */
export function StrategyDetail({ id }: { id: number }) {
  const strategies = useStrategies();
  const strategy = strategies.data?.items.find((s) => s.id === id);
  return (
    <div className="grid grid-cols-1 gap-6">
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/admin/strategies">
          <ArrowLeft /> Strategies
        </Link>
      </Button>
      {strategies.isLoading ? (
        <Skeleton className="h-10 w-64" />
      ) : strategies.isError ? (
        <ErrorState error={strategies.error} onRetry={() => void strategies.refetch()} />
      ) : !strategy ? (
        <EmptyState
          title="Strategy not found"
          description="It may have been deleted, or it belongs to another SubAccount."
        />
      ) : (
        <>
          <PageHeader title={strategy.name} description={strategy.description ?? undefined} />
          <SequenceEditor strategyId={id} />
        </>
      )}
    </div>
  );
}
