import { PhoneNumber, getCountryCallingCode, type CountryCode, type E164Number } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import { isTwilioTestNumber, normalizePhone, type NormalizedPhone } from '../phone.rules';

// A North American number as people write it: an optional +1 or 1, the area code (bracketed or not), the
// exchange and the line, with single spaces, dots or dashes between. Area code and exchange start with 2-9,
// so a leading 1 can only be the trunk prefix.
const NANP_SHAPE = /^(?:\+?1[\s.-]?)?(?:\(([2-9]\d\d)\)|([2-9]\d\d))[\s.-]?([2-9]\d\d)[\s.-]?(\d{4})$/;
// +1's first country (US). The parser gives a +1 number to the first of the +1 countries whose patterns it
// matches, so a number valid by the first country's patterns is that country's, whatever else it matches.
const NANP_MAIN = metadata.country_calling_codes['1']?.[0];

/**
 * normalizePhone for lists: a number written in one of the usual North American shapes, when the default
 * country dials +1, skips the text parser (most of the cost of a million-row import) and is checked against
 * the first +1 country's patterns by the same library and metadata. Anything else (Canadian and Caribbean
 * numbers included) and every rejection (for its message) goes through normalizePhone.
 */
export class NanpPhoneNormalizer {
  private readonly nanpDefault: boolean;

  constructor(private readonly defaultCountry: CountryCode) {
    this.nanpDefault = NANP_MAIN !== undefined && callingCodeOf(defaultCountry) === '1';
  }

  normalize(input: string): NormalizedPhone {
    const match = this.nanpDefault ? NANP_SHAPE.exec(input.trim()) : null;
    if (match) {
      const e164 = `+1${match[1] ?? match[2]}${match[3]}${match[4]}` as E164Number;
      // Without a country, the library validates a +1 number by the first +1 country's patterns.
      if (new PhoneNumber(e164, metadata).isValid() && !isTwilioTestNumber(e164))
        return { ok: true, e164, country: NANP_MAIN };
    }
    return normalizePhone(input, this.defaultCountry);
  }
}

function callingCodeOf(country: CountryCode): string | undefined {
  try {
    return getCountryCallingCode(country, metadata);
  } catch {
    return undefined; // an unknown default country: normalizePhone reports it
  }
}
