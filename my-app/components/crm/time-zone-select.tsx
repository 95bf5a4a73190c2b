'use client';

import * as React from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { supportedTimeZones } from '@/lib/time-zone';

export function TimeZoneSelect({
  value,
  onChange,
  allowEmpty,
  id,
}: {
  value: string;
  onChange: (zone: string) => void;
  allowEmpty?: string;
  id?: string;
}) {
  const zones = React.useMemo(() => {
    const all = supportedTimeZones();
    return value && !all.includes(value) ? [value, ...all] : all;
  }, [value]);
  return (
    <Select
      value={value || (allowEmpty ? '__none' : undefined)}
      onValueChange={(v) => onChange(v === '__none' ? '' : v)}
    >
      <SelectTrigger id={id} aria-label="Time zone">
        <SelectValue placeholder="Choose a time zone" />
      </SelectTrigger>
      <SelectContent className="max-h-80">
        {allowEmpty && <SelectItem value="__none">{allowEmpty}</SelectItem>}
        {zones.map((z) => (
          <SelectItem key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
