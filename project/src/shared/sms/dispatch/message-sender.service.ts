import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DomainEvents } from 'src/core/events/domain-events';
import { DatabaseService } from 'src/core/database/database.service';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { SmsAuditRepository } from '../audit/sms-audit.repository';
import { ProviderError, SMS_PROVIDER, type SmsProvider } from '../interfaces/sms-provider.interface';
import { maskPhone, maskPhonesIn } from '../phone.rules';
import type { SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsOptOutsRepository } from '../repositories/sms-opt-outs.repository';
import type { Sender } from '../settings/sender.service';
import { ClaimService } from './claim.service';
import { LeaseRecoveryService } from './lease-recovery.service';
import { MessageLifecycleService } from './message-lifecycle.service';
import { QuietHoursService } from './quiet-hours.service';
import { decideOutcome } from './send-outcome';
import { SenderHealthService } from './sender-health.service';

/**
 * The middle step of claim → send → record: one create call per claimed message, and what its answer means
 * (sent; retry later; failed for good; sender paused; outcome unknown, so ask Twilio before any resend).
 */
@Injectable()
export class MessageSenderService {
  private readonly logger = new Logger('SmsDispatcher');
  /** Injected in tests for deterministic backoff. */
  random: () => number = Math.random;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly database: DatabaseService,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly claims: ClaimService,
    private readonly lifecycle: MessageLifecycleService,
    private readonly recovery: LeaseRecoveryService,
    private readonly quietHours: QuietHoursService,
    private readonly senderHealth: SenderHealthService,
    private readonly audit: SmsAuditRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  /**
   * A STOP may have committed since the claim: one look for the whole batch right before the calls.
   * Returns the rows that may go out.
   */
  async dropOptedOut(rows: SmsMessageRow[], sender: Sender): Promise<SmsMessageRow[]> {
    const opted = await this.optOuts.optedOutAmong(
      sender.subAccountId,
      rows.map((r) => r.phoneNumber),
    );
    if (opted.size === 0) return rows;
    for (const r of rows) if (opted.has(r.phoneNumber)) await this.claims.cancelClaimed(r, 'opted_out');
    return rows.filter((r) => !opted.has(r.phoneNumber));
  }

  async send(row: SmsMessageRow, sender: Sender): Promise<void> {
    const quietUntil = await this.quietHours.waitUntil(row, sender, this.clock.now());
    if (quietUntil) {
      await this.lifecycle.deferForQuietHours(row.id, quietUntil);
      return;
    }
    const started = Date.now();
    try {
      const accepted = await this.provider.send(sender.credentials!, {
        to: row.phoneNumber,
        body: row.message,
        from: sender.from,
        messagingServiceSid: sender.messagingServiceSid,
        statusCallback: `${this.config.publicBaseUrl}/api/sms/webhooks/twilio/status`,
      });
      this.metrics.providerLatency.observe({ operation: 'create' }, (Date.now() - started) / 1000);
      this.metrics.sendLatency.observe(Math.max(0, Date.now() - row.notBefore.getTime()) / 1000);
      this.metrics.sendOutcomes.inc({ outcome: 'sent' });
      await this.lifecycle.recordSent(row.id, accepted);
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      await this.handleFailure(row, sender, e);
    }
  }

  private async handleFailure(row: SmsMessageRow, sender: Sender, error: ProviderError): Promise<void> {
    const outcome = decideOutcome(error, {
      now: this.clock.now(),
      attempts: row.attempts,
      retryAttempts: this.config.sms.retryAttempts,
      random: this.random,
    });
    this.metrics.sendOutcomes.inc({ outcome: outcome.action });
    this.logger.warn(
      `Send to ${maskPhone(row.phoneNumber)} (message ${row.id}): ${outcome.action}: ${maskPhonesIn(error.message)}`,
    );
    switch (outcome.action) {
      case 'retry':
        if (outcome.rateLimited) await this.senderHealth.halveInFlightCap(sender);
        await this.lifecycle.requeue(row.id, outcome.notBefore, outcome);
        return;
      case 'fail':
        if (outcome.optedOut) await this.addOptOutFrom21610(row);
        await this.lifecycle.recordFailed(row.id, outcome);
        return;
      case 'pause_sender':
        await this.senderHealth.pauseForCredentials(sender, outcome.message);
        await this.lifecycle.requeue(row.id, this.clock.now(), outcome, true);
        return;
      case 'verify_at_twilio':
        await this.recovery.verifyAfterNoAnswer(row, sender, outcome.message);
        return;
    }
  }

  /** Twilio says the person replied STOP to it directly: on our list too, audited like a STOP keyword. */
  private async addOptOutFrom21610(row: SmsMessageRow): Promise<void> {
    await this.database.transaction(async (tx) => {
      if (!(await this.optOuts.add(row.subAccountId, row.phoneNumber, 'error_21610', {}, tx))) return;
      await this.audit.record(
        {
          subAccountId: row.subAccountId,
          actorKind: 'twilio',
          action: 'opt_out.add',
          targetType: 'phone',
          targetId: maskPhone(row.phoneNumber),
          details: { source: 'error_21610', messageId: row.id },
        },
        tx,
      );
      await this.domainEvents.emit(tx, {
        type: 'sms.opted_out',
        subAccountId: row.subAccountId,
        phoneNumber: row.phoneNumber,
        source: 'error_21610',
      });
    });
  }
}
