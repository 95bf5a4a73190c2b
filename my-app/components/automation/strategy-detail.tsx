'use client';

import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { PageHeader } from '@/components/common/page-header';
import { EmptyState, ErrorState } from '@/components/common/states';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';
import { useStrategy } from '@/lib/queries/crm';
import { SequenceEditor } from './sequence-editor';

/** A strategy's page: what it is, and its SMS sequence. */
export function StrategyDetail({ id }: { id: number }) {
  const query = useStrategy(id);
  const strategy = query.data;
  const notFound = query.error instanceof ApiError && query.error.statusCode === 404;
  return (
    <div className="grid grid-cols-1 gap-6">
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/admin/strategies">
          <ArrowLeft /> Strategies
        </Link>
      </Button>
      {query.isLoading ? (
        <Skeleton className="h-10 w-64" />
      ) : notFound || !strategy ? (
        notFound ? (
          <EmptyState
            title="Strategy not found"
            description="It may have been deleted, or it belongs to another SubAccount."
          />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : (
        <>
          <PageHeader title={strategy.name} description={strategy.description ?? undefined} />
          <SequenceEditor strategyId={id} />
        </>
      )}
    </div>
  );
}
