'use client';

import { useWatch, type UseFormReturn } from 'react-hook-form';
import { ClipboardList, FileSpreadsheet, Users } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { CampaignValues } from './campaign-schema';
import { CsvSourceFields } from './csv-source';
import { LeadsFilter, type LeadFilter } from './leads-filter';
import { PasteRecipients } from './paste-recipients';
import type { CsvSource } from './use-csv-source';
import type { PasteSource } from './use-paste-source';

/** Who gets the campaign: pasted numbers, a CSV file, or the leads a filter matches, one tab each. */
export function RecipientsSection({
  form,
  paste,
  csv,
  leadFilter,
  onLeadFilterChange,
  busy,
}: {
  form: UseFormReturn<CampaignValues>;
  paste: PasteSource;
  csv: CsvSource;
  leadFilter: LeadFilter;
  onLeadFilterChange: (f: LeadFilter) => void;
  busy: boolean;
}) {
  const [source, text] = useWatch({ control: form.control, name: ['source', 'recipients'] });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recipients</CardTitle>
        <CardDescription>Opted-out and duplicate numbers are skipped automatically.</CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs value={source} onValueChange={(s) => form.setValue('source', s as CampaignValues['source'])}>
          <TabsList className="w-full sm:w-auto">
            <TabsTrigger value="paste">
              <ClipboardList /> Paste numbers
            </TabsTrigger>
            <TabsTrigger value="csv">
              <FileSpreadsheet /> CSV file
            </TabsTrigger>
            <TabsTrigger value="leads">
              <Users /> Leads
            </TabsTrigger>
          </TabsList>
          <TabsContent value="paste" className="grid grid-cols-1 gap-3 pt-3">
            <PasteRecipients form={form} paste={paste} text={text} />
          </TabsContent>
          <TabsContent value="csv" className="grid grid-cols-1 gap-3 pt-3">
            <CsvSourceFields csv={csv} disabled={busy} />
          </TabsContent>
          <TabsContent value="leads" className="grid grid-cols-1 gap-3 pt-3">
            <LeadsFilter filter={leadFilter} onChange={onLeadFilterChange} />
          </TabsContent>
        </Tabs>
      </CardContent>
    </Card>
  );
}
