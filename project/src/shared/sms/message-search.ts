/**
 * What a history search box term means. A term made of digits and phone punctuation ("212 250", "(212) 250-12",
 * "+1 212.250") with at least 3 digits also searches numbers by their digits, whatever the format typed: numbers
 * are stored in E.164 ("+12122501234"), so the digits are a substring of it. Any term searches message bodies.
 */
export interface MessageSearch {
  /** Digits to find inside the phone number, or null when the term is not phone-like. */
  phoneDigits: string | null;
  /** Text to find in the body (case-insensitive), or null for an empty term. */
  text: string | null;
  /**
   * The term holds a number that every body holding it has (sms_message_search.numbers, migration 0012): a run of
   * digits with a non-digit on each side, or a last run of 5 digits or more after a non-digit (a number's start).
   */
  hasIndexedNumber: boolean;
}

const PHONE_LIKE = /^[\d\s()+.-]+$/;
const MIN_PHONE_DIGITS = 3;
/** sms_search_numbers_query's runs, as PostgreSQL splits them on [^0-9] (JavaScript's \d is [0-9] too). */
const INDEXED_NUMBER = /\D\d{1,100}\D|\D\d{5,100}$/;

export function parseMessageSearch(term: string | undefined): MessageSearch {
  const text = term?.trim() ?? '';
  if (!text) return { phoneDigits: null, text: null, hasIndexedNumber: false };
  const digits = text.replace(/\D/g, '');
  const phoneDigits = PHONE_LIKE.test(text) && digits.length >= MIN_PHONE_DIGITS ? digits : null;
  return { phoneDigits, text, hasIndexedNumber: INDEXED_NUMBER.test(text) };
}
