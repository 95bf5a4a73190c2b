import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { UnassignedInbox } from '@/components/sms/unassigned-inbox';

export const metadata: Metadata = { title: 'Unassigned replies' };

export default function UnassignedPage() {
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Unassigned replies"
        description="Replies to the shared sender that no single SubAccount could claim. Never guessed, never dropped."
      />
      <UnassignedInbox />
    </div>
  );
}
