'use client';

import * as React from 'react';
import { Braces, Info } from 'lucide-react';
import { Textarea } from '@/components/ui/textarea';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { MAX_SMS_CHARACTERS, analyzeMessage, describeCharacter } from '@/lib/sms/segments';
import { placeholders } from '@/lib/sms/template';
import { cn } from '@/lib/utils';

/** GSM-7 characters that take two septets (an escape and the character). */
const GSM_EXTENSION = new Set(['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']);

export interface MessageComposerProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  id?: string;
  name?: string;
  placeholder?: string;
  rows?: number;
  disabled?: boolean;
  /** Template variables offered as chips; clicking one inserts `{{name}}` at the caret. */
  variables?: string[];
  /** Extra controls shown above the text area (a template picker, for instance). */
  toolbar?: React.ReactNode;
  'aria-invalid'?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string;
  className?: string;
}

/**
 * The SMS text area with a live count of what the message will cost: characters as the carrier
 * counts them, the encoding (naming the characters that forced Unicode), and segments.
 */
export const MessageComposer = React.forwardRef<HTMLTextAreaElement, MessageComposerProps>(function MessageComposer(
  {
    value,
    onChange,
    onBlur,
    id,
    name,
    placeholder = 'Type your message…',
    rows = 5,
    disabled,
    variables,
    toolbar,
    className,
    ...aria
  },
  forwardedRef,
) {
  const innerRef = React.useRef<HTMLTextAreaElement | null>(null);
  const setRefs = (node: HTMLTextAreaElement | null) => {
    innerRef.current = node;
    if (typeof forwardedRef === 'function') forwardedRef(node);
    else if (forwardedRef) forwardedRef.current = node;
  };
  const countId = React.useId();
  const analysis = React.useMemo(() => analyzeMessage(value), [value]);
  const hasPlaceholders = React.useMemo(() => placeholders(value).length > 0, [value]);
  const extensionChars = React.useMemo(() => {
    if (analysis.encoding !== 'GSM-7') return [];
    // The braces of {{placeholders}} are replaced before sending; do not warn about them.
    const text = value.replace(/\{\{[^}]*\}\}/g, '');
    return Array.from(new Set(Array.from(text).filter((c) => GSM_EXTENSION.has(c))));
  }, [analysis.encoding, value]);
  const tooLong = analysis.length > MAX_SMS_CHARACTERS;

  const insertVariable = (variable: string) => {
    const token = `{{${variable}}}`;
    const el = innerRef.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    onChange(next);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      const caret = start + token.length;
      el.setSelectionRange(caret, caret);
    });
  };

  const describedBy = [aria['aria-describedby'], countId].filter(Boolean).join(' ');

  return (
    <div className={cn('grid gap-2', className)}>
      {toolbar}
      {variables && variables.length > 0 && (
        <div className="flex flex-wrap items-center gap-1.5" aria-label="Insert a variable">
          <span className="flex items-center gap-1 text-xs text-muted-foreground">
            <Braces className="size-3.5" /> Variables:
          </span>
          {variables.map((v) => (
            <button
              key={v}
              type="button"
              disabled={disabled}
              onClick={() => insertVariable(v)}
              className="rounded-full border bg-muted px-2 py-0.5 font-mono text-xs hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:opacity-50"
              aria-label={`Insert variable ${v}`}
            >
              {`{{${v}}}`}
            </button>
          ))}
        </div>
      )}
      <Textarea
        ref={setRefs}
        id={id}
        name={name}
        value={value}
        rows={rows}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={aria['aria-invalid'] || tooLong || undefined}
        aria-label={aria['aria-label']}
        aria-describedby={describedBy}
        className="min-h-28 font-[inherit]"
        data-testid="message-composer"
      />
      <div
        id={countId}
        aria-live="polite"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground"
      >
        <span>
          <span
            data-testid="composer-characters"
            className={cn('font-medium tabular-nums text-foreground', tooLong && 'text-destructive')}
          >
            {analysis.units}
          </span>{' '}
          {analysis.units === 1 ? 'character' : 'characters'}
        </span>
        <span aria-hidden="true">·</span>
        <span>
          <span data-testid="composer-segments" className="font-medium tabular-nums text-foreground">
            {analysis.segments}
          </span>{' '}
          {analysis.segments === 1 ? 'segment' : 'segments'}
        </span>
        <span aria-hidden="true">·</span>
        <span
          data-testid="composer-encoding"
          className={cn('font-medium', analysis.encoding === 'UCS-2' && 'text-amber-700')}
        >
          {analysis.encoding === 'GSM-7' ? 'GSM-7' : 'Unicode (UCS-2)'}
        </span>
        {analysis.segments > 0 && (
          <>
            <span aria-hidden="true">·</span>
            <span data-testid="composer-remaining">{analysis.remaining} left in this segment</span>
          </>
        )}
        <Tooltip>
          <TooltipTrigger asChild>
            <button
              type="button"
              className="rounded-full text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              aria-label="How segments are counted"
            >
              <Info className="size-3.5" />
            </button>
          </TooltipTrigger>
          <TooltipContent>
            GSM-7 messages hold 160 characters in one segment, 153 per segment when split. One character outside GSM-7
            switches the whole message to Unicode: 70, or 67 per segment. Each segment is billed as one SMS.
          </TooltipContent>
        </Tooltip>
      </div>
      {analysis.unicodeCharacters.length > 0 && (
        <p data-testid="composer-unicode-reason" className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
          Sent as Unicode because of {analysis.unicodeCharacters.slice(0, 5).map(describeCharacter).join(', ')}
          {analysis.unicodeCharacters.length > 5 ? ` and ${analysis.unicodeCharacters.length - 5} more` : ''}: segments
          hold 70 characters (67 when split) instead of 160. Replace{' '}
          {analysis.unicodeCharacters.length === 1 ? 'it' : 'them'} to send as GSM-7.
        </p>
      )}
      {extensionChars.length > 0 && (
        <p className="text-xs text-muted-foreground">
          {extensionChars.map(describeCharacter).join(', ')} {extensionChars.length === 1 ? 'counts' : 'count'} as two
          characters in GSM-7.
        </p>
      )}
      {hasPlaceholders && (
        <p className="text-xs text-muted-foreground" data-testid="composer-placeholder-note">
          Counted with the {'{{placeholders}}'} as typed; each recipient&apos;s message is counted once filled in.
        </p>
      )}
      {tooLong && (
        <p role="alert" className="text-xs text-destructive">
          Too long: {analysis.length} of {MAX_SMS_CHARACTERS} characters allowed.
        </p>
      )}
    </div>
  );
});
