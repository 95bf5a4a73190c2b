'use client';

import * as React from 'react';
import { Search, X } from 'lucide-react';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/utils';

/**
 * A search box that reports its value after the user pauses typing, or at once when it loses focus or on Enter:
 * a click on a result right after typing must not be undone by the search's URL update landing after it.
 */
export function SearchInput({
  value,
  onChange,
  placeholder = 'Search…',
  delay = 300,
  className,
  label = 'Search',
  id,
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  delay?: number;
  className?: string;
  label?: string;
}) {
  const [text, setText] = React.useState(value);
  const onChangeRef = React.useRef(onChange);
  onChangeRef.current = onChange;
  const lastSent = React.useRef(value);

  React.useEffect(() => {
    setText(value);
    lastSent.current = value;
  }, [value]);

  const send = React.useCallback((next: string) => {
    if (next === lastSent.current) return;
    lastSent.current = next;
    onChangeRef.current(next.trim());
  }, []);

  React.useEffect(() => {
    if (text === lastSent.current) return;
    const t = setTimeout(() => send(text), delay);
    return () => clearTimeout(t);
  }, [text, delay, send]);

  return (
    <div className={cn('relative w-full sm:w-64', className)}>
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        id={id}
        type="search"
        aria-label={label}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => send(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') send(text);
        }}
        className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
      />
      {text && (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => setText('')}
          className="absolute top-1/2 right-2 -translate-y-1/2 rounded-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <X className="size-4" />
        </button>
      )}
    </div>
  );
}
