export type DelayUnit = 'minutes' | 'hours' | 'days';

const PER_UNIT: Record<DelayUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** The largest whole unit a delay is written in: 1440 -> 1 day, 90 -> 90 minutes. */
export function splitDelay(minutes: number): { amount: number; unit: DelayUnit } {
  if (minutes > 0 && minutes % PER_UNIT.days === 0) return { amount: minutes / PER_UNIT.days, unit: 'days' };
  if (minutes > 0 && minutes % PER_UNIT.hours === 0) return { amount: minutes / PER_UNIT.hours, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

export const toMinutes = (amount: number, unit: DelayUnit) => Math.round(amount * PER_UNIT[unit]);

export function formatDelay(minutes: number): string {
  if (minutes === 0) return 'at once';
  const { amount, unit } = splitDelay(minutes);
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** 540 -> "09:00". */
export const minuteToTime = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** "09:00" -> 540. */
export const timeToMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function formatWindow(start: number | null, end: number | null): string | null {
  if (start === null || end === null) return null;
  return `${minuteToTime(start)}–${minuteToTime(end)}`;
}

const STOP_REASONS: Record<string, string> = {
  replied: 'The lead replied',
  opted_out: 'The number opted out',
  strategy_changed: "The lead's strategy changed",
  manual: 'Stopped by hand',
  no_phone: 'The lead has no phone number',
  invalid_phone: "The lead's phone number is invalid",
  invalid_message: 'The message was refused',
  spending_cap: 'The monthly spending cap was reached',
  template_deleted: 'The template was deleted',
  lead_deleted: 'The lead was deleted',
  error: 'A step failed 5 times in a row (see the server log)',
};

export function describeStopReason(reason: string | null): string {
  if (!reason) return 'Stopped';
  if (reason.startsWith('status:')) return `The lead became ${reason.slice('status:'.length)}`;
  if (reason.startsWith('missing_variables'))
    return `The template needs ${reason.split(': ')[1] ?? 'a value the lead lacks'}`;
  return STOP_REASONS[reason] ?? reason;
}
