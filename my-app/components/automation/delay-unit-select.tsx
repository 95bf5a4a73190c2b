'use client';

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import type { DelayUnit } from './automation-format';

const UNITS: DelayUnit[] = ['minutes', 'hours', 'days'];

/** The unit of a delay typed as an amount (sequence steps, triggers). */
export function DelayUnitSelect({
  value,
  onChange,
  label,
}: {
  value: DelayUnit;
  onChange: (unit: DelayUnit) => void;
  label: string;
}) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as DelayUnit)}>
      <SelectTrigger className="w-full" aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {UNITS.map((u) => (
          <SelectItem key={u} value={u}>
            {u}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
