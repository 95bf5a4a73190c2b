/** What a test or benchmark can tune while the simulator runs. Probabilities are 0..1. */
export interface Knobs {
  /** Delay before every REST API response, in ms. */
  latencyMs: number;
  /** Delay between status transitions (queued → sent → final), in ms. */
  callbackDelayMs: number;
  /** Probability that a create answers 429 / 20429 without creating the message. */
  rate429: number;
  /** Probability that a create answers 500 / 20500 without creating the message. */
  rate5xx: number;
  /** Probability that a create succeeds but its response is held back for `timeoutMs`. */
  timeoutRate: number;
  timeoutMs: number;
  /** Probability that the socket is destroyed before the message is created. */
  dropBeforeCreateRate: number;
  /** Probability that a message ends `undelivered` (with `undeliveredErrorCode`). */
  undeliveredRate: number;
  undeliveredErrorCode: number;
  /** Probability that a message ends `failed` (with `failedErrorCode`), never reaching `sent`. */
  failedRate: number;
  failedErrorCode: number;
  /** Probability that a status callback is posted twice (same idempotency token). */
  duplicateCallbackRate: number;
  /** Post the final status callback before the `sent` one. */
  reorderCallbacks: boolean;
  /** Probability that a status callback is never posted. */
  dropCallbackRate: number;
  /** How long one callback POST may take before it counts as failed, in ms. */
  callbackTimeoutMs: number;
  /** Fate per recipient (E.164): 'delivered' | 'sent' | 'undelivered[:code]' | 'failed[:code]'. */
  outcomes: Record<string, string>;
}

import type { AccountSenders } from './senders';

export interface SimOptions {
  /** 0 = random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** accountSid -> authToken. */
  accounts?: Record<string, string>;
  knobs?: Partial<Knobs>;
  /** Where injected inbound messages are POSTed unless the injection names a url. */
  inboundUrl?: string;
  /** PRNG seed for the knobs' dice. */
  seed?: number;
  /** accountSid -> the numbers and Messaging Services it owns (IncomingPhoneNumbers, Services lookups). */
  senders?: Record<string, AccountSenders>;
}

export type MessageStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'canceled'
  | 'received';

export interface SimMessage {
  sid: string;
  seq: number;
  accountSid: string;
  direction: 'outbound-api' | 'inbound';
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  numSegments: number;
  status: MessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  price: string | null;
  statusCallback: string | null;
  dateCreated: number;
  dateUpdated: number;
  dateSent: number | null;
  sendAt: number | null;
}

export interface SimCounters {
  createRequests: number;
  created: number;
  rejected: { byCode: Record<string, number> };
  rate429: number;
  rate5xx: number;
  timeouts: number;
  dropsBeforeCreate: number;
  callbacksPosted: number;
  callbacksFailed: number;
  /** Why attempts failed: `HTTP 503`, an error code such as `ECONNRESET`, or `timeout`; each attempt counted. */
  callbackFailures: Record<string, number>;
  callbacksLost: number;
  callbacksDropped: number;
  inboundPosted: number;
}

export interface SimStateMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  status: MessageStatus;
  direction: SimMessage['direction'];
  errorCode: number | null;
  createdAt: number;
  accountSid: string;
  statusCallback: string | null;
}

export interface SimState {
  counters: SimCounters;
  knobs: Knobs;
  messages: SimStateMessage[];
}

export interface InboundInjection {
  accountSid?: string;
  from: string;
  to: string;
  body: string;
  messagingServiceSid?: string;
  optOutType?: 'STOP' | 'START' | 'HELP';
  url?: string;
}

export interface InboundResult {
  status: number;
  body: string;
  messageSid: string;
}

export interface Simulator {
  url: string;
  port: number;
  accounts: Record<string, string>;
  setKnobs(k: Partial<Knobs>): void;
  /** Gives an account more numbers / Messaging Services (kept across reset()). */
  addSenders(accountSid: string, senders: AccountSenders): void;
  reset(): void;
  state(): SimState;
  injectInbound(i: InboundInjection): Promise<InboundResult>;
  /** Resolves when every scheduled transition and callback has been posted (or given up). */
  flushCallbacks(): Promise<void>;
  close(): Promise<void>;
}
