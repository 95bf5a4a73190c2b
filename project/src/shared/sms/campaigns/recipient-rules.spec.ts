import { describe, expect, it } from 'vitest';
import type { PreparedMessage, RecipientRecord, Rejection } from './recipient-record';
import { isRejection, RecipientRules } from './recipient-rules';

const rec = (row: number, phone: string, variables: Record<string, string> = {}): RecipientRecord => ({
  row,
  phone,
  variables,
});

function accepted(result: PreparedMessage | Rejection): PreparedMessage {
  expect(isRejection(result), JSON.stringify(result)).toBe(false);
  return result as PreparedMessage;
}

function rejected(result: PreparedMessage | Rejection): Rejection {
  expect(isRejection(result), JSON.stringify(result)).toBe(true);
  return result as Rejection;
}

describe(RecipientRules.name, () => {
  it('normalises the number to E.164 with the SubAccount country', () => {
    expect(accepted(new RecipientRules('hi', 'US').check(rec(2, '(415) 555-0100'))).phoneNumber).toBe('+14155550100');
    expect(accepted(new RecipientRules('hi', 'GB').check(rec(2, '07400 123456'))).phoneNumber).toBe('+447400123456');
  });

  it.each(['nope', '12', '+1415555010099999', ''])(
    'rejects the invalid number "%s" with its row and value',
    (phone) => {
      const r = rejected(new RecipientRules('hi', 'US').check(rec(7, phone)));
      expect(r).toMatchObject({ row: 7, value: phone, reason: 'invalid_phone' });
      expect(r.message.length).toBeGreaterThan(0);
    },
  );

  it.each(['1.5551234567E+10', '1,55512E+10', '4.15555E+9'])(
    'rejects the spreadsheet-mangled "%s" and says how to fix the export',
    (phone) => {
      const r = rejected(new RecipientRules('hi', 'US').check(rec(3, phone)));
      expect(r).toMatchObject({ row: 3, value: phone, reason: 'spreadsheet_mangled' });
      expect(r.message).toMatch(/scientific notation/);
      expect(r.message).toMatch(/as text/);
    },
  );

  it('rejects the second occurrence of a number, however it is written, naming the number; the first is kept', () => {
    const rules = new RecipientRules('hi', 'US');
    accepted(rules.check(rec(2, '+14155550100')));
    const dup = rejected(rules.check(rec(5, '(415) 555-0100')));
    expect(dup).toMatchObject({ row: 5, value: '(415) 555-0100', reason: 'duplicate' });
    expect(dup.message).toContain('+14155550100');
    accepted(rules.check(rec(6, '+14155550101')));
  });

  it('does not count a row rejected for its template as a use of the number', () => {
    const rules = new RecipientRules('Hi {{first_name}}', 'US');
    rejected(rules.check(rec(2, '+14155550100')));
    expect(accepted(rules.check(rec(3, '+14155550100', { first_name: 'Ann' }))).message).toBe('Hi Ann');
  });

  it('rejects a row missing a template variable, naming the variable and suggesting a default', () => {
    const r = rejected(
      new RecipientRules('Hi {{first_name}}, about {{company}}', 'US').check(
        rec(4, '+14155550100', { company: 'Acme', first_name: '  ' }),
      ),
    );
    expect(r).toMatchObject({ row: 4, value: '+14155550100', reason: 'missing_variable' });
    expect(r.message).toContain('{{first_name}}');
    expect(r.message).not.toContain('{{company}}');
    expect(r.message).toContain('{{first_name|');
  });

  it('fills {{var|default}} when the row has no value, and the value when it has one', () => {
    const rules = new RecipientRules('Hi {{first_name|there}}!', 'US');
    expect(accepted(rules.check(rec(2, '+14155550100'))).message).toBe('Hi there!');
    expect(accepted(rules.check(rec(3, '+14155550101', { first_name: 'Ann' }))).message).toBe('Hi Ann!');
  });

  it('returns the rendered text, the row and the lead as what is stored', () => {
    const rules = new RecipientRules('{{first_name}} at {{company}}: 20% off', 'US');
    expect(
      rules.check({ row: 9, phone: '+14155550100', variables: { first_name: 'Ann', company: 'Acme' }, leadId: 42 }),
    ).toEqual({
      row: 9,
      phoneNumber: '+14155550100',
      message: 'Ann at Acme: 20% off',
      segments: 1,
      encoding: 'GSM-7',
      leadId: 42,
    });
  });

  it('counts segments and encoding of the rendered text, not of the template', () => {
    const rules = new RecipientRules('{{note}}', 'US');
    expect(accepted(rules.check(rec(2, '+14155550100', { note: 'a'.repeat(160) })))).toMatchObject({
      segments: 1,
      encoding: 'GSM-7',
    });
    expect(accepted(rules.check(rec(3, '+14155550101', { note: 'a'.repeat(161) })))).toMatchObject({
      segments: 2,
      encoding: 'GSM-7',
    });
    expect(accepted(rules.check(rec(4, '+14155550102', { note: 'Olá 👋' })))).toMatchObject({
      segments: 1,
      encoding: 'UCS-2',
    });
    expect(accepted(rules.check(rec(5, '+14155550103', { note: '👋'.repeat(40) })))).toMatchObject({
      segments: 2,
      encoding: 'UCS-2',
    });
  });

  it('rejects a row whose rendered text is over 1600 characters or blank', () => {
    const rules = new RecipientRules('{{note|}}', 'US');
    expect(rejected(rules.check(rec(2, '+14155550100', { note: 'x'.repeat(1601) }))).reason).toBe('too_long');
    expect(rejected(rules.check(rec(3, '+14155550101'))).reason).toBe('empty_message');
  });
});
