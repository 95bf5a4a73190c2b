'use client';

import * as React from 'react';
import { QueryTableRows } from '@/components/common/states';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';

export type DataTableColumn = string | { label: string; className?: string };

/** The Actions column of a table whose rows end in buttons, `width` wide (a tailwind class). */
export const actionsColumn = (width = 'w-28'): DataTableColumn => ({
  label: 'Actions',
  className: `${width} text-right`,
});

/**
 * A table in a card over a list query: the column headings, then skeleton rows while it loads, its error with
 * a retry, `empty` when it has no items, or a row per item.
 */
export function DataTable<T>({
  columns,
  query,
  items,
  empty,
  children,
  ...props
}: {
  columns: DataTableColumn[];
  query: { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  items: T[];
  empty: React.ReactNode;
  children: (item: T) => React.ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Card className="py-0">
      <Table {...props}>
        <TableHeader>
          <TableRow>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <TableHead key={c}>{c}</TableHead>
              ) : (
                <TableHead key={c.label} className={c.className}>
                  {c.label}
                </TableHead>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          <QueryTableRows query={query} columns={columns.length} items={items} empty={empty}>
            {children}
          </QueryTableRows>
        </TableBody>
      </Table>
    </Card>
  );
}
