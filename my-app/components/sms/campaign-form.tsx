'use client';

import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useOptionalSession } from '@/components/auth/session-provider';
import { campaignSchema, type CampaignValues } from '@/components/sms/campaign/campaign-schema';
import type { LeadFilter } from '@/components/sms/campaign/leads-filter';
import { MessageSection } from '@/components/sms/campaign/message-section';
import { RecipientsSection } from '@/components/sms/campaign/recipients-section';
import { ScheduleSection } from '@/components/sms/campaign/schedule-section';
import { CampaignSubmitBar } from '@/components/sms/campaign/submit-bar';
import { useCampaignSubmit } from '@/components/sms/campaign/use-campaign-submit';
import { useCsvSource } from '@/components/sms/campaign/use-csv-source';
import { usePasteSource } from '@/components/sms/campaign/use-paste-source';
import { Form } from '@/components/ui/form';
import { useSmsSettings } from '@/lib/queries/sms';
import { toCountryCode } from '@/lib/sms/countries';
import { variableNames } from '@/lib/sms/csv-preview';
import { LEAD_VARIABLES } from '@/lib/sms/template';

/** The create-campaign page's form: message, recipients (pasted, a CSV or leads), when, then start or dry run. */
export function CampaignForm() {
  const router = useRouter();
  const session = useOptionalSession();
  const settings = useSmsSettings();
  const defaultCountry = toCountryCode(settings.data?.defaultCountry ?? session?.subAccount?.defaultCountry);
  const csv = useCsvSource();
  const [leadFilter, setLeadFilter] = React.useState<LeadFilter>({});

  const form = useForm<CampaignValues>({
    resolver: zodResolver(campaignSchema),
    defaultValues: { name: '', message: '', source: 'paste', recipients: '', scheduleLater: false, scheduledAt: '' },
  });
  const [source, recipientsText, scheduleLater] = useWatch({
    control: form.control,
    name: ['source', 'recipients', 'scheduleLater'],
  });
  const paste = usePasteSource(recipientsText, defaultCountry);
  const { submit, estimate } = useCampaignSubmit({ form, csv, paste, leadFilter });

  const busy = form.formState.isSubmitting;
  const variables =
    source === 'csv' && csv.preview
      ? variableNames(csv.preview.headers, csv.preview.phoneColumn)
      : source === 'leads'
        ? LEAD_VARIABLES
        : [];

  return (
    <Form {...form}>
      <form
        onSubmit={form.handleSubmit((v) => submit(v, false))}
        className="grid grid-cols-1 gap-6"
        noValidate
        data-testid="campaign-form"
      >
        <MessageSection form={form} variables={variables} />
        <RecipientsSection
          form={form}
          paste={paste}
          csv={csv}
          leadFilter={leadFilter}
          onLeadFilterChange={setLeadFilter}
          busy={busy}
        />
        <ScheduleSection form={form} timeZone={session?.subAccount?.timeZone}>
          <CampaignSubmitBar
            estimate={estimate}
            busy={busy}
            scheduleLater={scheduleLater}
            onDryRun={form.handleSubmit((v) => submit(v, true))}
            onCancel={() => router.back()}
          />
        </ScheduleSection>
      </form>
    </Form>
  );
}
