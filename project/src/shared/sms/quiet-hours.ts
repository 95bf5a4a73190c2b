import { getCountry } from 'countries-and-timezones';
import parsePhoneNumber from 'libphonenumber-js/max';

export interface QuietHours {
  enabled: boolean;
  /** Local time the window opens, "HH:MM". */
  start: string;
  /** Local time it ends, "HH:MM" (before start: the window runs past midnight). */
  end: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which a window starts. */
  days: number[];
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  minutes: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localTime(instant: Date, timeZone: string): LocalTime & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour,
    minute,
    second: Number(parts.second),
    minutes: hour * 60 + minute,
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** The instant a local wall-clock time happens in a zone (a time skipped by DST moves forward past the gap). */
export function zonedTime(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  let utc = wall;
  for (let i = 0; i < 3; i++) {
    const l = localTime(new Date(utc), timeZone);
    const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
    utc = wall - (asUtc - utc);
  }
  return new Date(utc);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function addDays(l: LocalTime, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * When `now` falls inside the quiet window in `timeZone`, the instant the window ends; otherwise null.
 * A window that runs past midnight belongs to the day it started on.
 */
export function quietUntil(now: Date, timeZone: string, q: QuietHours): Date | null {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== answers.minute) answers.byWindow.clear();
  answers.minute = minute;
  const key = `${timeZone}|${q.enabled}|${q.start}|${q.end}|${q.days.join(',')}`;
  let until = answers.byWindow.get(key);
  if (until === undefined) answers.byWindow.set(key, (until = computeQuietUntil(now, timeZone, q)));
  return until && new Date(until);
}

/**
 * quietUntil's answers in the current minute, per zone and window: they cannot change within it (windows are
 * in whole minutes, zones' offsets too), and each costs up to four Intl formats, a few % of a send's CPU.
 */
const answers = { minute: -1, byWindow: new Map<string, Date | null>() };

function computeQuietUntil(now: Date, timeZone: string, q: QuietHours): Date | null {
  const start = toMinutes(q.start);
  const end = toMinutes(q.end);
  if (!q.enabled || start === end) return null;
  const l = localTime(now, timeZone);
  const startedOn = (weekday: number) => q.days.includes(weekday);
  const yesterday = ((l.weekday + 5) % 7) + 1;
  if (start < end) {
    if (l.minutes >= start && l.minutes < end && startedOn(l.weekday))
      return zonedTime(l.year, l.month, l.day, end, timeZone);
    return null;
  }
  if (l.minutes >= start && startedOn(l.weekday)) {
    const t = addDays(l, 1);
    return zonedTime(t.year, t.month, t.day, end, timeZone);
  }
  if (l.minutes < end && startedOn(yesterday)) return zonedTime(l.year, l.month, l.day, end, timeZone);
  return null;
}

/** The recipient's zone: the lead's, else the number's country when it has one zone, else the SubAccount's. */
export function recipientTimeZone(
  e164: string,
  leadTimeZone: string | null | undefined,
  subAccountTimeZone: string,
): string {
  if (leadTimeZone) return leadTimeZone;
  const country = parsePhoneNumber(e164)?.country;
  const zones = country ? getCountry(country)?.timezones : undefined;
  return zones?.length === 1 ? zones[0]! : subAccountTimeZone;
}
