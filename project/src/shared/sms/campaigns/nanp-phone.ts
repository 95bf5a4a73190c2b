import { Metadata, getCountryCallingCode, type CountryCode, type E164Number } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import { isTwilioTestNumber, normalizePhone, type NormalizedPhone } from '../phone.rules';

// A North American number as people write it: an optional +1 or 1, the area code (bracketed or not), the
// exchange and the line, with single spaces, dots or dashes between. Area code and exchange start with 2-9,
// so a leading 1 can only be the trunk prefix.
const NANP_SHAPE = /^(?:\+?1[\s.-]?)?(?:\(([2-9]\d\d)\)|([2-9]\d\d))[\s.-]?([2-9]\d\d)[\s.-]?(\d{4})$/;
/** The +1 countries, in the order the library tries them (US first). */
const NANP_COUNTRIES = (metadata.country_calling_codes['1'] ?? []) as CountryCode[];

/**
 * normalizePhone for lists: a number written in one of the usual North American shapes, when the default
 * country dials +1, skips the text parser (most of the cost of a million-row import). Its country and validity
 * come from the same library metadata, by the same rules, with the patterns compiled once (the library
 * builds a RegExp from them on every check). Anything else, and every rejection (for its message), goes
 * through normalizePhone.
 */
export class NanpPhoneNormalizer {
  private readonly nanpDefault: boolean;

  constructor(private readonly defaultCountry: CountryCode) {
    this.nanpDefault = NANP_COUNTRIES.length > 0 && callingCodeOf(defaultCountry) === '1';
  }

  normalize(input: string): NormalizedPhone {
    const match = this.nanpDefault ? NANP_SHAPE.exec(input.trim()) : null;
    if (match) {
      const e164 = `+1${match[1] ?? match[2]}${match[3]}${match[4]}` as E164Number;
      const country = nanpPlans().validCountryOf(e164.slice(2));
      if (country && !isTwilioTestNumber(e164)) return { ok: true, e164, country };
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

/** The number types the library tries, in its order (getNumberType). */
const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** What the runtime numbering plan has beyond its published typings. */
interface PlanPatterns {
  leadingDigits(): string | undefined;
  nationalNumberPattern(): string;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

interface CompiledPlan {
  country: CountryCode;
  leadingDigits: RegExp | undefined;
  /** Whether a national number is of one of the plan's types (the library's getNumberType). */
  hasType(nationalNumber: string): boolean;
}

let compiled: { validCountryOf(nationalNumber: string): CountryCode | undefined } | undefined;

/**
 * The library's rules for a +1 number: its country is the first +1 country whose leading digits it starts
 * with or, for one without them, whose number types it matches (getCountryByNationalNumber); it is valid when
 * it is of one of that country's types (isValid).
 */
function nanpPlans() {
  compiled ??= (() => {
    const plans = NANP_COUNTRIES.map(compilePlan);
    return {
      validCountryOf(n: string) {
        const plan = plans.find((p) => (p.leadingDigits ? n.search(p.leadingDigits) === 0 : p.hasType(n)));
        return plan?.hasType(n) ? plan.country : undefined;
      },
    };
  })();
  return compiled;
}

function compilePlan(country: CountryCode): CompiledPlan {
  const plans = new Metadata(metadata);
  plans.selectNumberingPlan(country);
  const plan = plans.numberingPlan as unknown as PlanPatterns;
  const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
  const general = whole(plan.nationalNumberPattern());
  const types = TYPES.map((name) => plan.type(name))
    .filter((t) => t !== undefined && t.pattern() !== '')
    .map((t) => ({ pattern: whole(t!.pattern()), lengths: t!.possibleLengths() }));
  const leadingDigits = plan.leadingDigits();
  return {
    country,
    leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
    hasType: (n) =>
      general.test(n) && types.some((t) => (!t.lengths || t.lengths.includes(n.length)) && t.pattern.test(n)),
  };
}
