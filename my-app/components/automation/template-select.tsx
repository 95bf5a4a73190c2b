'use client';

import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import type { SmsTemplate } from '@/types/sms';

/** A template picker that lists the strategy's own templates first. */
export function TemplateSelect({
  templates,
  strategyId,
  value,
  onChange,
  label,
  invalid,
}: {
  templates: SmsTemplate[];
  strategyId?: number | null;
  value: string;
  onChange: (value: string) => void;
  label: string;
  invalid?: boolean;
}) {
  const own = strategyId ? templates.filter((t) => t.strategyId === strategyId) : [];
  const rest = templates.filter((t) => !own.includes(t));
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger className="w-full" aria-label={label} aria-invalid={invalid || undefined}>
        <SelectValue placeholder={templates.length ? 'Choose a template…' : 'No templates yet'} />
      </SelectTrigger>
      <SelectContent>
        {own.length > 0 && (
          <SelectGroup>
            <SelectLabel>This strategy</SelectLabel>
            {own.map((t) => (
              <SelectItem key={t.id} value={String(t.id)}>
                {t.name}
              </SelectItem>
            ))}
          </SelectGroup>
        )}
        <SelectGroup>
          {own.length > 0 && rest.length > 0 && <SelectLabel>Other templates</SelectLabel>}
          {rest.map((t) => (
            <SelectItem key={t.id} value={String(t.id)}>
              {t.name}
            </SelectItem>
          ))}
        </SelectGroup>
      </SelectContent>
    </Select>
  );
}
