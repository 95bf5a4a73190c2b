import type { QueryParams } from '@/types/api';

export const API_BASE = '/api';

/** Where the typed clients send requests: this page's origin (Next rewrites /api/* to the API). */
export const API_ORIGIN = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;

/** `?a=1&b=2` from the params that have a value (undefined, null and '' are left out). */
export function buildQuery(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `?${qs}` : '';
}

export function apiUrl(path: string, params?: QueryParams): string {
  return `${API_BASE}${path}${buildQuery(params)}`;
}
