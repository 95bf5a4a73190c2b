import { Badge } from '@/components/ui/badge';
import type { LeadStatus } from '@/types/crm';

const VARIANTS: Record<LeadStatus, 'info' | 'secondary' | 'warning' | 'success' | 'muted'> = {
  new: 'info',
  contacted: 'secondary',
  qualified: 'warning',
  customer: 'success',
  lost: 'muted',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <Badge variant={VARIANTS[status] ?? 'outline'} className="capitalize">
      {status}
    </Badge>
  );
}
