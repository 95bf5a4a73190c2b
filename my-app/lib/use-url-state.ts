'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export type UrlUpdate = Record<string, string | number | null | undefined>;

/**
 * Table filters and page live in the URL, so a view can be shared and survives a reload.
 * `set` replaces the history entry; changing any filter sends the table back to page 1.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const get = useCallback((key: string): string | undefined => searchParams.get(key) ?? undefined, [searchParams]);

  const getNumber = useCallback(
    (key: string, fallback?: number): number | undefined => {
      const raw = searchParams.get(key);
      const n = raw === null ? NaN : Number(raw);
      return Number.isFinite(n) ? n : fallback;
    },
    [searchParams],
  );

  /** The table's page (from 1) and page size (1 to 100, 25 unless chosen). */
  const getPage = useCallback(
    () => ({
      page: Math.max(1, getNumber('page', 1)!),
      limit: Math.min(100, Math.max(1, getNumber('limit', 25)!)),
    }),
    [getNumber],
  );

  const set = useCallback(
    (updates: UrlUpdate, { resetPage = true }: { resetPage?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(updates)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage && !('page' in updates)) next.delete('page');
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );

  return useMemo(() => ({ get, getNumber, getPage, set, searchParams }), [get, getNumber, getPage, set, searchParams]);
}
