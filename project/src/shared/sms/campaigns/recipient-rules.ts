import type { CountryCode } from 'libphonenumber-js';
import { validateBody } from '../segments';
import { compileTemplate } from '../template';
import { E164Set } from './e164-set';
import { NanpPhoneNormalizer } from './nanp-phone';
import type { PreparedMessage, RecipientRecord, Rejection } from './recipient-record';

/**
 * The per-row accept rules of a campaign: a valid number, not twice in the same send, a template that
 * renders with the row's variables into a sendable body. Opt-outs are checked per chunk (a query).
 * Remembers numbers as 64-bit floats (E.164 has at most 15 digits), so a million rows cost ~16 MB.
 */
export class RecipientRules {
  private readonly seen = new E164Set();
  private readonly render: ReturnType<typeof compileTemplate>;
  private readonly phones: NanpPhoneNormalizer;

  constructor(template: string, defaultCountry: string) {
    this.render = compileTemplate(template);
    this.phones = new NanpPhoneNormalizer(defaultCountry as CountryCode);
  }

  check(record: RecipientRecord): PreparedMessage | Rejection {
    const phone = this.phones.normalize(record.phone);
    if (!phone.ok) {
      const reason = phone.reason === 'spreadsheet_mangled' ? 'spreadsheet_mangled' : 'invalid_phone';
      return { row: record.row, value: record.phone, reason, message: phone.message };
    }
    if (this.seen.has(phone.e164)) {
      return {
        row: record.row,
        value: record.phone,
        reason: 'duplicate',
        message: `${phone.e164} appears earlier in this list`,
      };
    }
    const rendered = this.render(record.variables, { phone: phone.e164 });
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
      return {
        row: record.row,
        value: record.phone,
        reason: body.reason === 'empty' ? 'empty_message' : 'too_long',
        message: body.message,
      };
    }
    this.seen.add(phone.e164);
    return {
      row: record.row,
      phoneNumber: phone.e164,
      message: rendered.text,
      segments: body.segments,
      encoding: body.encoding,
      leadId: record.leadId,
    };
  }
}

export const isRejection = (x: PreparedMessage | Rejection): x is Rejection => 'reason' in x;
