import { SegmentedMessage } from 'sms-segments-calculator';
import UNICODE_TO_GSM from 'sms-segments-calculator/dist/libs/UnicodeToGSM';

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
  const simple = opts.smartEncoding ? undefined : countSimpleSegments(body);
  if (simple) return simple;
  const message = new SegmentedMessage(body, 'auto', opts.smartEncoding ?? false);
  return {
    encoding: message.encodingName,
    segments: message.segmentsCount,
    characters: body.length,
    unicodeCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

// Septets per UTF-16 code unit in GSM-7 (1 basic, 2 extension table), 0 when not GSM-7: the calculator's own table.
const GSM_SEPTETS = new Uint8Array(0x10000);
for (const [code, units] of Object.entries(UNICODE_TO_GSM)) GSM_SEPTETS[Number(code)] = units.length;

/** Letters that never join a neighbour into one grapheme: Latin (before the combining marks), Greek, Cyrillic. */
const standsAlone = (c: number) => c < 0x0300 || (c >= 0x0370 && c < 0x0483) || (c >= 0x048a && c < 0x0530);

/**
 * The calculator's result without its grapheme splitting, for bodies where every UTF-16 unit is its own
 * character (a bulk import counts a million rendered rows). Same packing: 160 septets or 70 UCS-2 units in
 * one segment; beyond that 153 septets (an extension character never split) or 67 units per segment.
 * Undefined when the body needs the full calculator (emoji, combining marks, other scripts).
 */
function countSimpleSegments(body: string): SegmentCount | undefined {
  let septets = 0;
  let extended = false;
  let unicode: Set<string> | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const size = GSM_SEPTETS[c];
    if (size === 0) {
      if (!standsAlone(c)) return undefined;
      (unicode ??= new Set()).add(body[i]);
    } else {
      septets += size;
      extended ||= size === 2;
    }
  }
  if (unicode) {
    const units = body.length;
    return {
      encoding: 'UCS-2',
      segments: units <= 70 ? 1 : Math.ceil(units / 67),
      characters: units,
      unicodeCharacters: [...unicode],
    };
  }
  let segments = 1;
  if (septets > 160 && !extended) segments = Math.ceil(septets / 153);
  else if (septets > 160) {
    let used = 0;
    for (let i = 0; i < body.length; i++) {
      const size = GSM_SEPTETS[body.charCodeAt(i)];
      if (used + size > 153) {
        segments += 1;
        used = 0;
      }
      used += size;
    }
  }
  return { encoding: 'GSM-7', segments, characters: body.length, unicodeCharacters: [] };
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
