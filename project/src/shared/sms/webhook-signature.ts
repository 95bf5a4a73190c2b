import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';

export type TwilioParams = Record<string, string | string[]>;

/**
 * X-Twilio-Signature check, delegated to the SDK: it tries the URL with and without the default port
 * and with legacy query encoding (FACTS §1). `url` is the full URL Twilio called, query string included;
 * `params` are all POSTed form fields.
 */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: TwilioParams,
): boolean {
  if (!signature || !authToken) return false;
  return validateRequest(authToken, signature, url, params);
}

/** The signature Twilio would send; for tests and the simulator. */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams): string {
  return getExpectedTwilioSignature(authToken, url, params);
}
