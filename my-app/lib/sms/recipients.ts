import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface ParsedRecipients {
  /** E.164 numbers, each once, in the order typed. */
  numbers: string[];
  invalid: string[];
  duplicates: number;
}

/** Numbers pasted one per line (or separated by commas/semicolons), read for `country` when no + is given. */
export function parseRecipients(text: string, country: CountryCode): ParsedRecipients {
  const seen = new Set<string>();
  const numbers: string[] = [];
  const invalid: string[] = [];
  let duplicates = 0;
  for (const raw of text.split(/[\n,;\t]+/)) {
    const value = raw.trim();
    if (!value) continue;
    const parsed = parsePhoneNumberFromString(value, country);
    if (!parsed || !parsed.isPossible()) {
      invalid.push(value);
      continue;
    }
    const e164 = parsed.number;
    if (seen.has(e164)) {
      duplicates++;
      continue;
    }
    seen.add(e164);
    numbers.push(e164);
  }
  return { numbers, invalid, duplicates };
}
