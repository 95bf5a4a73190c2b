/**
 * The signed-in session as the API sees it: the headers every call carries, one shared token refresh, and
 * the way out when it cannot be renewed.
 */
import createClient from 'openapi-fetch';
import { API_ORIGIN } from '@/lib/api/url';
import { authStorage } from '@/lib/auth-storage';
import type { paths } from '@/types/api.generated';

// Without the session wrapper: a refresh must never itself trigger a refresh.
const plainApi = createClient<paths>({ baseUrl: API_ORIGIN, fetch: (request) => fetch(request) });

let refreshInFlight: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new pair. Concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  if (refreshInFlight) return refreshInFlight;
  const refreshToken = authStorage.getRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshInFlight = (async () => {
    try {
      const { data } = await plainApi.POST('/api/auth/refresh', { body: { refreshToken } });
      if (!data) return false;
      authStorage.setTokens(data.accessToken, data.refreshToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/** The session cannot be renewed: forget it and go to the login page, coming back here after. */
export function endSession(): void {
  authStorage.clearTokens();
  if (typeof window === 'undefined') return;
  const { pathname, search } = window.location;
  if (pathname.startsWith('/login')) return;
  const next = encodeURIComponent(pathname + search);
  window.location.assign(`/login?next=${next}`);
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = authStorage.getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const subAccountId = authStorage.getSubAccountId();
  if (subAccountId) headers['X-SubAccount-Id'] = String(subAccountId);
  return headers;
}

/** Calls that must not try a refresh on a 401 (they are the session's own). */
export const NO_REFRESH_PATHS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];
