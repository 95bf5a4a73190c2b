import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { describeError, maskLogText } from './log-masking';

describe('log masking', () => {
  it('logs a failed query with its SQL but not the phone number or the message body', () => {
    const cause = new Error('duplicate key value violates unique constraint: Key (phone)=(+14155550201)');
    const e = new DrizzleQueryError(
      'insert into "sms_messages" ("phone_number", "message", "sub_account_id") values ($1, $2, $3)',
      ['+14155550201', 'Your code is 889123, do not share', 42],
      cause,
    );
    const text = describeError(e);
    expect(text).toContain('insert into "sms_messages"');
    expect(text).toContain('params: [+1415***0201, <text, 33 chars>, 42]');
    expect(text).not.toContain('4155550201');
    expect(text).not.toContain('889123');
  });

  it('hides a params line and masks numbers in any other error text', () => {
    const text = maskLogText('Failed query: select 1\nparams: +14155550201,secret body\nat x');
    expect(text).toBe('Failed query: select 1\nparams: [hidden]\nat x');
    expect(maskLogText('could not reach +14155550201')).toBe('could not reach +1415***0201');
  });
});
