'use client';

import type { UseFormReturn } from 'react-hook-form';
import { CountrySelect } from '@/components/sms/country-select';
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { formatNumber } from '@/lib/format';
import type { CampaignValues } from './campaign-schema';
import type { PasteSource } from './use-paste-source';

/** The "Paste numbers" source: a country for numbers without +, the list, and what it parsed to. */
export function PasteRecipients({
  form,
  paste: { country, setCountry, parsed },
  text,
}: {
  form: UseFormReturn<CampaignValues>;
  paste: PasteSource;
  text: string;
}) {
  return (
    <>
      <div className="grid grid-cols-1 max-w-xs gap-2">
        <Label>Country for numbers without +</Label>
        <CountrySelect value={country} onChange={setCountry} />
      </div>
      <FormField
        control={form.control}
        name="recipients"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Phone numbers</FormLabel>
            <FormControl>
              <Textarea
                rows={6}
                placeholder={'One number per line, e.g.\n+1 415 555 0100\n(415) 555-0101'}
                className="font-mono"
                {...field}
              />
            </FormControl>
            <FormDescription>One per line, or separated by commas.</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      {text.trim() && (
        <p className="text-sm" aria-live="polite" data-testid="paste-summary">
          <span className="font-medium text-emerald-700">{formatNumber(parsed.numbers.length)} valid</span>
          {parsed.duplicates > 0 && <span className="text-muted-foreground"> · {parsed.duplicates} duplicates</span>}
          {parsed.invalid.length > 0 && (
            <span className="text-destructive">
              {' '}
              · {parsed.invalid.length} invalid: {parsed.invalid.slice(0, 3).join(', ')}
              {parsed.invalid.length > 3 ? '…' : ''} (skipped)
            </span>
          )}
        </p>
      )}
    </>
  );
}
