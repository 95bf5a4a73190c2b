import { describe, expect, it } from 'vitest';
import { parseMessageSearch } from './message-search';

describe('parseMessageSearch', () => {
  it.each([
    ['212 250', '212250'],
    ['(212) 250-1234', '2122501234'],
    ['+1 212.250.1234', '12122501234'],
    ['+12122501234', '12122501234'],
    ['2501', '2501'],
  ])('reads %j as the phone digits %s (and body text)', (term, digits) => {
    expect(parseMessageSearch(term)).toEqual({ phoneDigits: digits, text: term });
  });

  it('searches only the body for words, or for fewer than 3 digits', () => {
    expect(parseMessageSearch('roof check')).toEqual({ phoneDigits: null, text: 'roof check' });
    expect(parseMessageSearch('code 1234')).toEqual({ phoneDigits: null, text: 'code 1234' });
    expect(parseMessageSearch('12')).toEqual({ phoneDigits: null, text: '12' });
  });

  it('ignores an empty or blank term', () => {
    expect(parseMessageSearch(undefined)).toEqual({ phoneDigits: null, text: null });
    expect(parseMessageSearch('   ')).toEqual({ phoneDigits: null, text: null });
  });
});
