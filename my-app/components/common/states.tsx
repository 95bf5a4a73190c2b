'use client';

import * as React from 'react';
import { AlertTriangle, Inbox, RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { TableCell, TableRow } from '@/components/ui/table';
import { errorMessage } from '@/lib/api-client';
import { cn } from '@/lib/utils';

export function EmptyState({
  title,
  description,
  action,
  icon: Icon = Inbox,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  icon?: React.ComponentType<{ className?: string }>;
  className?: string;
}) {
  return (
    <div
      data-testid="empty-state"
      className={cn('flex flex-col items-center justify-center gap-2 px-4 py-10 text-center', className)}
    >
      <Icon className="size-8 text-muted-foreground" />
      <p className="font-medium">{title}</p>
      {description && <p className="max-w-sm text-sm text-muted-foreground">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title = 'Could not load this',
  className,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  className?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="error-state"
      className={cn(
        'flex flex-col items-center justify-center gap-2 rounded-lg border border-red-200 bg-red-50 px-4 py-8 text-center text-red-900',
        className,
      )}
    >
      <AlertTriangle className="size-7 text-red-600" />
      <p className="font-medium">{title}</p>
      <p className="max-w-md text-sm">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="outline" size="sm" onClick={onRetry} className="mt-2">
          <RotateCw /> Try again
        </Button>
      )}
    </div>
  );
}

export function TableRowsSkeleton({ rows = 5, columns }: { rows?: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <TableRow key={r} aria-hidden="true">
          {Array.from({ length: columns }, (_, c) => (
            <TableCell key={c}>
              <Skeleton className="h-4 w-full max-w-40" />
            </TableCell>
          ))}
        </TableRow>
      ))}
    </>
  );
}

/** The rows of a table over a query: skeletons while it loads, its error (with a retry), `empty`, or a row per item. */
export function QueryTableRows<T>({
  query,
  columns,
  items,
  empty,
  skeletonRows,
  children,
}: {
  query: { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  columns: number;
  items: T[];
  empty: React.ReactNode;
  skeletonRows?: number;
  children: (item: T) => React.ReactNode;
}) {
  if (query.isLoading) return <TableRowsSkeleton columns={columns} rows={skeletonRows} />;
  if (query.isError)
    return (
      <TableMessageRow columns={columns}>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} className="border-0" />
      </TableMessageRow>
    );
  if (items.length === 0) return <TableMessageRow columns={columns}>{empty}</TableMessageRow>;
  return <>{items.map(children)}</>;
}

/** One table row spanning every column, for the empty and error states of a table. */
export function TableMessageRow({ columns, children }: { columns: number; children: React.ReactNode }) {
  return (
    <TableRow className="hover:bg-transparent">
      <TableCell colSpan={columns} className="whitespace-normal">
        {children}
      </TableCell>
    </TableRow>
  );
}

export function CardsSkeleton({ count = 4, className }: { count?: number; className?: string }) {
  return (
    <div className={cn('grid gap-4 sm:grid-cols-2 lg:grid-cols-4', className)}>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-28 rounded-xl" />
      ))}
    </div>
  );
}
