import twilio from 'twilio';
import type { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message';
import {
  ProviderError,
  type ProviderCredentials,
  type ProviderMessage,
  type ProviderSendRequest,
  type SenderRef,
  type SmsProvider,
} from '../interfaces/sms-provider.interface';
import { TwilioHttpClient } from './twilio-http-client';

const RECOVERY_LIST_LIMIT = 100;

export interface TwilioProviderOptions {
  /** Set for the simulator; Twilio itself otherwise. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** The one adapter to Twilio, through its official SDK. */
export class TwilioProvider implements SmsProvider {
  private readonly clients = new Map<string, twilio.Twilio>();

  constructor(private readonly options: TwilioProviderOptions = {}) {}

  async send(credentials: ProviderCredentials, request: ProviderSendRequest): Promise<ProviderMessage> {
    const params = {
      to: request.to,
      body: request.body,
      statusCallback: request.statusCallback,
      ...(request.messagingServiceSid ? { messagingServiceSid: request.messagingServiceSid } : { from: request.from }),
    };
    return this.call(() => this.client(credentials).messages.create(params).then(toProviderMessage));
  }

  async fetch(credentials: ProviderCredentials, sid: string): Promise<ProviderMessage> {
    return this.call(() => this.client(credentials).messages(sid).fetch().then(toProviderMessage));
  }

  async listSince(credentials: ProviderCredentials, query: { to: string; from?: string; since: Date }) {
    // DateSent filters miss queued messages (no date_sent yet): filter by To/From, then by date_created here.
    const listed = await this.call(() =>
      this.client(credentials).messages.list({
        to: query.to,
        ...(query.from ? { from: query.from } : {}),
        limit: RECOVERY_LIST_LIMIT,
      }),
    );
    return listed.map(toProviderMessage).filter((m) => !m.dateCreated || m.dateCreated >= query.since);
  }

  async listSentBetween(credentials: ProviderCredentials, query: { since: Date; until: Date; limit: number }) {
    const pageSize = Math.min(1_000, query.limit);
    const listed = await this.call(() =>
      this.client(credentials).messages.list({
        dateSentAfter: query.since,
        dateSentBefore: query.until,
        pageSize,
        limit: pageSize,
      }),
    );
    return listed.map(toProviderMessage);
  }

  async verify(credentials: ProviderCredentials): Promise<void> {
    await this.call(() => this.client(credentials).messages.list({ limit: 1 }));
  }

  async owns(credentials: ProviderCredentials, sender: SenderRef): Promise<boolean> {
    const client = this.client(credentials);
    if ('phoneNumber' in sender) {
      const found = await this.call(() =>
        client.incomingPhoneNumbers.list({ phoneNumber: sender.phoneNumber, limit: 20 }),
      );
      return found.some((n) => n.phoneNumber === sender.phoneNumber);
    }
    try {
      await client.messaging.v1.services(sender.messagingServiceSid).fetch();
      return true;
    } catch (e) {
      const err = toProviderError(e);
      if (err.status === 404) return false;
      throw err;
    }
  }

  private client(credentials: ProviderCredentials): twilio.Twilio {
    const key = `${credentials.accountSid}:${credentials.authToken}`;
    let client = this.clients.get(key);
    if (!client) {
      const httpClient = new TwilioHttpClient({
        baseUrl: this.options.baseUrl,
        timeoutMs: this.options.timeoutMs ?? 15_000,
      });
      // The SDK types its httpClient as its own RequestClient class; it only ever calls request().
      client = twilio(credentials.accountSid, credentials.authToken, {
        httpClient: httpClient as unknown as twilio.RequestClient,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toProviderError(e);
    }
  }
}

function toProviderError(e: unknown): ProviderError {
  const err = e as { status?: unknown; code?: unknown; message?: string };
  if (typeof err.status === 'number') {
    return new ProviderError(
      err.message ?? 'Twilio error',
      err.status,
      typeof err.code === 'number' ? err.code : undefined,
    );
  }
  return new ProviderError(`No answer from Twilio: ${err.message ?? String(e)}`, undefined, undefined, true);
}

function toProviderMessage(m: MessageInstance): ProviderMessage {
  const segments = Number(m.numSegments);
  return {
    sid: m.sid,
    status: m.status,
    to: m.to,
    from: m.from ?? null,
    body: m.body ?? '',
    dateCreated: m.dateCreated ?? null,
    dateSent: m.dateSent ?? null,
    errorCode: m.errorCode ?? null,
    errorMessage: m.errorMessage ?? null,
    numSegments: Number.isFinite(segments) && segments > 0 ? segments : null,
    price: m.price ?? null,
    priceUnit: m.priceUnit ?? null,
  };
}
