'use client';

import * as React from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { useStrategies } from '@/lib/queries/crm';

const NONE = '__none';

type TriggerProps = Omit<React.ComponentProps<typeof SelectTrigger>, 'value' | 'onChange'>;

/** One of the SubAccount's strategies by id, as a string; '' is `emptyLabel` ("No strategy", "Any strategy"). */
export function StrategySelect({
  value,
  onChange,
  emptyLabel,
  ...trigger
}: { value: string; onChange: (id: string) => void; emptyLabel: string } & TriggerProps) {
  const strategies = useStrategies();
  return (
    <Select value={value || NONE} onValueChange={(v) => onChange(v === NONE ? '' : v)}>
      <SelectTrigger {...trigger}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NONE}>{emptyLabel}</SelectItem>
        {(strategies.data?.items ?? []).map((s) => (
          <SelectItem key={s.id} value={String(s.id)}>
            {s.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
