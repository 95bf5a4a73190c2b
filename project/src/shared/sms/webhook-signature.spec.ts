import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, signTwilioRequest } from 'src/shared/sms/webhook-signature';

// twilio-node spec/validation.spec.js (FACTS test vectors)
const token = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const expected = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('signTwilioRequest', () => {
  it("matches Twilio's published test vector", () => {
    expect(signTwilioRequest(token, url, params)).toBe(expected);
  });
});

describe('isValidTwilioSignature', () => {
  it('accepts the test vector', () => {
    expect(isValidTwilioSignature(token, expected, url, params)).toBe(true);
  });

  it('accepts a signature made with :443 against the URL without the port, and the reverse', () => {
    const withPort = signTwilioRequest(token, 'https://example.com:443/path?x=1', { Body: 'hi' });
    expect(isValidTwilioSignature(token, withPort, 'https://example.com/path?x=1', { Body: 'hi' })).toBe(true);
    const withoutPort = signTwilioRequest(token, 'https://example.com/path?x=1', { Body: 'hi' });
    expect(isValidTwilioSignature(token, withoutPort, 'https://example.com:443/path?x=1', { Body: 'hi' })).toBe(true);
  });

  it('rejects a tampered parameter', () => {
    expect(isValidTwilioSignature(token, expected, url, { ...params, Digits: '1235' })).toBe(false);
  });

  it('rejects an added parameter', () => {
    expect(isValidTwilioSignature(token, expected, url, { ...params, Extra: 'x' })).toBe(false);
  });

  it('rejects a different URL or token', () => {
    expect(isValidTwilioSignature(token, expected, 'https://mycompany.com/myapp.php?foo=1&bar=3', params)).toBe(false);
    expect(isValidTwilioSignature('54321', expected, url, params)).toBe(false);
  });

  it('rejects a missing or empty header', () => {
    expect(isValidTwilioSignature(token, undefined, url, params)).toBe(false);
    expect(isValidTwilioSignature(token, '', url, params)).toBe(false);
  });

  it('signs repeated parameters in sorted order', () => {
    const multi = { MediaUrl: ['b', 'a'] };
    expect(isValidTwilioSignature(token, signTwilioRequest(token, url, { MediaUrl: ['a', 'b'] }), url, multi)).toBe(
      true,
    );
  });
});
