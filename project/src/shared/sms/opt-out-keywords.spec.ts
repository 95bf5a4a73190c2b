import { describe, expect, it } from 'vitest';
import { classifyKeyword } from 'src/shared/sms/opt-out-keywords';

describe('classifyKeyword', () => {
  it.each(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'])(
    'treats %s as opt-out',
    (word) => {
      expect(classifyKeyword(word)).toBe('opt_out');
    },
  );

  it.each(['START', 'UNSTOP', 'YES'])('treats %s as opt-in', (word) => {
    expect(classifyKeyword(word)).toBe('opt_in');
  });

  it.each(['HELP', 'INFO'])('treats %s as help', (word) => {
    expect(classifyKeyword(word)).toBe('help');
  });

  it('ignores case and surrounding whitespace', () => {
    expect(classifyKeyword('  stop\n')).toBe('opt_out');
    expect(classifyKeyword('Start')).toBe('opt_in');
  });

  it.each(['STOP PLEASE', 'opt out', 'please stop', 'STOP.', 'stopp', ''])('does not treat %j as a keyword', (body) => {
    expect(classifyKeyword(body)).toBeNull();
  });

  it("lets Twilio's OptOutType win over the body", () => {
    expect(classifyKeyword('arrêter', 'STOP')).toBe('opt_out');
    expect(classifyKeyword('STOP', 'START')).toBe('opt_in');
    expect(classifyKeyword('hello', 'help')).toBe('help');
  });

  it('falls back to the body when OptOutType is empty or unknown', () => {
    expect(classifyKeyword('STOP', '')).toBe('opt_out');
    expect(classifyKeyword('STOP', 'OTHER')).toBe('opt_out');
  });
});
