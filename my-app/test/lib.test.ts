import { describe, expect, it } from 'vitest';
import { ApiError, buildQuery } from '@/lib/api-client';
import { parseCsv, previewCsv, variableNames } from '@/lib/sms/csv-preview';
import { parseRecipients } from '@/lib/sms/recipients';
import { placeholders, renderTemplate, snakeCase } from '@/lib/sms/template';
import { isoToZonedLocal, zonedLocalToIso } from '@/lib/time-zone';
import { formatCost, formatMessagePrice } from '@/lib/format';

describe('csv preview', () => {
  it('finds the phone column by a header such as "Phone Number" and drops the BOM', () => {
    const p = previewCsv('\uFEFFFirst Name,Phone Number\r\nAda,+14155550101\r\n');
    expect(p.headers).toEqual(['First Name', 'Phone Number']);
    expect(p.phoneColumn).toBe('Phone Number');
    expect(p.rows).toEqual([['Ada', '+14155550101']]);
  });

  it('detects semicolons and keeps quoted delimiters, quotes and newlines', () => {
    const p = previewCsv('name;phone;note\n"Doe; Jane";555-0101;"said ""hi""\nthen left"\n');
    expect(p.delimiter).toBe(';');
    expect(p.rows[0]).toEqual(['Doe; Jane', '555-0101', 'said "hi"\nthen left']);
  });

  it('treats a first row of numbers as data, not a header', () => {
    const p = previewCsv('+14155550101,Ada\n+14155550102,Grace\n');
    expect(p.headerless).toBe(true);
    expect(p.headers).toEqual(['column_1', 'column_2']);
    expect(p.phoneColumn).toBe('column_1');
    expect(p.rows).toHaveLength(2);
  });

  it('drops the partial last row of a cut sample', () => {
    const p = previewCsv('phone\n+14155550101\n+14155550102\n+1415', { maxRows: 2, truncated: true });
    expect(p.rows).toEqual([['+14155550101'], ['+14155550102']]);
  });

  it('offers the other columns as snake_case variables', () => {
    expect(variableNames(['First Name', 'Phone', 'City'], 'Phone')).toEqual(['first_name', 'city']);
  });

  it('parses tabs', () => {
    expect(parseCsv('a\tb\n1\t2', '\t')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('templates', () => {
  it('renders variables and defaults, and leaves unknown ones visible', () => {
    expect(renderTemplate('Hi {{first_name|there}}, {{ city }}! {{zip}}', { city: 'Austin' })).toBe(
      'Hi there, Austin! {{zip}}',
    );
    expect(placeholders('{{a}} {{b|x}} {{a}}')).toEqual([
      { name: 'a', fallback: undefined },
      { name: 'b', fallback: 'x' },
    ]);
    expect(snakeCase('First Name')).toBe('first_name');
    expect(snakeCase('phoneNumber')).toBe('phone_number');
  });
});

describe('pasted recipients', () => {
  it('normalises to E.164, drops duplicates and lists the invalid ones', () => {
    const r = parseRecipients('(415) 555-2671\n+14155552671, 415-555-2672;12\n', 'US');
    expect(r.numbers).toEqual(['+14155552671', '+14155552672']);
    expect(r.duplicates).toBe(1);
    expect(r.invalid).toEqual(['12']);
  });
});

describe('time zones', () => {
  it('reads a wall-clock time in the chosen zone, across DST', () => {
    expect(zonedLocalToIso('2030-01-15T09:00', 'America/Chicago')).toBe('2030-01-15T09:00:00-06:00');
    expect(zonedLocalToIso('2030-07-15T09:00', 'America/Chicago')).toBe('2030-07-15T09:00:00-05:00');
    expect(zonedLocalToIso('2030-07-15T09:00', 'UTC')).toBe('2030-07-15T09:00:00+00:00');
    expect(isoToZonedLocal('2030-07-15T14:00:00Z', 'America/Chicago')).toBe('2030-07-15T09:00');
  });
});

describe('api client helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildQuery({ page: 2, status: undefined, search: '', campaignId: 5 })).toBe('?page=2&campaignId=5');
    expect(buildQuery({})).toBe('');
  });

  it('keeps the API error shape, including field details', () => {
    const e = ApiError.fromBody(400, 'Bad Request', {
      statusCode: 400,
      error: 'Bad Request',
      message: 'phoneNumber: invalid',
      details: [{ field: 'phoneNumber', message: 'invalid' }, { nonsense: true }],
    });
    expect(e).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'phoneNumber: invalid' });
    expect(e.details).toEqual([{ field: 'phoneNumber', message: 'invalid' }]);
  });

  it('copes with a non-JSON error body', () => {
    const e = ApiError.fromBody(502, 'Bad Gateway', '<html>oops</html>');
    expect(e.statusCode).toBe(502);
    expect(e.message).toBe('<html>oops</html>');
  });
});

describe('cost', () => {
  it("shows Twilio's negative prices as money spent", () => {
    expect(formatCost('-0.00790')).toBe('$0.0079');
    expect(formatCost(12.5)).toBe('$12.50');
    expect(formatCost(null)).toBe('—');
  });

  it('shows a sent message whose price Twilio has not reported yet as pending, not $0', () => {
    expect(formatMessagePrice({ price: null, status: 'delivered' })).toBe('Pending');
    expect(formatMessagePrice({ price: null, status: 'failed' })).toBe('—');
    expect(formatMessagePrice({ price: '-0.00790', priceUnit: 'USD', status: 'delivered' })).toBe('$0.0079');
  });
});
