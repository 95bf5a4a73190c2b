'use client';

import * as React from 'react';
import { Plus } from 'lucide-react';
import { SearchInput } from '@/components/common/search-input';
import { Button } from '@/components/ui/button';
import { useUrlState } from '@/lib/use-url-state';

/**
 * Above a list: a search box bound to the URL's `search` (when `searchLabel` is given), any filters
 * (`children`), then at the right any other `actions` and the button that creates a new item.
 */
export function ListToolbar({
  searchLabel,
  newLabel,
  onNew,
  actions,
  children,
}: {
  /** "Search strategies": the box's accessible name, and with "…" its placeholder. */
  searchLabel?: string;
  newLabel: string;
  onNew: () => void;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const url = useUrlState();
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      {searchLabel && (
        <SearchInput
          value={url.get('search') ?? ''}
          onChange={(v) => url.set({ search: v })}
          placeholder={`${searchLabel}…`}
          label={searchLabel}
        />
      )}
      {children}
      <div className="flex gap-2 sm:ml-auto">
        {actions}
        <Button onClick={onNew}>
          <Plus /> {newLabel}
        </Button>
      </div>
    </div>
  );
}
