import { notFound } from 'next/navigation';
import { StrategyDetail } from '@/components/automation/strategy-detail';

export default async function StrategyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const strategyId = Number(id);
  if (!Number.isInteger(strategyId) || strategyId <= 0) notFound();
  return <StrategyDetail id={strategyId} />;
}
