'use client';

import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** A From / To pair of date inputs (YYYY-MM-DD) that keep from ≤ to; the caller holds the values. */
export function DateRangeInputs({
  idPrefix,
  from,
  to,
  onChange,
  labelSuffix = '',
}: {
  idPrefix: string;
  from?: string;
  to?: string;
  onChange: (change: { from: string } | { to: string }) => void;
  /** Appended to both labels, e.g. " (UTC)". */
  labelSuffix?: string;
}) {
  return (
    <>
      <div className="grid grid-cols-1 gap-1.5">
        <Label htmlFor={`${idPrefix}-from`}>From{labelSuffix}</Label>
        <Input
          id={`${idPrefix}-from`}
          type="date"
          value={from ?? ''}
          max={to}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </div>
      <div className="grid grid-cols-1 gap-1.5">
        <Label htmlFor={`${idPrefix}-to`}>To{labelSuffix}</Label>
        <Input
          id={`${idPrefix}-to`}
          type="date"
          value={to ?? ''}
          min={from}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </div>
    </>
  );
}
