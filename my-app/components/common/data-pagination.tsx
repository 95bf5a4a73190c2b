'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { formatNumber } from '@/lib/format';
import { useUrlState } from '@/lib/use-url-state';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The "rows per page" choice of both paginations. */
export function PageSizeSelect({ limit, onChange }: { limit: number; onChange: (limit: number) => void }) {
  return (
    <Select value={String(limit)} onValueChange={(v) => onChange(Number(v))}>
      <SelectTrigger size="sm" className="w-[7.5rem]" aria-label="Rows per page">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {PAGE_SIZES.map((n) => (
          <SelectItem key={n} value={String(n)}>
            {n} / page
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** Page numbers for the lists the API pages by offset; cursor-paged lists use CursorPagination. */
export function DataPagination({
  page,
  limit,
  total,
  totalExact = true,
  onPageChange,
  onLimitChange,
}: {
  page: number;
  limit: number;
  total: number;
  /** false: total is an estimate (shown as "about"). */
  totalExact?: boolean;
  onPageChange: (page: number) => void;
  onLimitChange?: (limit: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : (page - 1) * limit + 1;
  const last = Math.min(total, page * limit);
  const about = totalExact ? '' : 'about ';
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-col-reverse items-center justify-between gap-3 pt-3 text-sm sm:flex-row"
    >
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0 ? 'No results' : `${formatNumber(first)}–${formatNumber(last)} of ${about}${formatNumber(total)}`}
      </p>
      <div className="flex items-center gap-2">
        {onLimitChange && <PageSizeSelect limit={limit} onChange={onLimitChange} />}
        <Button
          variant="outline"
          size="sm"
          onClick={() => onPageChange(page - 1)}
          disabled={page <= 1}
          aria-label="Previous page"
        >
          <ChevronLeft />
        </Button>
        <span className="min-w-20 text-center tabular-nums">
          Page {page} of {about}
          {pages}
        </span>
        <Button
          variant="outline"
          size="sm"
          onClick={() => onPageChange(page + 1)}
          disabled={page >= pages}
          aria-label="Next page"
        >
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}

/** DataPagination over the page and page size in the URL (`useUrlState().getPage()`); nothing until `total` is known. */
export function UrlPagination({ total }: { total: number | undefined }) {
  const url = useUrlState();
  const { page, limit } = url.getPage();
  if (total === undefined) return null;
  return (
    <DataPagination
      page={page}
      limit={limit}
      total={total}
      onPageChange={(p) => url.set({ page: p }, { resetPage: false })}
      onLimitChange={(l) => url.set({ limit: l })}
    />
  );
}
