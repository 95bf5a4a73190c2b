import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js';

export interface CountryOption {
  code: CountryCode;
  name: string;
  callingCode: string;
  flag: string;
}

export function flagEmoji(code: string): string {
  return code.toUpperCase().replace(/[A-Z]/g, (c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 65));
}

let cache: CountryOption[] | null = null;

/** Every country libphonenumber knows, by English name. */
export function countryOptions(): CountryOption[] {
  if (cache) return cache;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    names = null;
  }
  cache = getCountries()
    .map((code) => ({
      code,
      name: names?.of(code) ?? code,
      callingCode: getCountryCallingCode(code),
      flag: flagEmoji(code),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return cache;
}

export function isCountryCode(value: string | null | undefined): value is CountryCode {
  return !!value && (getCountries() as string[]).includes(value.toUpperCase());
}

export function toCountryCode(value: string | null | undefined, fallback: CountryCode = 'US'): CountryCode {
  return isCountryCode(value) ? (value.toUpperCase() as CountryCode) : fallback;
}

export function countryName(code: string): string {
  return countryOptions().find((c) => c.code === code)?.name ?? code;
}
