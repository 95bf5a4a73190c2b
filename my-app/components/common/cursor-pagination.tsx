'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { PageSizeSelect } from '@/components/common/data-pagination';
import { Button } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';
import type { useUrlState } from '@/lib/use-url-state';
import type { Paginated } from '@/types/api';

/** The API counts a list exactly up to this many rows; past it the total is an estimate. */
export const TOTAL_EXACT_UP_TO = 1000;
/** A message search is counted exactly only this far. */
export const SEARCH_TOTAL_EXACT_UP_TO = 100;
/** Previous pages remembered in the URL; further back, Previous returns to the first page. */
const MAX_BACK = 50;
/** The first page's place in the stack (it has no cursor; never a cursor's text). */
const FIRST = '-';

type UrlState = ReturnType<typeof useUrlState>;

/** "of 1,234", or "of more than 1,000" when the API only estimated the total. */
export function totalLabel(total: number, totalExact: boolean | undefined, exactUpTo = TOTAL_EXACT_UP_TO): string {
  return totalExact === false ? `more than ${formatNumber(exactUpTo)}` : formatNumber(total);
}

/**
 * Next / previous for a list the API pages by cursor: the page's cursor and the cursors before it live in the
 * URL (`cursor`, `back`), so a page can be shared and reloaded, and Previous walks back the stack.
 */
export function CursorPagination({
  url,
  data,
  limit,
  exactUpTo,
  showLimit = true,
}: {
  url: UrlState;
  data: Pick<Paginated<unknown>, 'items' | 'total' | 'totalExact' | 'nextCursor'>;
  limit: number;
  /** The exact-count cap of this list (history searches: 100). */
  exactUpTo?: number;
  showLimit?: boolean;
}) {
  const { cursor, back } = url.getCursorPage();
  // The page's number is known when the stack reaches back to the first page.
  const pageNumber = !cursor ? 1 : back[0] === FIRST ? back.length + 1 : undefined;
  const first = pageNumber === undefined ? undefined : (pageNumber - 1) * limit + 1;
  const shown = data.items.length;

  const go = (to: { cursor: string | null; back: string[] }) =>
    url.set({ cursor: to.cursor, back: to.back.length ? to.back.join(',') : null }, { resetPage: false });
  const next = () =>
    data.nextCursor && go({ cursor: data.nextCursor, back: [...back, cursor ?? FIRST].slice(-MAX_BACK) });
  const previous = () => {
    const to = back.at(-1);
    go({ cursor: to && to !== FIRST ? to : null, back: back.slice(0, -1) });
  };

  const range =
    shown === 0
      ? 'No results'
      : first === undefined
        ? `${formatNumber(shown)} rows of ${totalLabel(data.total, data.totalExact, exactUpTo)}`
        : `${formatNumber(first)}–${formatNumber(first + shown - 1)} of ${totalLabel(data.total, data.totalExact, exactUpTo)}`;

  return (
    <nav
      aria-label="Pagination"
      className="flex flex-col-reverse items-center justify-between gap-3 pt-3 text-sm sm:flex-row"
    >
      <p className="text-muted-foreground" aria-live="polite" data-testid="pagination-range">
        {range}
      </p>
      <div className="flex items-center gap-2">
        {showLimit && <PageSizeSelect limit={limit} onChange={(n) => url.set({ limit: n })} />}
        <Button variant="outline" size="sm" onClick={previous} disabled={!cursor} aria-label="Previous page">
          <ChevronLeft />
        </Button>
        {pageNumber !== undefined && <span className="min-w-14 text-center tabular-nums">Page {pageNumber}</span>}
        <Button variant="outline" size="sm" onClick={next} disabled={!data.nextCursor} aria-label="Next page">
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}
