import { SegmentedMessage } from 'sms-segments-calculator';
import type { SmsEncoding } from '@/types/sms';

/** Twilio refuses bodies longer than this many characters. */
export const MAX_SMS_CHARACTERS = 1600;

export interface MessageAnalysis {
  /** Code units as the carrier counts them: GSM-7 septets (an extension char like € is 2) or UTF-16 units. */
  units: number;
  encoding: SmsEncoding;
  segments: number;
  /** Units one segment holds at this length: 160/70 alone, 153/67 when concatenated. */
  perSegment: number;
  /** Units left before the message needs another segment. */
  remaining: number;
  /** The characters that forced UCS-2, in order of appearance, without repeats. */
  unicodeCharacters: string[];
  /** Characters of the body as JavaScript counts them (for the 1600 limit). */
  length: number;
}

/**
 * Counts an SMS the way Twilio bills it, with Twilio's own segment calculator.
 * Template placeholders are counted as typed; the rendered text may differ per recipient.
 */
export function analyzeMessage(body: string): MessageAnalysis {
  if (!body) {
    return {
      units: 0,
      encoding: 'GSM-7',
      segments: 0,
      perSegment: 160,
      remaining: 160,
      unicodeCharacters: [],
      length: 0,
    };
  }
  const msg = new SegmentedMessage(body, 'auto');
  const encoding = msg.encodingName;
  const bitsPerUnit = encoding === 'GSM-7' ? 7 : 16;
  const units = Math.round(msg.messageSize / bitsPerUnit);
  const segments = msg.segmentsCount;
  const single = encoding === 'GSM-7' ? 160 : 70;
  const multi = encoding === 'GSM-7' ? 153 : 67;
  const perSegment = segments <= 1 ? single : multi;
  const remaining = Math.max(0, (segments <= 1 ? single : segments * multi) - units);
  const unicodeCharacters = encoding === 'UCS-2' ? Array.from(new Set(msg.getNonGsmCharacters())) : [];
  return { units, encoding, segments, perSegment, remaining, unicodeCharacters, length: body.length };
}

/** How to show a character in a sentence: visible ones as themselves, invisible ones by code point. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/^\s$/u.test(ch) || cp < 0x20 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) {
    return hex;
  }
  return `“${ch}”`;
}
