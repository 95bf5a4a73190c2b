import { createHmac } from 'node:crypto';

export type SignedParams = Record<string, string | string[]>;

/**
 * X-Twilio-Signature exactly as Twilio computes it: base64(HMAC-SHA1(authToken, url + sorted key+value...)).
 * Array values are de-duplicated and sorted, each appended as key+value (twilio-node webhooks.ts).
 */
export function twilioSignature(authToken: string, url: string, params: SignedParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (Array.isArray(value)) {
      for (const v of [...new Set(value)].sort()) data += key + v;
    } else {
      data += key + value;
    }
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}
