import { Module } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { SmsAuditRepository } from './audit/sms-audit.repository';
import { ClaimService } from './dispatch/claim.service';
import { LeaseRecoveryService } from './dispatch/lease-recovery.service';
import { CampaignProgressService } from './dispatch/campaign-progress.service';
import { MessageLifecycleService } from './dispatch/message-lifecycle.service';
import { MessageSenderService } from './dispatch/message-sender.service';
import { SentRecorderService } from './dispatch/sent-recorder.service';
import { StatusApplyService } from './dispatch/status-apply.service';
import { SenderHealthService } from './dispatch/sender-health.service';
import { QuietHoursService } from './dispatch/quiet-hours.service';
import { SmsDispatcherService } from './dispatch/sms-dispatcher.service';
import { StatusReconcilerService } from './dispatch/status-reconciler.service';
import { SMS_PROVIDER } from './interfaces/sms-provider.interface';
import { TwilioProvider } from './provider/twilio.provider';
import { SmsCampaignsEngineRepository } from './repositories/sms-campaigns.repository';
import { SmsMessageArchiveRepository } from './repositories/sms-message-archive.repository';
import { SmsMessageHistoryRepository } from './repositories/sms-message-history.repository';
import { SmsEventsRepository } from './repositories/sms-events.repository';
import { SmsMessagesRepository } from './repositories/sms-messages.repository';
import { SmsOptOutsRepository } from './repositories/sms-opt-outs.repository';
import { SmsOutboxRepository } from './repositories/sms-outbox.repository';
import { SmsRateBucketsRepository } from './repositories/sms-rate-buckets.repository';
import { SmsSpendingRepository } from './repositories/sms-spending.repository';
import { SmsStatsRepository } from './repositories/sms-stats.repository';
import { SmsUnassignedRepository } from './repositories/sms-unassigned.repository';
import { SenderService } from './settings/sender.service';
import { SmsSettingsRepository } from './settings/sms-settings.repository';
import { SmsHealthService } from './sms-health.service';
import { SmsService } from './sms.service';
import { AcceptBatcher } from './accept-batcher';
import { InboundMessageService } from './webhooks/inbound-message.service';
import { InboundRouterService } from './webhooks/inbound-router.service';
import { InboundWebhookController } from './webhooks/inbound-webhook.controller';
import { KeywordActionsService } from './webhooks/keyword-actions.service';
import { UnassignedInboundService } from './webhooks/unassigned-inbound.service';
import { StatusWebhookController } from './webhooks/status-webhook.controller';
import { WebhookAuthService } from './webhooks/webhook-auth.service';

const repositories = [
  SmsMessagesRepository,
  SmsMessageHistoryRepository,
  SmsMessageArchiveRepository,
  SmsEventsRepository,
  SmsSpendingRepository,
  SmsStatsRepository,
  SmsCampaignsEngineRepository,
  SmsOptOutsRepository,
  SmsOutboxRepository,
  SmsRateBucketsRepository,
  SmsSettingsRepository,
  SmsAuditRepository,
  SmsUnassignedRepository,
];

/** The SMS engine: accept rules, outbox dispatcher, provider, webhooks. Its only routes are Twilio's webhooks. */
@Module({
  controllers: [StatusWebhookController, InboundWebhookController],
  providers: [
    ...repositories,
    {
      provide: SMS_PROVIDER,
      inject: [APP_CONFIG],
      // A create must time out well inside its lease, or the reaper could re-send one still on its way.
      useFactory: (config: AppConfig) =>
        new TwilioProvider({
          baseUrl: config.twilio.apiBaseUrl,
          timeoutMs: Math.min(15_000, config.sms.leaseSeconds * 500),
        }),
    },
    SenderService,
    SmsService,
    AcceptBatcher,
    MessageLifecycleService,
    CampaignProgressService,
    StatusApplyService,
    SentRecorderService,
    MessageSenderService,
    ClaimService,
    LeaseRecoveryService,
    SenderHealthService,
    SmsDispatcherService,
    StatusReconcilerService,
    QuietHoursService,
    WebhookAuthService,
    InboundRouterService,
    InboundMessageService,
    KeywordActionsService,
    UnassignedInboundService,
    SmsHealthService,
  ],
  exports: [
    ...repositories,
    SMS_PROVIDER,
    SenderService,
    QuietHoursService,
    SmsService,
    MessageLifecycleService,
    SmsDispatcherService,
    InboundMessageService,
  ],
})
export class SharedSmsModule {}
