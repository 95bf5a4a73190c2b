'use client';

import Link from 'next/link';
import { FileText } from 'lucide-react';
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { useTemplates } from '@/lib/queries/sms';
import type { SmsTemplate } from '@/types/sms';

/** Picks a saved template; the caller puts its body in the composer. A lead's strategy's templates come first. */
export function TemplatePicker({
  onPick,
  disabled,
  strategyId,
}: {
  onPick: (template: SmsTemplate) => void;
  disabled?: boolean;
  strategyId?: number | null;
}) {
  const { data, isLoading, isError } = useTemplates();
  const templates = data?.items ?? [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        value=""
        onValueChange={(v) => {
          const t = templates.find((x) => String(x.id) === v);
          if (t) onPick(t);
        }}
        disabled={disabled || isLoading || isError || templates.length === 0}
      >
        <SelectTrigger size="sm" className="w-full sm:w-64" aria-label="Use a template">
          <FileText className="size-4 text-muted-foreground" />
          <SelectValue
            placeholder={
              isLoading
                ? 'Loading templates…'
                : isError
                  ? 'Templates unavailable'
                  : templates.length === 0
                    ? 'No templates yet'
                    : 'Use a template…'
            }
          />
        </SelectTrigger>
        <TemplateOptions
          templates={templates}
          strategyId={strategyId}
          strategyLabel="For this lead's strategy"
          othersLabel="All templates"
        />
      </Select>
      <Link href="/admin/sms/templates" className="text-xs text-muted-foreground underline-offset-4 hover:underline">
        Manage templates
      </Link>
    </div>
  );
}

/** The lead's strategy's templates first (when it has a strategy), then all the others. */
export function groupTemplates<T extends Pick<SmsTemplate, 'strategyId'>>(templates: T[], strategyId?: number | null) {
  const forStrategy = strategyId ? templates.filter((t) => t.strategyId === strategyId) : [];
  return { forStrategy, others: templates.filter((t) => !forStrategy.includes(t)) };
}

/** A template select's options: the strategy's templates under `strategyLabel`, then the others. */
export function TemplateOptions({
  templates,
  strategyId,
  strategyLabel,
  othersLabel,
}: {
  templates: SmsTemplate[];
  strategyId?: number | null;
  strategyLabel: string;
  othersLabel: string;
}) {
  const { forStrategy, others } = groupTemplates(templates, strategyId);
  const items = (list: SmsTemplate[]) =>
    list.map((t) => (
      <SelectItem key={t.id} value={String(t.id)}>
        {t.name}
      </SelectItem>
    ));
  return (
    <SelectContent>
      {forStrategy.length > 0 && (
        <SelectGroup>
          <SelectLabel>{strategyLabel}</SelectLabel>
          {items(forStrategy)}
        </SelectGroup>
      )}
      <SelectGroup>
        {forStrategy.length > 0 && others.length > 0 && <SelectLabel>{othersLabel}</SelectLabel>}
        {items(others)}
      </SelectGroup>
    </SelectContent>
  );
}
