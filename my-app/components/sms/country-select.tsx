'use client';

import * as React from 'react';
import type { CountryCode } from 'libphonenumber-js';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { countryOptions } from '@/lib/sms/countries';
import { cn } from '@/lib/utils';

export function CountrySelect({
  value,
  onChange,
  disabled,
  compact = false,
  id,
  className,
  'aria-label': ariaLabel = 'Country',
}: {
  value: CountryCode;
  onChange: (code: CountryCode) => void;
  disabled?: boolean;
  /** Show only the country code and calling code in the trigger (beside a phone input). */
  compact?: boolean;
  id?: string;
  className?: string;
  'aria-label'?: string;
}) {
  const options = React.useMemo(countryOptions, []);
  const current = options.find((o) => o.code === value);
  return (
    <Select value={value} onValueChange={(v) => onChange(v as CountryCode)} disabled={disabled}>
      <SelectTrigger
        id={id}
        aria-label={ariaLabel}
        className={cn(compact ? 'w-[6.5rem] shrink-0' : 'w-full', className)}
      >
        <SelectValue>
          {current ? (
            compact ? (
              <span>
                {current.code} +{current.callingCode}
              </span>
            ) : (
              <span className="truncate">
                {current.name} (+{current.callingCode})
              </span>
            )
          ) : (
            value
          )}
        </SelectValue>
      </SelectTrigger>
      <SelectContent className="max-h-80">
        {options.map((o) => (
          <SelectItem key={o.code} value={o.code}>
            {o.name} (+{o.callingCode})
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
