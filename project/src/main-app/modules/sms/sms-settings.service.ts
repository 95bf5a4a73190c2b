import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from 'src/core/auth/auth-context';
import { tenantOf } from 'src/core/auth/auth.decorators';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { encryptSecret } from 'src/core/crypto/secret-box';
import { DatabaseService } from 'src/core/database/database.service';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';
import { SubAccountsRepository } from 'src/main-app/modules/subaccounts/subaccounts.repository';
import { SmsAuditRepository } from 'src/shared/sms/audit/sms-audit.repository';
import { ProviderError, SMS_PROVIDER, type SmsProvider } from 'src/shared/sms/interfaces/sms-provider.interface';
import { SenderService, type Sender } from 'src/shared/sms/settings/sender.service';
import {
  SmsSettingsRepository,
  type SmsSettingsRow,
  type SmsSettingsUpdate,
} from 'src/shared/sms/settings/sms-settings.repository';
import type { SmsSettingsDto, TestConnectionDto, UpdateSmsSettingsDto } from './dto/sms-settings.dto';
import { SenderClaimService } from './sender-claim.service';
import { actorOf } from './sms.service';
import type { RequestMeta } from 'src/core/http/request-meta.decorator';

const CREDENTIAL_FIELDS = ['accountSid', 'authToken', 'phoneNumber', 'messagingServiceSid'] as const;

/** Per-SubAccount Twilio settings; the auth token is encrypted at rest and never returned. */
@Injectable()
export class SmsSettingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly database: DatabaseService,
    private readonly settings: SmsSettingsRepository,
    private readonly subAccounts: SubAccountsRepository,
    private readonly senders: SenderService,
    private readonly audit: SmsAuditRepository,
    private readonly claims: SenderClaimService,
  ) {}

  async get(auth: AuthContext): Promise<SmsSettingsDto> {
    const subAccountId = tenantOf(auth);
    const [row, subAccount] = await Promise.all([
      this.settings.find(subAccountId),
      this.settings.subAccount(subAccountId),
    ]);
    if (!subAccount) throw AppError.notFound('SubAccount');
    const sender = await this.senders.resolve(subAccountId, row);
    return {
      accountSid: row?.accountSid ?? null,
      authTokenLast4: row?.authTokenLast4 ?? null,
      phoneNumber: row?.phoneNumber ?? null,
      messagingServiceSid: row?.messagingServiceSid ?? null,
      credentialsSource: sender.credentialsSource,
      usesSharedSender: sender.usesSharedSender,
      rateLimitPerMinute: row?.rateLimitPerMinute ?? null,
      effectiveRateLimitPerMinute: sender.rateLimitPerMinute,
      rateSegmentsPerSecond: row?.rateSegmentsPerSecond ?? null,
      effectiveSegmentsPerSecond: sender.segmentsPerSecond,
      maxInFlight: row?.maxInFlight ?? null,
      spendingCapSegments: row?.spendingCapSegments ?? null,
      defaultCountry: subAccount.defaultCountry,
      mode: this.senders.mode,
      credentialsStatus: row?.credentialsStatus ?? 'unknown',
      dispatchPaused: Boolean(row?.dispatchPausedReason),
      dispatchPausedReason: row?.dispatchPausedReason ?? null,
      quietHoursEnabled: sender.quietHours.enabled,
      quietHoursStart: row?.quietHoursStart ?? '21:00',
      quietHoursEnd: row?.quietHoursEnd ?? '08:00',
      quietHoursDays: row?.quietHoursDays ?? [1, 2, 3, 4, 5, 6, 7],
      helpText: row?.helpText ?? null,
      ...this.senderFacts(row, sender),
    };
  }

  /** What an admin needs to wire Twilio: the webhook URLs and which sender sends really use. */
  private senderFacts(row: SmsSettingsRow | undefined, sender: Sender) {
    const base = `${this.config.publicBaseUrl}/api/sms/webhooks/twilio`;
    const effectiveSender = sender.messagingServiceSid ?? sender.from ?? null;
    const ownSender = Boolean(row?.messagingServiceSid ?? row?.phoneNumber);
    return {
      statusWebhookUrl: `${base}/status`,
      inboundWebhookUrl: `${base}/inbound`,
      effectiveSender,
      senderSource: effectiveSender === null ? 'none' : ownSender ? 'subaccount' : 'environment',
      estimatedPricePerSegment: this.config.sms.estimatedPricePerSegment,
    };
  }

  async update(auth: AuthContext, dto: UpdateSmsSettingsDto, meta: RequestMeta): Promise<SmsSettingsDto> {
    const subAccountId = tenantOf(auth);
    const { authToken, defaultCountry, ...plain } = dto;
    const senders = await this.claims.check(auth, subAccountId, dto, await this.settings.find(subAccountId));
    const values: SmsSettingsUpdate = { ...plain, ...senders };
    if (authToken !== undefined) {
      values.authTokenEncrypted = authToken === null ? null : encryptSecret(this.config.encryptionKey, authToken);
      values.authTokenLast4 = authToken === null ? null : authToken.slice(-4);
    }
    const changed = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
    if (CREDENTIAL_FIELDS.some((f) => changed.includes(f))) {
      // New credentials: unknown until used or tested; a pause caused by the old ones is lifted.
      values.credentialsStatus = 'unknown';
      values.dispatchPausedReason = null;
    }
    await this.database.transaction(async (tx) => {
      await this.settings.upsert(subAccountId, values, tx).catch((e: unknown) => {
        // sms_settings_phone_number_idx / _messaging_service_idx: another SubAccount took it meanwhile.
        throw isUniqueViolation(e)
          ? new AppError(AppErrorCode.CONFLICT, 'That sender is already the sender of another SubAccount')
          : e;
      });
      if (defaultCountry)
        await this.subAccounts.update(null, subAccountId, { defaultCountry: defaultCountry.toUpperCase() });
      const actor = actorOf(auth, meta);
      // Field names only: a secret's value never reaches the audit log.
      await this.audit.record(
        {
          subAccountId,
          actorKind: actor.kind,
          actorId: actor.id,
          action: 'settings.update',
          targetType: 'sms_settings',
          targetId: String(subAccountId),
          details: { fields: changed, ...(auth.role === 'super_admin' ? { by: 'system_admin' } : {}) },
          requestId: meta.requestId,
          ip: meta.ip,
        },
        tx,
      );
    });
    return this.get(auth);
  }

  async test(auth: AuthContext): Promise<TestConnectionDto> {
    const subAccountId = tenantOf(auth);
    const sender = await this.senders.resolve(subAccountId);
    if (!sender.credentials) return { ok: false, message: 'No Twilio credentials: set an Account SID and auth token' };
    try {
      await this.provider.verify(sender.credentials);
      await this.settings.upsert(subAccountId, { credentialsStatus: 'ok', dispatchPausedReason: null });
      const where = this.senders.mode === 'simulator' ? 'the Twilio simulator' : 'Twilio';
      return { ok: true, message: `Connected to ${where} as ${sender.credentials.accountSid}` };
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      const rejected = e.code === 20003 || e.status === 401;
      if (rejected) await this.settings.upsert(subAccountId, { credentialsStatus: 'rejected' });
      return {
        ok: false,
        message: rejected ? `Twilio rejected the credentials (${e.message})` : `Could not reach Twilio: ${e.message}`,
      };
    }
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
}
