import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** PostgreSQL's text of a timestamptz in a UTC session: `2026-12-05 07:12:34.123456+00`. */
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as the driver gives it (text on both drivers) printed as `Date#toISOString` prints it: milliseconds,
 * cut not rounded, and `Z`. Without the Date in between: parsing and printing one costs ~0.7 µs, this ~0.1 µs, and a
 * page of 20 messages has 100 of them. Any other text (a session in another time zone, a year past 9999) goes
 * through a Date, so the answer is the same either way.
 */
export function isoFromDriver(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const m = UTC_TEXT.exec(text);
  if (!m) return new Date(text).toISOString();
  return `${m[1]}T${m[2]}.${`${m[3] ?? ''}000`.slice(0, 3)}Z`;
}

type IsoOf<C extends PgColumn> = C['_']['notNull'] extends true ? string : string | null;

/** A timestamptz column selected as its ISO 8601 text (see isoFromDriver), for rows that go straight to JSON. */
export const isoTime = <C extends PgColumn>(column: C): SQL<IsoOf<C>> =>
  sql<IsoOf<C>>`${column}`.mapWith(isoFromDriver);
