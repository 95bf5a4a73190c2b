import { SegmentedMessage } from 'sms-segments-calculator';

/** Twilio's Body limit (FACTS §6, error 21617). Counted in UTF-16 code units, as Twilio does. */
export const MAX_BODY_CHARACTERS = 1600;

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** UTF-16 code units: an emoji counts 2. */
  characters: number;
  /** The distinct characters that forced UCS-2 (empty for GSM-7). */
  unicodeCharacters: string[];
}

export function countSegments(body: string, opts: { smartEncoding?: boolean } = {}): SegmentCount {
  if (body === '') return { encoding: 'GSM-7', segments: 0, characters: 0, unicodeCharacters: [] };
  const message = new SegmentedMessage(body, 'auto', opts.smartEncoding ?? false);
  return {
    encoding: message.encodingName,
    segments: message.segmentsCount,
    characters: body.length,
    unicodeCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

export type BodyValidation =
  ({ ok: true } & SegmentCount) | { ok: false; reason: 'empty' | 'too_long'; message: string };

export function validateBody(body: string, opts: { smartEncoding?: boolean } = {}): BodyValidation {
  if (body.trim() === '') return { ok: false, reason: 'empty', message: 'message body is empty' };
  if (body.length > MAX_BODY_CHARACTERS) {
    return {
      ok: false,
      reason: 'too_long',
      message: `message body is ${body.length} characters; the limit is ${MAX_BODY_CHARACTERS}`,
    };
  }
  return { ok: true, ...countSegments(body, opts) };
}
