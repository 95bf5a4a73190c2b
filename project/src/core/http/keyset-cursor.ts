import { AppError } from 'src/core/errors/app-error';

/**
 * Where a keyset page ends: the last row's sort time, as PostgreSQL prints it (microseconds kept: a JS Date
 * would cut them and skip rows of the same millisecond), and its id, the tie-breaker.
 */
export interface KeysetPosition {
  at: string;
  id: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at}|${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; a 400 naming `cursor` when it is not one this API gave out. */
export function decodeCursor(cursor: string): KeysetPosition {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const n = Number(id);
  if (rest.length > 0 || !at || !TIMESTAMP.test(at) || !Number.isSafeInteger(n) || n < 1) {
    throw AppError.validation('cursor', "is not a cursor from this list's nextCursor");
  }
  return { at, id: n };
}
