import { quietUntil } from 'src/shared/sms/quiet-hours';

export interface SendWindow {
  /** Minutes after local midnight the window opens. */
  startMinute: number;
  /** Minutes after local midnight it closes (before start: it runs past midnight). */
  endMinute: number;
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * `due` itself when it falls inside [start, end) in `timeZone`, else the next window start. The time outside
 * a send window is a daily quiet window [end, start), so the quiet-hours arithmetic (DST included) is reused.
 */
export function intoSendWindow(due: Date, timeZone: string, window: SendWindow | null): Date {
  if (!window || window.startMinute === window.endMinute) return due;
  const closed = { enabled: true, start: hhmm(window.endMinute), end: hhmm(window.startMinute), days: ALL_DAYS };
  return quietUntil(due, timeZone, closed) ?? due;
}

export function windowOf(step: {
  windowStartMinute: number | null;
  windowEndMinute: number | null;
}): SendWindow | null {
  if (step.windowStartMinute === null || step.windowEndMinute === null) return null;
  return { startMinute: step.windowStartMinute, endMinute: step.windowEndMinute };
}
