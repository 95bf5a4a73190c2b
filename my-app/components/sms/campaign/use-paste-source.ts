'use client';

import * as React from 'react';
import type { CountryCode } from 'libphonenumber-js';
import { parseRecipients } from '@/lib/sms/recipients';

/** The "Paste numbers" source: the country for numbers without +, and what the pasted `text` parses to. */
export function usePasteSource(text: string, defaultCountry: CountryCode) {
  const [chosen, setCountry] = React.useState<CountryCode | null>(null);
  const country = chosen ?? defaultCountry;
  const parsed = React.useMemo(() => parseRecipients(text, country), [text, country]);
  return { country, setCountry, parsed };
}

export type PasteSource = ReturnType<typeof usePasteSource>;
