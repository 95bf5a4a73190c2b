'use client';

import * as React from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { cn } from '@/lib/utils';
import { LEAD_STATUSES, type LeadStatus } from '@/types/crm';

const ANY = '__any';

type TriggerProps = Omit<React.ComponentProps<typeof SelectTrigger>, 'value' | 'onChange'>;

/** A lead status; with `emptyLabel` ("Any status") '' can be chosen too, otherwise '' shows `placeholder`. */
export function LeadStatusSelect({
  value,
  onChange,
  emptyLabel,
  placeholder,
  className,
  ...trigger
}: {
  value: string;
  onChange: (status: LeadStatus | '') => void;
  emptyLabel?: string;
  placeholder?: string;
} & TriggerProps) {
  return (
    <Select
      value={value || (emptyLabel ? ANY : '')}
      onValueChange={(v) => onChange(v === ANY ? '' : (v as LeadStatus))}
    >
      <SelectTrigger className={cn(value && 'capitalize', className)} {...trigger}>
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {emptyLabel && <SelectItem value={ANY}>{emptyLabel}</SelectItem>}
        {LEAD_STATUSES.map((s) => (
          <SelectItem key={s} value={s} className="capitalize">
            {s}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
