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

// Counted by hand, not by the calculator countSegments is built on: GSM-7 takes 160 septets in one segment,
// 153 per part after that, an extension character (€ [ ] { } ~ ^ | \\ form feed) is 2 septets and is never split
// across two parts; UCS-2 takes 70 UTF-16 units in one, 67 per part, and an emoji (a surrogate pair, 2 units)
// is never split either. Each row: the body's parts written out.
describe('countSegments against hand-counted bodies', () => {
  const a = (n: number) => 'a'.repeat(n);
  const zh = (n: number) => 'ж'.repeat(n);
  it.each([
    ['158 letters + € = 160 septets: one part', a(158) + '€', 'GSM-7', 1],
    ['159 letters + € = 161 septets: two parts', a(159) + '€', 'GSM-7', 2],
    ['€ + 150 letters + [ + € = 156 septets: one part', '€' + a(150) + '[€', 'GSM-7', 1],
    [
      '152 letters + € + 152 letters = 306 septets: € cannot straddle 153|154, so 152 | €+151 | 1',
      a(152) + '€' + a(152),
      'GSM-7',
      3,
    ],
    ['153 letters + € + 151 letters = 306 septets: 153 | €+151', a(153) + '€' + a(151), 'GSM-7', 2],
    ['80 × ~ = 160 septets: one part', '~'.repeat(80), 'GSM-7', 1],
    ['153 × ^ = 306 septets: 76 per part (152 septets), so 76 | 76 | 1', '^'.repeat(153), 'GSM-7', 3],
    ['160 × é (basic table): one GSM-7 part', 'é'.repeat(160), 'GSM-7', 1],
    ['70 × ж: one UCS-2 part', zh(70), 'UCS-2', 1],
    ['71 × ж: 67 | 4', zh(71), 'UCS-2', 2],
    ['134 × ж: 67 | 67', zh(134), 'UCS-2', 2],
    ['135 × ж: 67 | 67 | 1', zh(135), 'UCS-2', 3],
    ['69 letters + ж = 70 units: one part', a(69) + 'ж', 'UCS-2', 1],
    ['35 emoji = 70 units: one part', '😀'.repeat(35), 'UCS-2', 1],
    ['35 emoji + 1 letter = 71 units: 66 | 5 (a pair cannot straddle 67|68)', '😀'.repeat(35) + 'a', 'UCS-2', 2],
    ['66 × ж + emoji + 66 × ж = 134 units: 66 | emoji+65 | 1', zh(66) + '😀' + zh(66), 'UCS-2', 3],
    ['67 × ж + emoji + 65 × ж = 134 units: 67 | emoji+65', zh(67) + '😀' + zh(65), 'UCS-2', 2],
  ])('%s', (_name, body, encoding, segments) => {
    expect(countSegments(body)).toMatchObject({ encoding, segments });
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
