'use client';

import * as React from 'react';
import { Check, Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import type { SmsSettings } from '@/types/sms';

function CopyField({ id, label, value, hint }: { id: string; label: string; value: string; hint: string }) {
  const [copied, setCopied] = React.useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${label} copied`);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error('Copy failed: select the text and copy it');
    }
  };
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <Button type="button" variant="outline" size="icon" onClick={copy} aria-label={`Copy ${label}`}>
          {copied ? <Check /> : <Copy />}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{hint}</p>
    </div>
  );
}

/** The URLs to set in the Twilio Console, as this API signs and checks them (PUBLIC_BASE_URL). */
export function WebhooksCard({ settings }: { settings: SmsSettings }) {
  return (
    <Card data-testid="webhooks-card">
      <CardHeader>
        <CardTitle>Twilio webhooks</CardTitle>
        <CardDescription>
          Twilio must reach these URLs; signatures are checked against them exactly (PUBLIC_BASE_URL).
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <CopyField
          id="inbound-webhook-url"
          label="Inbound webhook URL"
          value={settings.inboundWebhookUrl}
          hint="Twilio Console → your number → Messaging → “A message comes in” (HTTP POST)."
        />
        <CopyField
          id="status-webhook-url"
          label="Status callback URL"
          value={settings.statusWebhookUrl}
          hint="Set on every send automatically; for a Messaging Service, also its status callback."
        />
      </CardContent>
    </Card>
  );
}
