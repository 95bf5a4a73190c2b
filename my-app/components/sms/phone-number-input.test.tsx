import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { CountryCode } from 'libphonenumber-js';
import { PhoneNumberInput, type PhoneCheck } from '@/components/sms/phone-number-input';

function Harness({
  country = 'US' as CountryCode,
  onValue,
}: {
  country?: CountryCode;
  onValue?: (v: string, c: PhoneCheck) => void;
}) {
  const [value, setValue] = React.useState('');
  return (
    <>
      <PhoneNumberInput
        value={value}
        country={country}
        onChange={(v, check) => {
          setValue(v);
          onValue?.(v, check);
        }}
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

const input = () => screen.getByTestId('phone-input') as HTMLInputElement;

/** Types one character at a time, as a user would. */
function typeChars(text: string) {
  for (const ch of text) fireEvent.change(input(), { target: { value: input().value + ch } });
}

describe('PhoneNumberInput', () => {
  it('formats a US number as you type', () => {
    render(<Harness />);
    typeChars('555');
    expect(input().value).toBe('(555)');
    typeChars('1234');
    expect(input().value).toBe('(555) 123-4');
    typeChars('567');
    expect(input().value).toBe('(555) 123-4567');
    expect(screen.getByTestId('value').textContent).toBe('+15551234567');
  });

  it('reports a valid number as E.164', () => {
    let last: PhoneCheck | null = null;
    render(<Harness onValue={(_, c) => (last = c)} />);
    typeChars('4155552671');
    expect(input().value).toBe('(415) 555-2671');
    expect(last!.valid).toBe(true);
    expect(last!.e164).toBe('+14155552671');
    expect(screen.getByTestId('phone-status').textContent).toContain('Valid');
  });

  it('shows invalid for a short number', () => {
    render(<Harness />);
    typeChars('555123');
    fireEvent.blur(input());
    expect(screen.getByTestId('phone-status').textContent).toMatch(/Invalid phone number/);
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('deletes the digit before a formatting character on backspace', () => {
    render(<Harness />);
    typeChars('555');
    expect(input().value).toBe('(555)');
    // Backspace over ")": the formatter would put it back, so the digit before it goes instead.
    fireEvent.change(input(), { target: { value: '(555' } });
    expect(input().value).toBe('55');
  });

  it('accepts international numbers typed with +', () => {
    render(<Harness />);
    typeChars('+447911123456');
    expect(input().value).toBe('+44 7911 123456');
    expect(screen.getByTestId('value').textContent).toBe('+447911123456');
  });

  it('shows 12345 as typed rather than as "1 (234) 5"', () => {
    render(<Harness />);
    typeChars('12345');
    expect(input().value).toBe('12345');
  });

  it('keeps every digit when the same number is pasted over the whole field', () => {
    render(<Harness />);
    typeChars('4155552671');
    expect(input().value).toBe('(415) 555-2671');
    fireEvent.change(input(), { target: { value: '4155552671' } });
    expect(input().value).toBe('(415) 555-2671');
    expect(screen.getByTestId('value').textContent).toBe('+14155552671');
  });

  it('leaves the message to the form when the form marks the field invalid', () => {
    render(<PhoneNumberInput value="555" country="US" onChange={() => undefined} showValidation aria-invalid />);
    expect(screen.queryByTestId('phone-status')).toBeNull();
  });
});
