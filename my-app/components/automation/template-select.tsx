'use client';

import { TemplateOptions } from '@/components/sms/template-picker';
import { Select, SelectTrigger, SelectValue } from '@/components/ui/select';
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
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger className="w-full" aria-label={label} aria-invalid={invalid || undefined}>
        <SelectValue placeholder={templates.length ? 'Choose a template…' : 'No templates yet'} />
      </SelectTrigger>
      <TemplateOptions
        templates={templates}
        strategyId={strategyId}
        strategyLabel="This strategy"
        othersLabel="Other templates"
      />
    </Select>
  );
}
