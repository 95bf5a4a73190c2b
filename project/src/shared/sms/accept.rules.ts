import type { CountryCode } from 'libphonenumber-js';
import type { FieldError } from 'src/core/errors/app-error';
import { normalizePhone } from './phone.rules';
import { validateBody } from './segments';

export interface AcceptedMessage {
  phoneNumber: string;
  message: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
}

export type AcceptCheck = { ok: true; value: AcceptedMessage } | { ok: false; errors: FieldError[] };

/** The rules every outbound message passes before it is stored: a valid number and a sendable body. */
export function checkOutbound(phone: string, body: string, defaultCountry: string): AcceptCheck {
  const errors: FieldError[] = [];
  const number = normalizePhone(phone, defaultCountry as CountryCode);
  if (!number.ok) errors.push({ field: 'phoneNumber', message: number.message });
  const text = validateBody(body);
  if (!text.ok) errors.push({ field: 'message', message: text.message });
  if (!number.ok || !text.ok) return { ok: false, errors };
  return {
    ok: true,
    value: { phoneNumber: number.e164, message: body, segments: text.segments, encoding: text.encoding },
  };
}
