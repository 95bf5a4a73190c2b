import type { CountryCode } from 'libphonenumber-js';
import { normalizePhone } from '../phone.rules';
import { validateBody } from '../segments';
import { renderTemplate } from '../template';
import type { PreparedMessage, RecipientRecord, Rejection } from './recipient-record';

/**
 * The per-row accept rules of a campaign: a valid number, not twice in the same send, a template that
 * renders with the row's variables into a sendable body. Opt-outs are checked per chunk (a query).
 * Remembers numbers as 64-bit floats (E.164 has at most 15 digits), so a million rows cost ~20 MB.
 */
export class RecipientRules {
  private readonly seen = new Set<number>();

  constructor(
    private readonly template: string,
    private readonly defaultCountry: string,
  ) {}

  check(record: RecipientRecord): PreparedMessage | Rejection {
    const phone = normalizePhone(record.phone, this.defaultCountry as CountryCode);
    if (!phone.ok) {
      const reason = phone.reason === 'spreadsheet_mangled' ? 'spreadsheet_mangled' : 'invalid_phone';
      return { row: record.row, value: record.phone, reason, message: phone.message };
    }
    const key = Number(phone.e164.slice(1));
    if (this.seen.has(key)) {
      return { row: record.row, value: record.phone, reason: 'duplicate', message: `${phone.e164} appears earlier in this list` };
    }
    const rendered = renderTemplate(this.template, { phone: phone.e164, ...record.variables });
    if (!rendered.ok) {
      return {
        row: record.row,
        value: record.phone,
        reason: 'missing_variable',
        message: `no value for ${rendered.missing.map((v) => `{{${v}}}`).join(', ')} (add a default like {{${rendered.missing[0]}|there}})`,
      };
    }
    const body = validateBody(rendered.text);
    if (!body.ok) {
      return { row: record.row, value: record.phone, reason: body.reason === 'empty' ? 'empty_message' : 'too_long', message: body.message };
    }
    this.seen.add(key);
    return { row: record.row, phoneNumber: phone.e164, message: rendered.text, segments: body.segments, encoding: body.encoding, leadId: record.leadId };
  }
}

export const isRejection = (x: PreparedMessage | Rejection): x is Rejection => 'reason' in x;
