'use client';

import * as React from 'react';
import { Loader2, Send } from 'lucide-react';
import { toast } from 'sonner';
import { MessageComposer } from '@/components/sms/message-composer';
import { TemplatePicker } from '@/components/sms/template-picker';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import { useSendSms } from '@/lib/queries/sms';
import { MAX_SMS_CHARACTERS } from '@/lib/sms/segments';
import { uuid } from '@/lib/uuid';

export interface ReplyBoxProps {
  /** The contact; may be omitted when leadId is given (the lead's phone is used). */
  phoneNumber?: string;
  leadId?: number | null;
  /** The lead's strategy: its templates are offered first. */
  strategyId?: number | null;
  /** Variables the text may use ({{first_name}}…): the lead's fields. */
  variables?: string[];
  /** Why sending is not possible (opted out, no phone); shown instead of the send button. */
  disabledReason?: string | null;
  onSent?: () => void;
}

/**
 * Writes and sends one SMS in a thread, through POST /sms/send like every other send. Ctrl/⌘+Enter sends.
 * One Idempotency-Key per draft: a double click or a retry after a lost answer sends once.
 */
export function ReplyBox({ phoneNumber, leadId, strategyId, variables, disabledReason, onSent }: ReplyBoxProps) {
  const [text, setText] = React.useState('');
  const [draftKey, setDraftKey] = React.useState(uuid);
  const send = useSendSms();
  const blocked = Boolean(disabledReason);
  const tooLong = text.length > MAX_SMS_CHARACTERS;
  const canSend = !blocked && !send.isPending && text.trim().length > 0 && !tooLong;

  const submit = () => {
    if (!canSend) return;
    send.mutate(
      {
        data: { message: text, ...(phoneNumber ? { phoneNumber } : {}), ...(leadId ? { leadId } : {}) },
        idempotencyKey: draftKey,
      },
      {
        onSuccess: (result) => {
          setText('');
          setDraftKey(uuid());
          if (result.quietHoursUntil) toast.info('Queued: quiet hours. It sends when they end.');
          onSent?.();
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  };

  return (
    <form
      className="grid grid-cols-1 gap-2"
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        <MessageComposer
          value={text}
          onChange={setText}
          rows={3}
          disabled={blocked}
          placeholder={blocked ? (disabledReason ?? undefined) : 'Write a reply…'}
          variables={variables}
          toolbar={<TemplatePicker strategyId={strategyId} disabled={blocked} onPick={(t) => setText(t.body)} />}
          aria-label="Message"
        />
      </div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">{blocked ? disabledReason : 'Ctrl+Enter to send'}</p>
        <Button type="submit" size="sm" disabled={!canSend}>
          {send.isPending ? <Loader2 className="animate-spin" /> : <Send />}
          Send
        </Button>
      </div>
    </form>
  );
}
