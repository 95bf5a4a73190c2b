/**
 * The API, typed from its own OpenAPI document (types/api.generated.ts, `npm run api:types`), called
 * through openapi-fetch. The one wrapper keeps what lib/api-client.ts promises: the session's headers,
 * one shared token refresh and one retry on a 401, and every failure thrown as `ApiError`.
 */
import createClient from 'openapi-fetch';
import { ApiError, authHeaders, endSession, refreshSession, toApiError } from '@/lib/api-client';
import type { components, paths } from '@/types/api.generated';

/** A schema of the OpenAPI document by name: `Schema<'SmsSettingsDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

const NO_REFRESH = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];

function withSession(request: Request): Request {
  const next = new Request(request);
  for (const [name, value] of Object.entries(authHeaders())) next.headers.set(name, value);
  return next;
}

async function sessionFetch(request: Request): Promise<Response> {
  // Kept before the first attempt consumes the body, for the retry after a refresh.
  const retry = request.clone();
  let res: Response;
  try {
    res = await fetch(withSession(request));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Cannot reach the server. Check your connection and try again.',
    });
  }
  if (res.status === 401 && !NO_REFRESH.includes(new URL(request.url).pathname)) {
    if (!(await refreshSession())) {
      endSession();
      throw await toApiError(res);
    }
    res = await fetch(withSession(retry));
    if (res.status === 401) endSession();
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

export const typedApi = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  fetch: sessionFetch,
});

/** The body of a successful call (failures were thrown as ApiError by sessionFetch). */
export async function dataOf<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
