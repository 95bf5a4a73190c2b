import { describe, expect, it } from 'vitest';
import { isTwilioTestNumber, maskPhone, maskPhonesIn, normalizePhone } from 'src/shared/sms/phone.rules';

describe('normalizePhone', () => {
  it.each([
    ['(415) 555-2671', '+14155552671'],
    ['+1 415 555 2671', '+14155552671'],
    ['415.555.2671', '+14155552671'],
    ['  201-555-0123 ', '+12015550123'],
    ['1 (201) 555-0123', '+12015550123'],
    ['011 44 20 7946 0958', '+442079460958'],
  ])('accepts %s as %s with the default country US', (input, e164) => {
    expect(normalizePhone(input)).toMatchObject({ ok: true, e164 });
  });

  it('treats a leading 00 as the international prefix', () => {
    expect(normalizePhone('00 44 20 7946 0958')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
    expect(normalizePhone('(0044) 20 7946 0958')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('reads national numbers in the given default country', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
  });

  it('reports the country of an international number', () => {
    expect(normalizePhone('+86 138 0013 8000')).toEqual({ ok: true, e164: '+8613800138000', country: 'CN' });
  });

  it.each(['', '   '])('rejects %j as empty', (input) => {
    expect(normalizePhone(input)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it.each(['abc', 'call me', '+'])('rejects %j as not a number', (input) => {
    const result = normalizePhone(input);
    expect(result).toMatchObject({ ok: false, reason: 'not_a_number' });
    if (!result.ok) expect(result.message).toContain('not a phone number');
  });

  it.each(['1.5551234567E+10', '1,55512E+10', '1.55512e10', '4.15555E+09'])(
    'detects the spreadsheet-mangled %s',
    (input) => {
      const result = normalizePhone(input);
      expect(result).toMatchObject({ ok: false, reason: 'spreadsheet_mangled' });
      if (!result.ok) expect(result.message).toContain('scientific notation');
    },
  );

  it('says a short number is too short for the region', () => {
    expect(normalizePhone('555-1234')).toEqual({
      ok: false,
      reason: 'too_short',
      message: '"555-1234" is too short for US',
    });
    expect(normalizePhone('+1')).toMatchObject({ ok: false, reason: 'too_short' });
  });

  it('rejects a number that is too long', () => {
    expect(normalizePhone('+44 20 7946 0958 1234')).toMatchObject({ ok: false, reason: 'too_long' });
  });

  it('rejects a number with a well-formed length that does not exist in the region', () => {
    expect(normalizePhone('(555) 123-4567')).toMatchObject({ ok: false, reason: 'invalid_for_region' });
    expect(normalizePhone('+1 555 123 4567')).toMatchObject({ ok: false, reason: 'invalid_for_region' });
  });

  it('rejects an unknown country code', () => {
    expect(normalizePhone('+999 1234567')).toMatchObject({ ok: false, reason: 'invalid_for_region' });
  });

  it("accepts Twilio's magic test numbers so the simulator's failures can be exercised", () => {
    for (const n of ['+15005550001', '+15005550006', '+15005550009']) {
      expect(normalizePhone(n)).toEqual({ ok: true, e164: n, country: 'US' });
    }
  });
});

describe('isTwilioTestNumber', () => {
  it('recognises +1500555xxxx only', () => {
    expect(isTwilioTestNumber('+15005550006')).toBe(true);
    expect(isTwilioTestNumber('+14155552671')).toBe(false);
    expect(isTwilioTestNumber('+150055500061')).toBe(false);
  });
});

describe('maskPhone', () => {
  it('keeps the country code, three digits and the last four', () => {
    expect(maskPhone('+15551230123')).toBe('+1555***0123');
  });

  it('uses the real length of a two-digit country code', () => {
    expect(maskPhone('+442079460958')).toBe('+44207***0958');
  });

  it('masks all but the last two digits of a short number', () => {
    expect(maskPhone('+1234567')).toBe('+*****67');
  });
});

describe('maskPhonesIn', () => {
  it('masks every number quoted in a Twilio error message', () => {
    expect(maskPhonesIn("'To' number +15005550009 is not a valid mobile number")).toBe(
      "'To' number +1500***0009 is not a valid mobile number",
    );
    expect(maskPhonesIn('From +442079460958 to +15551230123')).toBe('From +44207***0958 to +1555***0123');
  });

  it('leaves text without numbers alone', () => {
    expect(maskPhonesIn('Authenticate (code 20003)')).toBe('Authenticate (code 20003)');
  });
});
