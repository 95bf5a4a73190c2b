import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { CursorPagination } from '@/components/common/cursor-pagination';
import type { useUrlState } from '@/lib/use-url-state';

type UrlState = ReturnType<typeof useUrlState>;

/** A URL state holding `cursor` and `back`, recording what the table asks to set. */
function fakeUrl(place: { cursor?: string; back?: string[] }) {
  const set = vi.fn();
  const url = {
    getCursorPage: () => ({ limit: 10, cursor: place.cursor, back: place.back ?? [] }),
    set,
  } as unknown as UrlState;
  return { url, set };
}

const page = (over: Partial<{ total: number; totalExact: boolean; nextCursor: string | null }> = {}) => ({
  items: Array.from({ length: 10 }, (_, i) => i),
  total: 35,
  totalExact: true,
  nextCursor: 'c2',
  ...over,
});

describe(CursorPagination.name, () => {
  it('says "more than 1,000" when the total is an estimate, and the exact total otherwise', () => {
    const { url } = fakeUrl({});
    const { rerender } = render(
      <CursorPagination url={url} data={page({ total: 48213, totalExact: false })} limit={10} />,
    );
    expect(screen.getByTestId('pagination-range').textContent).toBe('1–10 of more than 1,000');
    rerender(<CursorPagination url={url} data={page({ total: 101, totalExact: false })} limit={10} exactUpTo={100} />);
    expect(screen.getByTestId('pagination-range').textContent).toBe('1–10 of more than 100');
    rerender(<CursorPagination url={url} data={page()} limit={10} />);
    expect(screen.getByTestId('pagination-range').textContent).toBe('1–10 of 35');
  });

  it('goes to the next cursor, pushing where it was, and back to the previous one', () => {
    const first = fakeUrl({});
    render(<CursorPagination url={first.url} data={page()} limit={10} />);
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(first.set).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(first.set).toHaveBeenCalledWith({ cursor: 'c2', back: '-' }, { resetPage: false });

    const third = fakeUrl({ cursor: 'c3', back: ['-', 'c2'] });
    render(<CursorPagination url={third.url} data={page({ nextCursor: null })} limit={10} />);
    expect(screen.getByText('Page 3')).toBeTruthy();
    expect(screen.getAllByTestId('pagination-range').at(-1)!.textContent).toBe('21–30 of 35');
    expect(screen.getAllByRole('button', { name: 'Next page' }).at(-1)!.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getAllByRole('button', { name: 'Previous page' }).at(-1)!);
    expect(third.set).toHaveBeenCalledWith({ cursor: 'c2', back: '-' }, { resetPage: false });
  });

  it('returns to the first page from the second, and shows no number when the stack was cut', () => {
    const second = fakeUrl({ cursor: 'c2', back: ['-'] });
    render(<CursorPagination url={second.url} data={page()} limit={10} />);
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(second.set).toHaveBeenCalledWith({ cursor: null, back: null }, { resetPage: false });

    const cut = fakeUrl({ cursor: 'c60', back: ['c58', 'c59'] });
    render(<CursorPagination url={cut.url} data={page()} limit={10} />);
    expect(screen.getAllByTestId('pagination-range').at(-1)!.textContent).toBe('10 rows of 35');
  });
});
