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
    expect(parseMessageSearch(term)).toMatchObject({ phoneDigits: digits, text: term });
  });

  it('searches only the body for words, or for fewer than 3 digits', () => {
    expect(parseMessageSearch('roof check')).toMatchObject({ phoneDigits: null, text: 'roof check' });
    expect(parseMessageSearch('code 1234')).toMatchObject({ phoneDigits: null, text: 'code 1234' });
    expect(parseMessageSearch('12')).toMatchObject({ phoneDigits: null, text: '12' });
  });

  it('ignores an empty or blank term', () => {
    expect(parseMessageSearch(undefined)).toEqual({
      phoneDigits: null,
      text: null,
      hasIndexedNumber: false,
    });
    expect(parseMessageSearch('   ')).toEqual({
      phoneDigits: null,
      text: null,
      hasIndexedNumber: false,
    });
  });

  it.each([
    ['Jane 500001,', true],
    ['Jane 500001', true],
    ['order 48213 is ready', true],
    ['a1b', true],
    ['Jane 5000', false],
    ['500001', false],
    ['500001 Jane', false],
    ['roof check', false],
    ['x ٣٤٥ y', false],
    [`x ${'1'.repeat(100)} y`, true],
    [`x ${'1'.repeat(101)} y`, false],
  ])('says whether %j holds a number the numbers index can look up: %s', (term, has) => {
    expect(parseMessageSearch(term).hasIndexedNumber).toBe(has);
  });
});
