import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { maskPhonesIn } from '../phone.rules';
import { SMS_PROVIDER, type ProviderMessage, type SmsProvider } from '../interfaces/sms-provider.interface';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SenderService, type Sender } from '../settings/sender.service';
import { MessageLifecycleService } from './message-lifecycle.service';

/** How far before the claim Twilio's date_created may lie (clock skew between us and Twilio). */
const CLOCK_SKEW_MS = 5 * 60_000;
const REAP_BATCH = 20;

/**
 * A send whose outcome we never heard (worker died, or no answer from Twilio) may or may not exist at
 * Twilio, and Twilio's create has no idempotency key: ask Twilio before sending again.
 */
@Injectable()
export class LeaseRecoveryService {
  private readonly logger = new Logger('LeaseRecovery');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly messages: SmsMessagesRepository,
    private readonly senders: SenderService,
    private readonly lifecycle: MessageLifecycleService,
    private readonly clock: Clock,
  ) {}

  async recoverExpiredLeases(now: Date): Promise<number> {
    const leaseUntil = new Date(now.getTime() + this.config.sms.leaseSeconds * 1000);
    const rows = await this.messages.reclaimExpiredLeases(now, leaseUntil, REAP_BATCH);
    for (const row of rows) {
      const sender = await this.senders.resolve(row.subAccountId);
      await this.resolveUnknownOutcome(row, sender, 'lease expired while sending', () => now).catch((e: unknown) =>
        this.logger.warn(`Could not check message ${row.id} at Twilio yet: ${maskPhonesIn(String(e))}`),
      );
    }
    return rows.length;
  }

  /**
   * The create call got no answer. If Twilio has the message, it is sent. If not, it may still land: a
   * request we gave up on can be processed by Twilio afterwards. So nothing is re-sent yet: the message
   * stays `sending` under a fresh lease, and the reaper looks again when that expires.
   */
  async verifyAfterNoAnswer(row: SmsMessageRow, sender: Sender, reason: string): Promise<void> {
    try {
      const found = sender.credentials ? await this.findAtTwilio(row, sender) : undefined;
      if (found) {
        await this.lifecycle.recordSent(row.id, found);
        return;
      }
    } catch (e) {
      this.logger.warn(`Message ${row.id}: Twilio unreachable for the check too: ${String(e)}`);
    }
    const recheckAt = new Date(this.clock.now().getTime() + this.config.sms.leaseSeconds * 1000);
    await this.lifecycle.holdForRecheck(row.id, recheckAt, `${reason}; checking Twilio again before any resend`);
  }

  private async resolveUnknownOutcome(row: SmsMessageRow, sender: Sender, reason: string, retryAt: () => Date) {
    const found = sender.credentials ? await this.findAtTwilio(row, sender) : undefined;
    if (found) {
      this.logger.log(`Message ${row.id} had reached Twilio as ${found.sid}: recorded, not sent again`);
      await this.lifecycle.recordSent(row.id, found);
      return;
    }
    if (row.attempts > this.config.sms.retryAttempts) {
      await this.lifecycle.recordFailed(row.id, { message: `Gave up after ${row.attempts} attempts: ${reason}` });
      return;
    }
    await this.lifecycle.requeue(row.id, retryAt(), { message: `${reason}; not found at Twilio, sending again` });
  }

  private async findAtTwilio(row: SmsMessageRow, sender: Sender): Promise<ProviderMessage | undefined> {
    const since = new Date((row.claimedAt ?? row.updatedAt).getTime() - CLOCK_SKEW_MS);
    const candidates = await this.provider.listSince(sender.credentials!, { to: row.phoneNumber, since });
    for (const m of candidates) {
      if (m.body !== row.message) continue;
      if (await this.messages.findBySid(m.sid)) continue; // another message of ours with the same text
      return m;
    }
    return undefined;
  }
}
