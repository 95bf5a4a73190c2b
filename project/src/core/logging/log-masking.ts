/** What a log line may not carry: recipients' numbers and message bodies (query parameters). */

const PHONE = /\+?\d{7,15}\b/g;

/** '+14155550201' -> '+1415***0201'. */
export function maskPhoneText(text: string): string {
  return text.replace(PHONE, (n) =>
    n.length <= 8 ? '*'.repeat(n.length - 2) + n.slice(-2) : `${n.slice(0, 5)}***${n.slice(-4)}`,
  );
}

/** A query parameter as a log may show it: numbers and flags as they are, text only by its length. */
export function maskParam(p: unknown): string {
  if (p === null || p === undefined || typeof p === 'number' || typeof p === 'boolean') return String(p);
  if (p instanceof Date) return p.toISOString();
  if (typeof p === 'string') return /^\+?\d{7,15}$/.test(p) ? maskPhoneText(p) : `<text, ${p.length} chars>`;
  return '<value>';
}

interface QueryFailure {
  query: string;
  params: unknown[];
  cause?: unknown;
  stack?: string;
}

const isQueryFailure = (e: unknown): e is QueryFailure =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as QueryFailure).query === 'string' &&
  Array.isArray((e as QueryFailure).params);

/** Free text with any `params: …` line hidden and phone numbers masked. */
export function maskLogText(text: string): string {
  return maskPhoneText(text.replace(/^params: .*$/gm, 'params: [hidden]'));
}

/** The text to log for an error: a failed query shows its SQL and masked parameters, never the values. */
export function describeError(e: unknown): string {
  if (isQueryFailure(e)) {
    const cause = e.cause instanceof Error ? e.cause.message : e.cause === undefined ? '' : String(e.cause);
    const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    return [
      `Failed query: ${e.query}`,
      `params: [${e.params.map(maskParam).join(', ')}]`,
      ...(cause ? [`cause: ${maskLogText(cause)}`] : []),
      ...frames,
    ].join('\n');
  }
  return maskLogText(e instanceof Error ? (e.stack ?? e.message) : String(e));
}
