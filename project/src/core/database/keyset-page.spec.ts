import { describe, expect, it, vi } from 'vitest';
import { rowsAndTotal } from './keyset-page';

const counted = { total: 5000, totalExact: false };

describe('rowsAndTotal', () => {
  it('takes a first page that holds the whole list as its exact total, without counting', async () => {
    const count = vi.fn(() => Promise.resolve(counted));
    const page = await rowsAndTotal(Promise.resolve([1, 2, 3]), { page: 1, limit: 20 }, count);
    expect(page).toEqual({ rows: [1, 2, 3], total: 3, totalExact: true });
    expect(count).not.toHaveBeenCalled();
    expect(await rowsAndTotal(Promise.resolve([]), { page: 1, limit: 20 }, count)).toMatchObject({ total: 0 });
    expect(count).not.toHaveBeenCalled();
  });

  it('counts when a row follows the page, and on any later page (by cursor or number)', async () => {
    const count = vi.fn(() => Promise.resolve(counted));
    // keysetWindow reads limit + 1 rows: the extra one says more follow.
    expect(await rowsAndTotal(Promise.resolve([1, 2, 3]), { page: 1, limit: 2 }, count)).toMatchObject(counted);
    expect(await rowsAndTotal(Promise.resolve([1]), { page: 2, limit: 2 }, count)).toMatchObject(counted);
    const cursor = { at: '2026-01-01 00:00:00+00', id: 9 };
    expect(await rowsAndTotal(Promise.resolve([1]), { page: 1, limit: 2, cursor }, count)).toMatchObject(counted);
    expect(count).toHaveBeenCalledTimes(3);
  });
});
