import type { QueryParams } from '@/types/api';

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
