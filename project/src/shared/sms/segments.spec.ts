import { describe, expect, it } from 'vitest';
import { countSegments, validateBody } from 'src/shared/sms/segments';
import { SegmentedMessage } from 'sms-segments-calculator';

const gsm = (n: number) => 'a'.repeat(n);
// 'ł' is not in the GSM-7 tables ('é' is), so it forces UCS-2.
const ucs = (n: number) => 'ł'.repeat(n);

describe('countSegments', () => {
  it.each([
    ['an empty body', '', 'GSM-7', 0],
    ['hello', 'hello', 'GSM-7', 1],
    ['160 GSM chars', gsm(160), 'GSM-7', 1],
    ['161 GSM chars', gsm(161), 'GSM-7', 2],
    ['306 GSM chars (2 × 153)', gsm(306), 'GSM-7', 2],
    ['307 GSM chars', gsm(307), 'GSM-7', 3],
    ['80 euro signs (160 septets)', '€'.repeat(80), 'GSM-7', 1],
    ['81 euro signs (162 septets)', '€'.repeat(81), 'GSM-7', 2],
    ['20 × the extension set [ ] { } ~ ^ | \\ (160 septets)', '[]{}~^|\\'.repeat(10), 'GSM-7', 1],
    ['the extension set plus 145 letters (161 septets)', '[]{}~^|\\' + gsm(145), 'GSM-7', 2],
    ['accented GSM letters', 'é'.repeat(160), 'GSM-7', 1],
    ['70 UCS-2 chars', ucs(70), 'UCS-2', 1],
    ['71 UCS-2 chars', ucs(71), 'UCS-2', 2],
    ['134 UCS-2 chars (2 × 67)', ucs(134), 'UCS-2', 2],
    ['135 UCS-2 chars', ucs(135), 'UCS-2', 3],
    ['70 Cyrillic chars', 'д'.repeat(70), 'UCS-2', 1],
    ['35 emoji (70 UTF-16 units)', '😀'.repeat(35), 'UCS-2', 1],
    ['36 emoji (72 UTF-16 units)', '😀'.repeat(36), 'UCS-2', 2],
  ])('counts %s', (_name, body, encoding, segments) => {
    expect(countSegments(body)).toMatchObject({ encoding, segments });
  });

  it('counts a euro sign as two septets', () => {
    expect(countSegments('€'.repeat(80)).segments).toBe(1);
    expect(countSegments('€'.repeat(80) + 'a').segments).toBe(2);
  });

  it('turns a 100-character GSM message into 2 UCS-2 segments with one emoji', () => {
    const result = countSegments(gsm(99) + '😀');
    expect(result).toEqual({ encoding: 'UCS-2', segments: 2, characters: 101, unicodeCharacters: ['😀'] });
  });

  it('counts an emoji as two characters', () => {
    expect(countSegments('😀').characters).toBe(2);
  });

  it('lists each character that forced UCS-2 once', () => {
    expect(countSegments('Zażółć').unicodeCharacters).toEqual(['ż', 'ó', 'ł', 'ć']);
  });

  it('replaces look-alikes with GSM characters only when smart encoding is on', () => {
    expect(countSegments('“quoted”').encoding).toBe('UCS-2');
    expect(countSegments('“quoted”', { smartEncoding: true })).toMatchObject({
      encoding: 'GSM-7',
      unicodeCharacters: [],
    });
  });
});

describe('validateBody', () => {
  it.each(['', '   ', '\n\t'])('rejects %j as empty', (body) => {
    expect(validateBody(body)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('accepts a 1600-character body', () => {
    expect(validateBody(gsm(1600))).toMatchObject({ ok: true, segments: 11, characters: 1600 });
  });

  it('rejects 1601 characters and names the limit', () => {
    const result = validateBody(gsm(1601));
    expect(result).toMatchObject({ ok: false, reason: 'too_long' });
    if (!result.ok) expect(result.message).toContain('1600');
  });

  it('counts emoji as two characters towards the limit', () => {
    expect(validateBody('😀'.repeat(800)).ok).toBe(true);
    expect(validateBody('😀'.repeat(800) + 'a')).toMatchObject({ ok: false, reason: 'too_long' });
  });
});

describe('countSegments without the grapheme splitter', () => {
  // Letters, the extension table, CR/LF, non-GSM Latin/Greek/Cyrillic, and what needs the full calculator.
  const alphabet = [
    'a',
    'Z',
    '7',
    ' ',
    'é',
    'Ä',
    '@',
    '€',
    '[',
    '^',
    '|',
    '\n',
    '\r',
    '\r\n',
    'ł',
    'ó',
    'Ω',
    'д',
    'Ж',
    '‘',
    'ñ',
    '\u0301',
    '😀',
    '👍🏽',
    '한',
  ];
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  it('agrees with the calculator on random bodies', () => {
    const next = random(7);
    for (let n = 0; n < 800; n++) {
      const pool = alphabet.slice(0, 1 + Math.floor(next() * alphabet.length));
      const length = Math.floor(next() * 340);
      let body = '';
      for (let i = 0; i < length; i++) body += pool[Math.floor(next() * pool.length)];
      if (body === '') continue;
      const reference = new SegmentedMessage(body, 'auto', false);
      expect(countSegments(body), JSON.stringify(body)).toEqual({
        encoding: reference.encodingName,
        segments: reference.segmentsCount,
        characters: body.length,
        unicodeCharacters: [...new Set(reference.getNonGsmCharacters())],
      });
    }
  });
});
