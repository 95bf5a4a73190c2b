import { Injectable, Logger } from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import { DatabaseService } from 'src/core/database/database.service';
import { DomainEvents } from 'src/core/events/domain-events';
import { SmsCampaignsEngineRepository } from '../repositories/sms-campaigns.repository';
import { SmsRateBucketsRepository } from '../repositories/sms-rate-buckets.repository';
import type { Sender } from '../settings/sender.service';
import { SmsSettingsRepository } from '../settings/sms-settings.repository';
import { capAfterRateLimit } from './in-flight-cap';

/** What a campaign paused for rejected credentials says; resuming it (after fixing them) clears it. */
export const CREDENTIALS_PAUSE =
  'Paused by the system: Twilio rejected the SubAccount’s credentials (20003). Fix them in SMS settings, then resume.';

/** Reactions to what Twilio says about a sender: slow down on 429, stop on rejected credentials. */
@Injectable()
export class SenderHealthService {
  private readonly logger = new Logger('SenderHealth');

  constructor(
    private readonly database: DatabaseService,
    private readonly buckets: SmsRateBucketsRepository,
    private readonly settings: SmsSettingsRepository,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
    private readonly campaigns: SmsCampaignsEngineRepository,
  ) {}

  /** A 429 halves the SubAccount's in-flight cap, once for a burst answered together (see in-flight-cap.ts). */
  async halveInFlightCap(sender: Sender): Promise<void> {
    const now = this.clock.now();
    await this.database.transaction(async (tx) => {
      const bucket = await this.buckets.lock(tx, sender.subAccountId, now, 0);
      const halved = capAfterRateLimit(bucket, sender, now);
      if (halved) await this.buckets.save(tx, sender.subAccountId, halved);
    });
  }

  /** 20003: every send would fail the same way. Stop this SubAccount's dispatch until settings change. */
  async pauseForCredentials(sender: Sender, message: string): Promise<void> {
    this.logger.error(`Twilio rejected the credentials of SubAccount ${sender.subAccountId}: dispatch paused`);
    await this.database.transaction(async (tx) => {
      await this.settings.upsert(
        sender.subAccountId,
        {
          credentialsStatus: 'rejected',
          dispatchPausedReason: `Twilio rejected the credentials (${message}). Fix them in SMS settings to resume sending.`,
        },
        tx,
      );
      await this.domainEvents.emit(tx, {
        type: 'sms.credentials_rejected',
        subAccountId: sender.subAccountId,
        message,
      });
      // Its sending campaigns say why they stopped (and notify), instead of looking stuck.
      for (const campaignId of await this.campaigns.pauseSending(tx, sender.subAccountId, CREDENTIALS_PAUSE)) {
        await this.domainEvents.emit(tx, {
          type: 'sms.campaign_stopped',
          subAccountId: sender.subAccountId,
          campaignId,
          status: 'paused',
          reason: CREDENTIALS_PAUSE,
        });
      }
    });
  }
}
