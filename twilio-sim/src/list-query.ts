import { apiError } from './errors';

const DAY_MS = 86_400_000;

/** Inclusive bounds on date_sent, in ms. */
export interface SentRange {
  from: number;
  to: number;
}

export interface ListQuery {
  to?: string;
  from?: string;
  sent?: SentRange;
  pageSize: number;
  page: number;
  token?: { direction: 'older' | 'newer'; sid: string };
  /** Filter part of the query string, echoed into the page URIs. */
  filterQuery: string;
}

interface ParsedDate {
  ms: number;
  dateOnly: boolean;
}

function parseDate(name: string, value: string): ParsedDate {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw apiError(400, 20001, `Invalid value for ${name}: ${value}`);
  return { ms, dateOnly };
}

function dayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** DateSent = that UTC day; DateSent> = on or after; DateSent< = on or before (a date means the whole day). */
function sentRange(params: URLSearchParams): SentRange | undefined {
  let range: SentRange | undefined;
  const narrow = (from: number, to: number): void => {
    range = { from: Math.max(range?.from ?? -Infinity, from), to: Math.min(range?.to ?? Infinity, to) };
  };
  const exact = params.get('DateSent');
  if (exact !== null) {
    const start = dayStart(parseDate('DateSent', exact).ms);
    narrow(start, start + DAY_MS - 1);
  }
  const after = params.get('DateSent>');
  if (after !== null) {
    const d = parseDate('DateSent>', after);
    narrow(d.dateOnly ? dayStart(d.ms) : d.ms, Infinity);
  }
  const before = params.get('DateSent<');
  if (before !== null) {
    const d = parseDate('DateSent<', before);
    narrow(-Infinity, d.dateOnly ? dayStart(d.ms) + DAY_MS - 1 : d.ms);
  }
  return range;
}

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw apiError(400, 20001, `Invalid value for ${name}: ${raw}`);
  }
  return value;
}

function pageToken(raw: string | null): ListQuery['token'] {
  if (raw === null || raw === '') return undefined;
  const match = /^P([AB])(\w+)$/.exec(raw);
  if (!match) throw apiError(400, 20001, `Invalid PageToken: ${raw}`);
  return { direction: match[1] === 'A' ? 'older' : 'newer', sid: match[2] };
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const filterParts: string[] = [];
  for (const name of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
    const value = params.get(name);
    if (value !== null) filterParts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return {
    to: params.get('To') ?? undefined,
    from: params.get('From') ?? undefined,
    sent: sentRange(params),
    pageSize: intParam(params, 'PageSize', 50, 1, 1000),
    page: intParam(params, 'Page', 0, 0, Number.MAX_SAFE_INTEGER),
    token: pageToken(params.get('PageToken')),
    filterQuery: filterParts.join('&'),
  };
}
