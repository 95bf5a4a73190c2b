import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { BulkSmsUpload } from '@/components/sms/bulk-sms-upload';

export const metadata: Metadata = { title: 'Bulk SMS' };

export default function BulkSmsPage() {
  return (
    <div className="grid grid-cols-1 max-w-5xl gap-6">
      <PageHeader title="Bulk SMS" description="Upload a CSV, check it, then send it as a campaign." />
      <BulkSmsUpload />
    </div>
  );
}
