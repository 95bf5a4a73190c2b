/** Helpers to schedule "at 09:00 in America/Chicago" regardless of the browser's own zone. */

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function supportedTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.('timeZone');
    if (zones && zones.length) return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    // older engines
  }
  return [
    'UTC',
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Los_Angeles',
    'Europe/London',
    'Europe/Paris',
  ];
}

/** Offset of `timeZone` from UTC at `date`, in minutes (e.g. -300 for New York in winter). */
export function timeZoneOffsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - date.getTime()) / 60000);
}

function pad(n: number): string {
  return String(Math.abs(n)).padStart(2, '0');
}

/**
 * A wall-clock time typed into `<input type="datetime-local">` ("2030-01-31T09:00"), read in
 * `timeZone`, as ISO 8601 with that zone's offset ("2030-01-31T09:00:00-06:00").
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Two passes settle the offset across a DST change.
  let offset = timeZoneOffsetMinutes(new Date(wall), timeZone);
  offset = timeZoneOffsetMinutes(new Date(wall - offset * 60000), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const oh = Math.floor(Math.abs(offset) / 60);
  const om = Math.abs(offset) % 60;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${sign}${pad(oh)}:${pad(om)}`;
}

/** The inverse: an instant as the wall-clock value a datetime-local input shows in `timeZone`. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const offset = timeZoneOffsetMinutes(date, timeZone);
  const wall = new Date(date.getTime() + offset * 60000);
  return wall.toISOString().slice(0, 16);
}
