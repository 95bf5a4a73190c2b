'use client';

import { useCallback, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/** A cursor-paged table's place: the page's cursor and, comma-separated, the cursors of the pages before it. */
const CURSOR_KEYS = ['cursor', 'back'] as const;

export type UrlUpdate = Record<string, string | number | null | undefined>;

/**
 * Table filters and page live in the URL, so a view can be shared and survives a reload.
 * `set` replaces the history entry; changing any filter sends the table back to page 1 (or its first cursor page).
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

  /** A cursor-paged table: its page size, the page's cursor (none: the first page) and the cursors before it. */
  const getCursorPage = useCallback(() => {
    const back = searchParams.get('back');
    return {
      limit: getPage().limit,
      cursor: searchParams.get('cursor') ?? undefined,
      back: back ? back.split(',') : [],
    };
  }, [getPage, searchParams]);

  const set = useCallback(
    (updates: UrlUpdate, { resetPage = true }: { resetPage?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(updates)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage && !('page' in updates)) next.delete('page');
      if (resetPage && !('cursor' in updates)) for (const key of CURSOR_KEYS) next.delete(key);
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );

  return useMemo(
    () => ({ get, getNumber, getPage, getCursorPage, set, searchParams }),
    [get, getNumber, getPage, getCursorPage, set, searchParams],
  );
}
