import { parsePhoneNumberFromString } from 'libphonenumber-js';

const numberFmt = new Intl.NumberFormat('en-US');

export function formatNumber(value: number | null | undefined): string {
  return numberFmt.format(value ?? 0);
}

export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  const v = Number.isFinite(fraction ?? NaN) ? (fraction as number) : 0;
  return `${(v * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}

/**
 * Money as the user thinks of it. Twilio reports prices as negative decimal strings
 * ("-0.00790") for money spent; show the amount spent.
 */
export function formatCost(value: number | string | null | undefined, unit = 'USD'): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Math.abs(Number(value));
  if (!Number.isFinite(n)) return '—';
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: unit.toUpperCase(),
      minimumFractionDigits: 2,
      maximumFractionDigits: n > 0 && n < 1 ? 4 : 2,
    }).format(n);
  } catch {
    return `${n.toFixed(4)} ${unit}`;
  }
}

/**
 * "Dec 5, 2026, 10:00:00 AM EST": always with its zone, in `timeZone` (the SubAccount's, for schedules and
 * quiet hours) or the browser's; a time without a zone reads as the wrong hour to someone elsewhere.
 */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });
}

/** "Nov 25, 10:15 PM", with the year only when it is not this year. */
export function formatShortDateTime(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString('en-US', {
    year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '—';
  const diff = (t - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return rtf.format(Math.round(diff), 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 26 * 86400) return rtf.format(Math.round(diff / 86400), 'day');
  return formatDate(iso);
}

/** E.164 shown the international way: +1 415 555 2671. Anything unparsable is shown as stored. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '—';
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Statuses after which Twilio charges: the price comes later (Twilio's list), so until then it is pending. */
const CHARGED = ['sent', 'delivered', 'undelivered'];

/** A message's price: "Pending" while Twilio has not reported it yet (not $0, not nothing). */
export function formatMessagePrice(m: {
  price: string | number | null;
  priceUnit?: string | null;
  status: string;
}): string {
  if ((m.price === null || m.price === '') && CHARGED.includes(m.status)) return 'Pending';
  return formatCost(m.price, m.priceUnit ?? 'USD');
}
