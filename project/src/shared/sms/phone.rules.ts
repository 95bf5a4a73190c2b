import {
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type PhoneRejection =
  'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid_for_region' | 'spreadsheet_mangled';

export type NormalizedPhone =
  { ok: true; e164: string; country?: string } | { ok: false; reason: PhoneRejection; message: string };

// What Excel/Sheets make of a long digit column: 1.5551234567E+10, 1,55512E+10.
const SCIENTIFIC = /^\+?\d+(?:[.,]\d+)?\s*e\s*\+?\d+$/i;
const TWILIO_TEST = /^\+1500555\d{4}$/;

/** Twilio's magic test-credential numbers (+15005550000..+15005559999, FACTS §8). */
export function isTwilioTestNumber(e164: string): boolean {
  return TWILIO_TEST.test(e164);
}

function reject(reason: PhoneRejection, message: string): NormalizedPhone {
  return { ok: false, reason, message };
}

function regionOf(phone: PhoneNumber | undefined, fallback: CountryCode): string {
  if (!phone) return fallback;
  return phone.country ?? `+${phone.countryCallingCode}`;
}

export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): NormalizedPhone {
  const trimmed = (input ?? '').trim();
  if (trimmed === '') return reject('empty', 'phone number is empty');
  if (SCIENTIFIC.test(trimmed)) {
    return reject(
      'spreadsheet_mangled',
      `"${trimmed}" was turned into scientific notation by a spreadsheet; format the column as text and export again`,
    );
  }
  if (!/\d/.test(trimmed)) return reject('not_a_number', `"${trimmed}" is not a phone number`);

  // "00" is the international prefix almost everywhere outside North America.
  const text = /^00\d/.test(trimmed.replace(/[\s().-]/g, '')) ? trimmed.replace(/^[\s(]*00/, '+') : trimmed;

  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, defaultCountry);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    switch (error.message) {
      case 'TOO_SHORT':
        return reject('too_short', `"${trimmed}" is too short for a phone number`);
      case 'TOO_LONG':
        return reject('too_long', `"${trimmed}" is too long for a phone number`);
      case 'INVALID_COUNTRY':
        return reject('invalid_for_region', `"${trimmed}" has an unknown country code`);
      default:
        return reject('not_a_number', `"${trimmed}" is not a phone number`);
    }
  }

  if (isTwilioTestNumber(phone.number)) return { ok: true, e164: phone.number, country: 'US' };
  if (phone.isValid()) return { ok: true, e164: phone.number, country: phone.country };

  const region = regionOf(phone, defaultCountry);
  switch (validatePhoneNumberLength(text, defaultCountry)) {
    case 'TOO_SHORT':
      return reject('too_short', `"${trimmed}" is too short for ${region}`);
    case 'TOO_LONG':
      return reject('too_long', `"${trimmed}" is too long for ${region}`);
    case 'INVALID_LENGTH':
      return reject('invalid_for_region', `"${trimmed}" has the wrong number of digits for ${region}`);
    default:
      return reject('invalid_for_region', `"${trimmed}" is not a valid number in ${region}`);
  }
}

/** Masks every E.164-looking number inside free text (Twilio's error messages quote the 'To' number). */
export function maskPhonesIn(text: string): string {
  return text.replace(/\+\d{7,15}\b/g, (n) => maskPhone(n));
}

/** '+15551230123' -> '+1555***0123': country code, 3 more digits and the last 4 stay readable. */
export function maskPhone(e164: string): string {
  const plus = e164.startsWith('+') ? '+' : '';
  const digits = e164.replace(/\D/g, '');
  let callingCodeLength = 1;
  try {
    callingCodeLength = parsePhoneNumberWithError(`+${digits}`).countryCallingCode.length;
  } catch {
    // unparsable: mask with the shortest calling code
  }
  const head = callingCodeLength + 3;
  const hidden = digits.length - head - 4;
  if (hidden < 1) {
    return plus + '*'.repeat(Math.max(0, digits.length - 2)) + digits.slice(-2);
  }
  return plus + digits.slice(0, head) + '*'.repeat(hidden) + digits.slice(-4);
}
