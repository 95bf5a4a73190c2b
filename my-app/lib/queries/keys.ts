import type { QueryParams } from '@/types/api';

/** A list the API pages by keyset: the previous answer's nextCursor (none: the first page). */
export interface CursorParams {
  cursor?: string;
}

/** Drops empty values so equal filters produce equal keys. */
export function cleanParams<T extends object>(params: T | undefined): QueryParams {
  const out: QueryParams = {};
  if (!params) return out;
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = v as QueryParams[string];
  }
  return out;
}
