import { describe, expect, it } from 'vitest';
import { twilioSignature } from './signature';

describe('twilioSignature', () => {
  it("matches Twilio's published test vector", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe(
      'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
    );
  });

  it('signs the URL alone when there are no params (the bodySHA256 case)', () => {
    const url =
      'https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
    expect(twilioSignature('12345', url, {})).toBe('a9nBmqA0ju/hNViExpshrM61xv4=');
  });

  it('does not depend on the order params were given in', () => {
    const a = twilioSignature('t', 'https://x.test/h', { B: '2', A: '1' });
    expect(twilioSignature('t', 'https://x.test/h', { A: '1', B: '2' })).toBe(a);
  });
});
