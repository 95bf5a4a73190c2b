import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { hasRole } from 'src/core/auth/roles';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { decryptSecret } from 'src/core/crypto/secret-box';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import {
  ProviderError,
  SMS_PROVIDER,
  type ProviderCredentials,
  type SenderRef,
  type SmsProvider,
} from 'src/shared/sms/interfaces/sms-provider.interface';
import { SmsSettingsRepository, type SmsSettingsRow } from 'src/shared/sms/settings/sms-settings.repository';
import type { UpdateSmsSettingsDto } from './dto/sms-settings.dto';

type SenderField = 'phoneNumber' | 'messagingServiceSid';
const SENDER_FIELDS: SenderField[] = ['phoneNumber', 'messagingServiceSid'];

/**
 * Who may send from what (docs/security.md, "Sender numbers"): a SubAccount's own Twilio account must own the
 * number or Messaging Service it names, unless a system admin assigns it; a sender belongs to at most one
 * SubAccount; the installation's shared sender is handed out by a system admin only.
 */
@Injectable()
export class SenderClaimService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly settings: SmsSettingsRepository,
  ) {}

  /**
   * Checks the sender this update leaves the SubAccount with and returns the values to store: the shared
   * sender is stored as null (a SubAccount without a sender of its own uses it).
   */
  async check(
    auth: AuthContext,
    subAccountId: number,
    dto: UpdateSmsSettingsDto,
    row: SmsSettingsRow | undefined,
  ): Promise<Partial<Record<SenderField, null>>> {
    const touched = ['accountSid', 'authToken', ...SENDER_FIELDS].some(
      (f) => (dto as Record<string, unknown>)[f] !== undefined,
    );
    if (!touched) return {};
    const systemAdmin = hasRole(auth, 'system_admin');
    const cleared: Partial<Record<SenderField, null>> = {};
    for (const field of SENDER_FIELDS) {
      const value = dto[field] === undefined ? row?.[field] : dto[field];
      if (!value) continue;
      if (this.isShared(field, value)) {
        if (!systemAdmin) throw this.sharedRefused(field, value);
        cleared[field] = null;
        continue;
      }
      await this.assertFree(field, value, subAccountId);
      if (!systemAdmin) await this.assertOwned(field, value, this.credentialsAfter(dto, row));
    }
    return cleared;
  }

  /** The installation's sender (TWILIO_PHONE_NUMBER / TWILIO_MESSAGING_SERVICE_SID). */
  isShared(field: SenderField, value: string): boolean {
    const env = this.config.twilio;
    return value === (field === 'phoneNumber' ? env.phoneNumber : env.messagingServiceSid);
  }

  private sharedRefused(field: SenderField, value: string): AppError {
    return new AppError(
      AppErrorCode.FORBIDDEN,
      `${field}: ${value} is the installation's shared sender; only a system admin can hand it out`,
      [{ field, message: 'the shared sender is assigned by a system admin only' }],
    );
  }

  private async assertFree(field: SenderField, value: string, subAccountId: number): Promise<void> {
    const holders = await this.settings.subAccountsWithSender(field === 'phoneNumber' ? value : '', value);
    if (holders.some((id) => id !== subAccountId)) {
      throw new AppError(AppErrorCode.CONFLICT, `${field}: ${value} is already the sender of another SubAccount`, [
        { field, message: 'already the sender of another SubAccount' },
      ]);
    }
  }

  private credentialsAfter(dto: UpdateSmsSettingsDto, row: SmsSettingsRow | undefined): ProviderCredentials | null {
    const accountSid = dto.accountSid === undefined ? row?.accountSid : dto.accountSid;
    const authToken =
      dto.authToken === undefined
        ? row?.authTokenEncrypted
          ? decryptSecret(this.config.encryptionKey, row.authTokenEncrypted)
          : null
        : dto.authToken;
    return accountSid && authToken ? { accountSid, authToken } : null;
  }

  private async assertOwned(field: SenderField, value: string, credentials: ProviderCredentials | null) {
    if (!credentials) {
      throw new AppError(
        AppErrorCode.FORBIDDEN,
        `${field}: numbers and Messaging Services of the installation's Twilio account are assigned by a system admin; ` +
          `to use your own, save your own Account SID and auth token with it`,
        [{ field, message: 'needs your own Twilio credentials, or a system admin' }],
      );
    }
    const sender: SenderRef = field === 'phoneNumber' ? { phoneNumber: value } : { messagingServiceSid: value };
    let owned: boolean;
    try {
      owned = await this.provider.owns(credentials, sender);
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      const rejected = e.code === 20003 || e.status === 401 || e.status === 403;
      throw rejected
        ? AppError.validation('authToken', `Twilio rejected these credentials, so ${value} could not be checked`)
        : new AppError(AppErrorCode.PROVIDER, `Could not ask Twilio who owns ${value}: ${e.message}`);
    }
    if (!owned) {
      throw new AppError(
        AppErrorCode.FORBIDDEN,
        `${field}: Twilio account ${credentials.accountSid} does not own ${value}`,
        [{ field, message: 'not owned by this SubAccount’s Twilio account' }],
      );
    }
  }
}
