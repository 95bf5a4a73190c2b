import { randomUUID } from 'node:crypto';
import { stringify } from 'node:querystring';
import { webhookHeaders } from './callbacks';
import type { SimCore } from './core';
import { newMessageSid } from './ids';
import { countSegments } from './segments';
import { API_VERSION } from './twilio-json';
import type { InboundInjection, InboundResult } from './types';

const INBOUND_TIMEOUT_MS = 15_000;

/** Twilio's inbound-message webhook form (FACTS §3), with OptOutType when Advanced Opt-Out matched. */
function inboundParams(sid: string, accountSid: string, i: InboundInjection): Record<string, string> {
  const params: Record<string, string> = {
    ToCountry: 'US',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: i.body,
    To: i.to,
    NumSegments: String(countSegments(i.body)),
    MessageSid: sid,
    AccountSid: accountSid,
    From: i.from,
    ApiVersion: API_VERSION,
  };
  if (i.messagingServiceSid) params.MessagingServiceSid = i.messagingServiceSid;
  if (i.optOutType) params.OptOutType = i.optOutType;
  return params;
}

/** Stores an inbound message and posts the signed webhook; resolves with the webhook's response. */
export async function injectInbound(core: SimCore, i: InboundInjection): Promise<InboundResult> {
  if (!i || typeof i.from !== 'string' || typeof i.to !== 'string' || typeof i.body !== 'string') {
    throw new Error('inbound needs string from, to and body');
  }
  const url = i.url ?? core.inboundUrl;
  if (!url) throw new Error('no inbound url: pass url or start the simulator with inboundUrl');
  const accountSid = i.accountSid ?? core.defaultAccountSid;
  const authToken = core.accounts[accountSid];
  if (authToken === undefined) throw new Error(`unknown account ${accountSid}`);

  const sid = newMessageSid();
  const now = Date.now();
  core.store.add({
    sid,
    accountSid,
    direction: 'inbound',
    to: i.to,
    from: i.from,
    messagingServiceSid: i.messagingServiceSid ?? null,
    body: i.body,
    numSegments: countSegments(i.body),
    status: 'received',
    errorCode: null,
    errorMessage: null,
    price: null,
    statusCallback: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: Math.floor(now / 1000) * 1000,
    sendAt: null,
  });
  const hook = { url, authToken, params: inboundParams(sid, accountSid, i) };
  const res = await core.tasks.track(
    core.poster.post(url, stringify(hook.params), webhookHeaders(hook, randomUUID()), INBOUND_TIMEOUT_MS),
  );
  core.counters.inboundPosted++;
  return { status: res.status, body: res.body, messageSid: sid };
}
