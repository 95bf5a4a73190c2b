import type { FieldError } from './app-error';

export const INT4_MAX = 2_147_483_647;
const INT4_MIN = -2_147_483_648;

/** Keys that reach Object.prototype when an object is merged or assigned key by key. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Characters that print as nothing: a value made only of these (and spaces) is blank to a reader. */
const INVISIBLE =
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
const HAS_INVISIBLE_ONLY_MARK =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;
/** Half of a surrogate pair standing alone (JSON's "\ud800"): no UTF-8 text, so no database column, can hold it. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

export interface InputRuleOptions {
  /** Refuse strings made only of invisible characters (DTO fields; not raw webhook parameters). */
  visibleText: boolean;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Problems no DTO should have to repeat: NUL bytes and unpaired surrogates (PostgreSQL text cannot hold
 * them), prototype keys, and text that is there but invisible. Walks without recursion, so depth costs no stack.
 */
export function inputProblems(value: unknown, root: string, options: InputRuleOptions): FieldError[] {
  const problems: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && problems.length < 20) {
    const [v, path] = stack.pop()!;
    const field = path || 'body';
    if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push({ field, message: 'must not contain NUL (\\u0000) characters' });
      else if (UNPAIRED_SURROGATE.test(v)) {
        problems.push({
          field,
          message: 'must be valid Unicode text (it holds half of a surrogate pair, e.g. \\ud800)',
        });
      } else if (options.visibleText && HAS_INVISIBLE_ONLY_MARK.test(v) && v.replace(INVISIBLE, '') === '') {
        problems.push({ field, message: 'must contain visible characters, not only zero-width or blank ones' });
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, join(path, String(i))]));
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) problems.push({ field: join(path, key), message: 'is not an allowed name' });
        else if (key.includes('\u0000')) problems.push({ field, message: 'names must not contain NUL characters' });
        else stack.push([(v as Record<string, unknown>)[key], join(path, key)]);
      }
    }
  }
  return problems;
}

/** Whole numbers that no int4 column (ids, counts, page numbers) can hold. */
export function int4Problems(value: unknown, root: string): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<unknown>();
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && problems.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'number') {
      if (Number.isInteger(v) && (v > INT4_MAX || v < INT4_MIN)) {
        problems.push({ field: path || 'body', message: `must be between ${INT4_MIN} and ${INT4_MAX}` });
      }
    } else if (v !== null && typeof v === 'object' && !(v instanceof Date) && !seen.has(v)) {
      seen.add(v);
      for (const [key, item] of Object.entries(v)) stack.push([item, join(path, key)]);
    }
  }
  return problems;
}
