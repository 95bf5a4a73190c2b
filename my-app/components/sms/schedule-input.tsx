'use client';

import * as React from 'react';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { browserTimeZone, isoToZonedLocal, supportedTimeZones, zonedLocalToIso } from '@/lib/time-zone';

/**
 * A date-time and the time zone it is meant in. Reports ISO 8601 with that zone's offset
 * (what the API expects for `scheduledAt`), or '' while incomplete.
 */
export function ScheduleInput({
  value,
  onChange,
  defaultTimeZone,
  id,
  disabled,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
}: {
  value: string;
  onChange: (iso: string) => void;
  defaultTimeZone?: string;
  id?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const [timeZone, setTimeZone] = React.useState(defaultTimeZone || browserTimeZone());
  const [local, setLocal] = React.useState(() => (value ? isoToZonedLocal(value, timeZone) : ''));
  const zones = React.useMemo(() => {
    const all = supportedTimeZones();
    const first = [defaultTimeZone, browserTimeZone(), 'UTC'].filter((z): z is string => !!z);
    return [...new Set([...first, ...all])];
  }, [defaultTimeZone]);

  React.useEffect(() => {
    if (!value) setLocal('');
  }, [value]);

  const update = (nextLocal: string, nextZone: string) => {
    setLocal(nextLocal);
    setTimeZone(nextZone);
    onChange(nextLocal ? (zonedLocalToIso(nextLocal, nextZone) ?? '') : '');
  };

  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <Input
        id={id}
        type="datetime-local"
        value={local}
        disabled={disabled}
        onChange={(e) => update(e.target.value, timeZone)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className="sm:w-60"
        data-testid="schedule-datetime"
      />
      <Select value={timeZone} onValueChange={(z) => update(local, z)} disabled={disabled}>
        <SelectTrigger className="sm:w-64" aria-label="Time zone">
          <SelectValue />
        </SelectTrigger>
        <SelectContent className="max-h-80">
          {zones.map((z) => (
            <SelectItem key={z} value={z}>
              {z.replace(/_/g, ' ')}
              {z === defaultTimeZone ? ' (SubAccount)' : z === browserTimeZone() ? ' (this browser)' : ''}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
