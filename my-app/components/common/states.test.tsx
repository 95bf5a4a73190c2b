import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { EmptyState, QueryTableRows } from '@/components/common/states';
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table';

type Query = { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown };
const idle: Query = { isLoading: false, isError: false, error: null, refetch: () => undefined };

function rows(query: Query, items: string[]) {
  return render(
    <Table>
      <TableBody>
        <QueryTableRows
          query={query}
          columns={3}
          items={items}
          skeletonRows={4}
          empty={<EmptyState title="None yet" />}
        >
          {(item) => (
            <TableRow key={item} data-testid="item">
              <TableCell>{item}</TableCell>
            </TableRow>
          )}
        </QueryTableRows>
      </TableBody>
    </Table>,
  );
}

describe('QueryTableRows', () => {
  it('shows skeleton rows while the query loads', () => {
    const { container } = rows({ ...idle, isLoading: true }, []);
    expect(container.querySelectorAll('tr[aria-hidden="true"]')).toHaveLength(4);
    expect(container.querySelectorAll('tr[aria-hidden="true"] td')).toHaveLength(12);
  });

  it('shows the error across every column, with a retry that refetches', () => {
    const refetch = vi.fn();
    const { container } = rows({ ...idle, isError: true, error: new Error('Server unreachable'), refetch }, ['a']);
    expect(screen.getByRole('alert').textContent).toContain('Server unreachable');
    expect(container.querySelector('td')?.getAttribute('colspan')).toBe('3');
    expect(screen.queryByTestId('item')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /try again/i }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('shows the empty state when there are no items, and a row per item otherwise', () => {
    rows(idle, []);
    expect(screen.getByTestId('empty-state').textContent).toContain('None yet');
    rows(idle, ['a', 'b']);
    expect(screen.getAllByTestId('item').map((r) => r.textContent)).toEqual(['a', 'b']);
  });
});
