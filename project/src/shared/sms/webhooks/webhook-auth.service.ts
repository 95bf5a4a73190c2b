import { Injectable } from '@nestjs/common';
import type { DbOrTx } from 'src/core/database/database.service';
import type { ProviderCredentials } from '../interfaces/sms-provider.interface';
import { SenderService } from '../settings/sender.service';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';
import { isValidTwilioSignature, type TwilioParams } from '../webhook-signature';

/**
 * How long a SubAccount's auth token is reused for checking signatures: every message brings two or more
 * callbacks. A signature that fails against a remembered token is checked again against the stored one, so
 * a new token works at once; a replaced one is still accepted for at most this long.
 */
const CREDENTIALS_TTL_MS = 30_000;

/** Checks X-Twilio-Signature against the auth token of the account the request claims to come from. */
@Injectable()
export class WebhookAuthService {
  private readonly remembered = new Map<number, { credentials: ProviderCredentials | null; until: number }>();

  constructor(
    private readonly senders: SenderService,
    private readonly settings: SmsSettingsRepository,
  ) {}

  /** For a request about one SubAccount's message: its own account must have signed it. */
  async isSignedFor(
    subAccountId: number,
    signature: string | undefined,
    url: string,
    params: TwilioParams,
    db?: DbOrTx,
  ): Promise<boolean> {
    const cached = this.remembered.get(subAccountId);
    if (cached && cached.until > Date.now() && this.signedBy(cached.credentials, signature, url, params)) return true;
    const credentials = await this.senders.credentials(subAccountId, db);
    this.remembered.set(subAccountId, { credentials, until: Date.now() + CREDENTIALS_TTL_MS });
    return this.signedBy(credentials, signature, url, params);
  }

  /**
   * SubAccounts whose Twilio account signed this request (by AccountSid, then signature). Several
   * SubAccounts may share the environment's account.
   */
  async signingSubAccounts(
    signature: string | undefined,
    url: string,
    params: TwilioParams,
  ): Promise<{ subAccountIds: number[]; environment: boolean }> {
    const accountSid = typeof params.AccountSid === 'string' ? params.AccountSid : '';
    const own: number[] = [];
    for (const id of await this.settings.subAccountsWithAccountSid(accountSid)) {
      if (await this.isSignedFor(id, signature, url, params)) own.push(id);
    }
    const env = this.senders.environmentCredentials();
    return { subAccountIds: own, environment: this.signedBy(env, signature, url, params) };
  }

  /** Signed by the installation's own Twilio account (the shared sender's). */
  isSignedByEnvironment(signature: string | undefined, url: string, params: TwilioParams): boolean {
    return this.signedBy(this.senders.environmentCredentials(), signature, url, params);
  }

  /** Signed by the installation's account or by the account of any SubAccount. */
  async isSignedByAnyKnown(signature: string | undefined, url: string, params: TwilioParams): Promise<boolean> {
    const signers = await this.signingSubAccounts(signature, url, params);
    return signers.environment || signers.subAccountIds.length > 0;
  }

  private signedBy(
    credentials: ProviderCredentials | null,
    signature: string | undefined,
    url: string,
    params: TwilioParams,
  ): boolean {
    if (!credentials || !signature) return false;
    if (params.AccountSid !== credentials.accountSid) return false;
    return isValidTwilioSignature(credentials.authToken, signature, url, params);
  }
}
