import { notFound } from 'next/navigation';
import { LeadDetail } from '@/components/crm/lead-detail';

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const leadId = Number(id);
  if (!Number.isInteger(leadId) || leadId <= 0) notFound();
  return <LeadDetail id={leadId} />;
}
