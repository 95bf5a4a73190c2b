import { Injectable } from '@nestjs/common';
import type { ProviderCredentials } from '../interfaces/sms-provider.interface';
import { SenderService } from '../settings/sender.service';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';
import { isValidTwilioSignature, type TwilioParams } from '../webhook-signature';

/** Checks X-Twilio-Signature against the auth token of the account the request claims to come from. */
@Injectable()
export class WebhookAuthService {
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
  ): Promise<boolean> {
    const { credentials } = await this.senders.resolve(subAccountId);
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
