'use client';

import * as React from 'react';
import { ChevronsUpDown, Loader2, UserRound, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { formatPhone } from '@/lib/format';
import { useLeads } from '@/lib/queries/crm';
import type { Lead } from '@/types/crm';

/** Search the SubAccount's leads and pick one to text. */
export function LeadPicker({
  value,
  onPick,
  onClear,
  disabled,
}: {
  value: Pick<Lead, 'id' | 'name' | 'phone'> | null;
  onPick: (lead: Lead) => void;
  onClear: () => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState('');
  const [search, setSearch] = React.useState('');
  React.useEffect(() => {
    const t = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const { data, isFetching, isError } = useLeads({ search, limit: 8 }, open);
  const leads = data?.items ?? [];

  return (
    <div className="flex items-center gap-2">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button variant="outline" className="w-full justify-between font-normal sm:w-72" disabled={disabled}>
            <span className="flex min-w-0 items-center gap-2">
              <UserRound className="text-muted-foreground" />
              <span className="truncate">{value ? value.name : 'Send to a lead (optional)'}</span>
            </span>
            <ChevronsUpDown className="opacity-50" />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-[min(22rem,calc(100vw-2rem))] p-2">
          <Input
            autoFocus
            placeholder="Search leads by name, email or phone…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label="Search leads"
          />
          <ul className="mt-2 max-h-64 overflow-y-auto" role="listbox" aria-label="Leads">
            {isFetching && leads.length === 0 && (
              <li className="flex items-center gap-2 p-2 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" /> Searching…
              </li>
            )}
            {isError && <li className="p-2 text-sm text-destructive">Could not load leads.</li>}
            {!isFetching && !isError && leads.length === 0 && (
              <li className="p-2 text-sm text-muted-foreground">No leads found.</li>
            )}
            {leads.map((lead) => (
              <li key={lead.id} role="option" aria-selected={value?.id === lead.id}>
                <button
                  type="button"
                  disabled={!lead.phone}
                  onClick={() => {
                    onPick(lead);
                    setOpen(false);
                  }}
                  className="flex w-full flex-col items-start rounded-sm px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none disabled:opacity-50"
                >
                  <span className="font-medium">{lead.name}</span>
                  <span className="text-xs text-muted-foreground">
                    {lead.phone ? formatPhone(lead.phone) : 'No phone number'}
                    {lead.company ? ` · ${lead.company}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </PopoverContent>
      </Popover>
      {value && (
        <Button variant="ghost" size="icon" onClick={onClear} aria-label="Clear lead" disabled={disabled}>
          <X />
        </Button>
      )}
    </div>
  );
}
