import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PageHeader } from '@/components/common/page-header';
import { StrategiesManager } from '@/components/crm/strategies-manager';

export const metadata: Metadata = { title: 'Strategies' };

export default function StrategiesPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Strategies" description="How this SubAccount follows up its leads." />
      <Suspense>
        <StrategiesManager />
      </Suspense>
    </div>
  );
}
