/**
 * The API, typed from its own OpenAPI document (types/api.generated.ts, `npm run api:types -w my-app`), called
 * through openapi-fetch. The one wrapper: the session's headers, one shared token refresh and one retry on a
 * 401, and every failure thrown as `ApiError`, so callers only ever see the success body.
 */
import createClient from 'openapi-fetch';
import { networkError, toApiError } from '@/lib/api/api-error';
import { authHeaders, endSession, NO_REFRESH_PATHS, refreshSession } from '@/lib/api/session';
import { API_ORIGIN, buildQuery } from '@/lib/api/url';
import type { QueryParams } from '@/types/api';
import type { paths } from '@/types/api.generated';

export type { Schema } from '@/types/api';

function withSession(request: Request): Request {
  const next = new Request(request);
  for (const [name, value] of Object.entries(authHeaders())) next.headers.set(name, value);
  return next;
}

async function attempt(request: Request): Promise<Response> {
  try {
    return await fetch(withSession(request));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
}

async function sessionFetch(request: Request): Promise<Response> {
  // Kept before the first attempt consumes the body, for the retry after a refresh.
  const retry = request.clone();
  let res = await attempt(request);
  if (res.status === 401 && !NO_REFRESH_PATHS.includes(new URL(request.url).pathname)) {
    if (!(await refreshSession())) {
      endSession();
      throw await toApiError(res);
    }
    res = await attempt(retry);
    if (res.status === 401) endSession();
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

export const typedApi = createClient<paths>({
  baseUrl: API_ORIGIN,
  fetch: sessionFetch,
  // As the panel always sent them: a filter left empty ('' or null) is not sent at all.
  querySerializer: (query) => buildQuery(query as QueryParams).slice(1),
});

/** The body of a successful call (failures were thrown as ApiError by sessionFetch). */
export async function dataOf<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** A call answered with 204 (or whose body nobody reads). */
export async function done(call: Promise<{ response: Response }>): Promise<void> {
  await call;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** A file download (CSV exports) with the file name the API suggests. */
export async function fileOf(call: Promise<{ data?: Blob; response: Response }>): Promise<DownloadedFile> {
  const { data, response } = await call;
  return { blob: data ?? new Blob(), filename: filenameFrom(response.headers.get('content-disposition')) };
}

/**
 * EventSource cannot send headers, and a token in a URL lands in logs and history: the stream is opened
 * with a one-time ticket (30 s) that the API hands out for this session and SubAccount. Ask right before
 * opening, and again for every reopen.
 */
export async function streamUrl(path: '/api/notifications/stream' | `/api/sms/campaigns/${number}/events`) {
  const { ticket } = await dataOf(typedApi.POST('/api/auth/stream-ticket'));
  return `${path}${buildQuery({ ticket })}`;
}
