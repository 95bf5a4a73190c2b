export interface ProviderCredentials {
  accountSid: string;
  authToken: string;
}

/** One sender to look up: a phone number or a Messaging Service. */
export type SenderRef = { phoneNumber: string } | { messagingServiceSid: string };

export interface ProviderSendRequest {
  to: string;
  body: string;
  from?: string;
  messagingServiceSid?: string;
  statusCallback: string;
}

/** Twilio's Message resource, as much of it as the engine reads. */
export interface ProviderMessage {
  sid: string;
  status: string;
  to: string;
  from: string | null;
  body: string;
  dateCreated: Date | null;
  dateSent: Date | null;
  errorCode: number | null;
  errorMessage: string | null;
  numSegments: number | null;
  price: string | null;
  priceUnit: string | null;
}

/** Twilio's answer was an error (status/code), or no answer came (networkError). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: number,
    readonly networkError = false,
  ) {
    super(message);
  }
}

export interface SmsProvider {
  send(credentials: ProviderCredentials, request: ProviderSendRequest): Promise<ProviderMessage>;
  fetch(credentials: ProviderCredentials, sid: string): Promise<ProviderMessage>;
  /** Outbound messages to `to` created since `since`, newest first (for crash recovery). */
  listSince(
    credentials: ProviderCredentials,
    query: { to: string; from?: string; since: Date },
  ): Promise<ProviderMessage[]>;
  /** One page (up to `limit`, at most 1,000) of the account's messages sent in [since, until] (price collection). */
  listSentBetween(
    credentials: ProviderCredentials,
    query: { since: Date; until: Date; limit: number },
  ): Promise<ProviderMessage[]>;
  /** Cheap authenticated call to check credentials. */
  verify(credentials: ProviderCredentials): Promise<void>;
  /**
   * Whether this account owns the number (IncomingPhoneNumbers) or Messaging Service (Services fetch).
   * Throws ProviderError when Twilio refuses the credentials or cannot be reached.
   */
  owns(credentials: ProviderCredentials, sender: SenderRef): Promise<boolean>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
