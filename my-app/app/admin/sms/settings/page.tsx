import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { NotificationPreferencesCard } from '@/components/notifications/notification-preferences-card';
import { SmsSettingsForm } from '@/components/sms/sms-settings-form';

export const metadata: Metadata = { title: 'SMS settings' };

export default function SmsSettingsPage() {
  return (
    <div className="grid grid-cols-1 max-w-5xl gap-6">
      <PageHeader
        title="SMS settings"
        description="Twilio credentials, sender, limits and defaults for this SubAccount."
      />
      <SmsSettingsForm />
      <NotificationPreferencesCard />
    </div>
  );
}
