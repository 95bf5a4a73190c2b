import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { decryptSecret } from 'src/core/crypto/secret-box';
import type { DbOrTx } from 'src/core/database/database.service';
import type { ProviderCredentials } from '../interfaces/sms-provider.interface';
import type { QuietHours } from '../quiet-hours';
import { perSecondFromPerMinute } from '../token-bucket';
import { SmsSettingsRepository, type SmsSettingsRow } from './sms-settings.repository';

/** Everything the dispatcher needs to send for one SubAccount. */
export interface Sender {
  subAccountId: number;
  credentials: ProviderCredentials | null;
  credentialsSource: 'subaccount' | 'environment' | 'none';
  from?: string;
  messagingServiceSid?: string;
  /** Sends from the installation's shared sender (no own credentials, number or Messaging Service). */
  usesSharedSender: boolean;
  rateLimitPerMinute: number;
  /** The rate the dispatcher keeps, in Twilio's unit: message segments per second from this sender. */
  segmentsPerSecond: number;
  maxInFlight: number;
  spendingCapSegments: number | null;
  /** Why dispatch is paused for this SubAccount (e.g. credentials rejected), or null. */
  pausedReason: string | null;
  quietHours: QuietHours;
  /** The SubAccount's time zone: the recipient's when nothing better is known. */
  timeZone: string;
}

/** Resolves a SubAccount's sender: its own settings first, else the environment's Twilio account. */
@Injectable()
export class SenderService {
  constructor(
    private readonly settings: SmsSettingsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get mode(): 'simulator' | 'live' {
    return this.config.twilio.apiBaseUrl ? 'simulator' : 'live';
  }

  async resolve(subAccountId: number, row?: SmsSettingsRow): Promise<Sender> {
    const [s, subAccount] = await Promise.all([
      row ?? this.settings.find(subAccountId),
      this.settings.subAccount(subAccountId),
    ]);
    return this.fromRows(subAccountId, s, subAccount);
  }

  /** resolve() from rows already read (e.g. SmsSettingsRepository.subAccountWithSettings, one query). */
  fromRows(
    subAccountId: number,
    s: SmsSettingsRow | undefined | null,
    subAccount: { timeZone: string } | undefined,
  ): Sender {
    const credentials = this.credentialsOf(s);
    // A SubAccount with its own account sends only from its own senders, never the environment's; one with a
    // sender of its own (assigned by a system admin) never mixes in the shared one.
    const shared = credentials.credentialsSource !== 'subaccount' && !s?.phoneNumber && !s?.messagingServiceSid;
    return {
      subAccountId,
      ...credentials,
      from: s?.phoneNumber ?? (shared ? this.config.twilio.phoneNumber : undefined),
      messagingServiceSid: s?.messagingServiceSid ?? (shared ? this.config.twilio.messagingServiceSid : undefined),
      usesSharedSender: shared && Boolean(this.config.twilio.phoneNumber || this.config.twilio.messagingServiceSid),
      rateLimitPerMinute: s?.rateLimitPerMinute ?? this.config.sms.rateLimitPerMinute,
      segmentsPerSecond: this.segmentsPerSecond(s),
      maxInFlight: s?.maxInFlight ?? this.config.sms.maxInFlight,
      spendingCapSegments: s?.spendingCapSegments ?? null,
      pausedReason: s?.dispatchPausedReason ?? null,
      quietHours: {
        enabled: s?.quietHoursEnabled ?? this.config.sms.quietHoursEnabledDefault,
        start: s?.quietHoursStart ?? '21:00',
        end: s?.quietHoursEnd ?? '08:00',
        days: s?.quietHoursDays ?? [1, 2, 3, 4, 5, 6, 7],
      },
      timeZone: subAccount?.timeZone ?? 'America/New_York',
    };
  }

  /** The SubAccount's own rate (segments/s, else messages/min) wins over the installation's (the same order). */
  private segmentsPerSecond(s: SmsSettingsRow | undefined | null): number {
    if (s?.rateSegmentsPerSecond) return s.rateSegmentsPerSecond;
    if (s?.rateLimitPerMinute) return perSecondFromPerMinute(s.rateLimitPerMinute);
    return this.config.sms.rateSegmentsPerSecond ?? perSecondFromPerMinute(this.config.sms.rateLimitPerMinute);
  }

  /** Only the account that signs this SubAccount's webhooks (one read of its settings). */
  async credentials(subAccountId: number, db?: DbOrTx): Promise<ProviderCredentials | null> {
    return this.credentialsOf(await this.settings.find(subAccountId, db)).credentials;
  }

  /** The environment's account, for webhooks of SubAccounts without their own. */
  environmentCredentials(): ProviderCredentials | null {
    const { accountSid, authToken } = this.config.twilio;
    return accountSid && authToken ? { accountSid, authToken } : null;
  }

  private credentialsOf(s: SmsSettingsRow | undefined | null): Pick<Sender, 'credentials' | 'credentialsSource'> {
    if (s?.accountSid && s.authTokenEncrypted) {
      const authToken = decryptSecret(this.config.encryptionKey, s.authTokenEncrypted);
      return { credentials: { accountSid: s.accountSid, authToken }, credentialsSource: 'subaccount' };
    }
    const env = this.environmentCredentials();
    return env
      ? { credentials: env, credentialsSource: 'environment' }
      : { credentials: null, credentialsSource: 'none' };
  }
}
