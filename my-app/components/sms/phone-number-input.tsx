'use client';

import * as React from 'react';
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { CheckCircle2, CircleAlert, XCircle } from 'lucide-react';
import { Input } from '@/components/ui/input';
import { CountrySelect } from '@/components/sms/country-select';
import { countryName } from '@/lib/sms/countries';
import { cn } from '@/lib/utils';

export interface PhoneCheck {
  /** E.164 when the digits parse as a number of the chosen (or typed) country. */
  e164: string | null;
  /** Right length for its country. */
  possible: boolean;
  /** Matches the country's numbering plan. */
  valid: boolean;
  country: CountryCode | undefined;
}

export interface PhoneNumberInputProps {
  /** E.164 (or, while incomplete, the digits typed). */
  value: string;
  onChange: (value: string, check: PhoneCheck) => void;
  /** Country for numbers typed without `+`. */
  country: CountryCode;
  onCountryChange?: (country: CountryCode) => void;
  onBlur?: () => void;
  id?: string;
  name?: string;
  disabled?: boolean;
  placeholder?: string;
  /** Show "invalid" even before the field loses focus (after a submit, for instance). */
  showValidation?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  className?: string;
}

const MIN_DIGITS_TO_FORMAT = 7;

/** Keeps the digits and a leading +, the only characters AsYouType needs. */
function cleanInput(text: string): string {
  const plus = text.trimStart().startsWith('+');
  const digits = text.replace(/\D/g, '');
  return plus ? `+${digits}` : digits;
}

export function checkPhone(input: string, country: CountryCode): { formatted: string } & PhoneCheck {
  const cleaned = cleanInput(input);
  if (!cleaned || cleaned === '+') {
    return { formatted: cleaned, e164: null, possible: false, valid: false, country: undefined };
  }
  const typer = new AsYouType(country);
  const typed = typer.input(cleaned);
  // A leading trunk prefix with too few digits to know the shape yet ("12345" is not "1 (234) 5"): as typed.
  const prefixed = !cleaned.startsWith('+') && typer.getNationalNumber() !== cleaned;
  const formatted = prefixed && cleaned.length < MIN_DIGITS_TO_FORMAT ? cleaned : typed;
  const number = typer.getNumber();
  return {
    formatted,
    e164: number?.number ?? null,
    possible: typer.isPossible(),
    valid: typer.isValid(),
    country: typer.getCountry() ?? number?.country,
  };
}

/** The display text for a value set from outside (a lead's stored E.164 number). */
function displayFor(value: string, country: CountryCode): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value, country);
  if (parsed?.country === country) return parsed.formatNational();
  if (parsed) return parsed.formatInternational();
  return checkPhone(value, country).formatted;
}

/**
 * A phone number field that formats as you type (libphonenumber-js AsYouType) for the chosen
 * country, reports E.164 to the form, and says whether the number is valid.
 */
export function PhoneNumberInput({
  value,
  onChange,
  country,
  onCountryChange,
  onBlur,
  id,
  name,
  disabled,
  placeholder,
  showValidation = false,
  className,
  ...aria
}: PhoneNumberInputProps) {
  const [display, setDisplay] = React.useState(() => displayFor(value, country));
  const [touched, setTouched] = React.useState(false);
  const lastEmitted = React.useRef(value);
  const statusId = React.useId();

  // A value changed from outside (form reset, a lead picked) replaces what is shown.
  React.useEffect(() => {
    if (value !== lastEmitted.current) {
      lastEmitted.current = value;
      setDisplay(displayFor(value, country));
    }
  }, [value, country]);

  const emit = (text: string, c: CountryCode) => {
    const check = checkPhone(text, c);
    const next = check.e164 ?? cleanInput(text);
    lastEmitted.current = next;
    onChange(next, {
      e164: check.e164,
      possible: check.possible,
      valid: check.valid,
      country: check.country,
    });
    return check;
  };

  const handleChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    let text = event.target.value;
    // Deleting only a formatting character (")" or "-") would be undone by the formatter; treat it as
    // deleting the digit before it. Only for a one-character deletion: pasting the same number over a
    // selection also yields the same digits, and must keep them all.
    const inputType = (event.nativeEvent as InputEvent).inputType ?? '';
    const deletedOneChar = !inputType.startsWith('insert') && display.length - text.length === 1;
    if (deletedOneChar && cleanInput(text) === cleanInput(display)) {
      const cleaned = cleanInput(text);
      text = cleaned.slice(0, -1);
    }
    const check = emit(text, country);
    setDisplay(check.formatted);
  };

  const handleCountry = (next: CountryCode) => {
    onCountryChange?.(next);
    const check = emit(display, next);
    setDisplay(check.formatted);
  };

  const check = React.useMemo(() => checkPhone(display, country), [display, country]);
  const hasDigits = /\d/.test(display);
  let status: React.ReactNode = null;
  let state: 'valid' | 'unrecognised' | 'invalid' | 'none' = 'none';
  if (hasDigits) {
    if (check.valid) {
      state = 'valid';
      status = (
        <span className="flex items-center gap-1 text-emerald-700">
          <CheckCircle2 className="size-3.5" /> Valid {check.country ? `${countryName(check.country)} ` : ''}number
          {check.e164 ? ` · ${check.e164}` : ''}
        </span>
      );
    } else if (check.possible && (touched || showValidation)) {
      state = 'unrecognised';
      status = (
        <span className="flex items-center gap-1 text-amber-700">
          <CircleAlert className="size-3.5" /> Not a recognised number for {countryName(check.country ?? country)};
          check it before sending.
        </span>
      );
    } else if ((touched || showValidation) && aria['aria-invalid']) {
      // The form already says what is wrong on this field: one message, not two.
      state = 'invalid';
    } else if (touched || showValidation) {
      state = 'invalid';
      status = (
        <span className="flex items-center gap-1 text-destructive">
          <XCircle className="size-3.5" /> Invalid phone number: too{' '}
          {cleanInput(display).replace('+', '').length < 8 ? 'short' : 'long or malformed'}
        </span>
      );
    }
  }

  const describedBy = [aria['aria-describedby'], status ? statusId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cn('grid gap-1.5', className)}>
      <div className="flex gap-2">
        {onCountryChange && (
          <CountrySelect
            compact
            value={country}
            onChange={handleCountry}
            disabled={disabled}
            aria-label="Country of the phone number"
          />
        )}
        <Input
          id={id}
          name={name}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          disabled={disabled}
          placeholder={placeholder ?? (country === 'US' || country === 'CA' ? '(555) 123-4567' : 'Phone number')}
          value={display}
          onChange={handleChange}
          onBlur={() => {
            setTouched(true);
            onBlur?.();
          }}
          aria-invalid={aria['aria-invalid'] || state === 'invalid' || undefined}
          aria-describedby={describedBy}
          data-testid="phone-input"
          data-phone-state={state}
        />
      </div>
      {status && (
        <p id={statusId} data-testid="phone-status" className="text-xs" aria-live="polite">
          {status}
        </p>
      )}
    </div>
  );
}
