'use client';

import * as React from 'react';
import Link from 'next/link';
import { ExternalLink, Loader2, Send } from 'lucide-react';
import { useOptionalSession } from '@/components/auth/session-provider';
import { SmsStatusBadge } from '@/components/sms/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatMessagePrice, formatDateTime, formatPhone } from '@/lib/format';
import { useMessage } from '@/lib/queries/sms';
import { FINAL_SMS_STATUSES, type SendSmsResult } from '@/types/sms';

/** The outcome of a send, following the message's status until it is final. */
export function MessageStatusLive({
  result,
  onReset,
  onSendNow,
}: {
  result: SendSmsResult;
  onReset: () => void;
  /** Admins: cancel the held message and send it again ignoring quiet hours. */
  onSendNow?: () => Promise<void>;
}) {
  const { data: message } = useMessage(result.id);
  const status = message?.status ?? result.status;
  const final = FINAL_SMS_STATUSES.includes(status);
  const timeZone = useOptionalSession()?.subAccount?.timeZone;
  const [sendingNow, setSendingNow] = React.useState(false);
  const held = Boolean(result.quietHoursUntil) && status === 'pending';
  return (
    <Card data-testid="send-result" aria-live="polite">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          Message #{result.id}
          <span data-testid="send-result-status">
            <SmsStatusBadge status={status} />
          </span>
          {!final && <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Updating" />}
        </CardTitle>
        <CardDescription>
          {held
            ? `Held for the recipient's quiet hours until ${formatDateTime(result.quietHoursUntil, timeZone)}${zoneNote(timeZone)}.`
            : result.notBefore && Date.parse(result.notBefore) > Date.now() + 5000 && status === 'pending'
              ? `Scheduled for ${formatDateTime(result.notBefore, timeZone)}${zoneNote(timeZone)}.`
              : final
                ? 'This message will not change any more.'
                : 'Accepted. The status updates here as Twilio reports it.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted-foreground">To</dt>
          <dd>{formatPhone(result.phoneNumber)}</dd>
          <dt className="text-muted-foreground">Segments</dt>
          <dd>
            {message?.segments ?? result.segments} · {message?.encoding ?? result.encoding}
          </dd>
          {message?.price && (
            <>
              <dt className="text-muted-foreground">Price</dt>
              <dd>{formatMessagePrice(message)}</dd>
            </>
          )}
          {message?.errorMessage && (
            <>
              <dt className="text-muted-foreground">Error</dt>
              <dd className="text-destructive">
                {message.errorCode ? `${message.errorCode}: ` : ''}
                {message.errorMessage}
              </dd>
            </>
          )}
        </dl>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <Link href={`/admin/sms/history?message=${result.id}`} data-testid="send-result-link">
              <ExternalLink /> View message
            </Link>
          </Button>
          {held && onSendNow && (
            <Button
              variant="outline"
              disabled={sendingNow}
              data-testid="send-now-anyway"
              onClick={async () => {
                setSendingNow(true);
                try {
                  await onSendNow();
                } finally {
                  setSendingNow(false);
                }
              }}
            >
              {sendingNow ? <Loader2 className="animate-spin" /> : <Send />} Send now anyway
            </Button>
          )}
          <Button onClick={onReset}>Send another</Button>
        </div>
      </CardContent>
    </Card>
  );
}

/** Quiet hours are the recipient's; times here are shown in the SubAccount's zone, named. */
function zoneNote(timeZone: string | undefined): string {
  return timeZone ? ` (${timeZone.replace(/_/g, ' ')} time)` : '';
}
