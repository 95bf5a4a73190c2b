import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { Clock } from 'src/core/clock/clock';
import { DomainEvents } from 'src/core/events/domain-events';
import { DatabaseService } from 'src/core/database/database.service';
import { MetricsService } from 'src/core/metrics/metrics.service';
import { FailureBackoff } from 'src/core/scheduling/periodic-task';
import { SmsAuditRepository } from '../audit/sms-audit.repository';
import { ProviderError, SMS_PROVIDER, type SmsProvider } from '../interfaces/sms-provider.interface';
import { maskPhone, maskPhonesIn } from '../phone.rules';
import { SmsCampaignsEngineRepository } from '../repositories/sms-campaigns.repository';
import { SmsMessagesRepository, type SmsMessageRow } from '../repositories/sms-messages.repository';
import { SmsOptOutsRepository } from '../repositories/sms-opt-outs.repository';
import { SenderService, type Sender } from '../settings/sender.service';
import { ClaimService } from './claim.service';
import { MessageLifecycleService } from './message-lifecycle.service';
import { LeaseRecoveryService } from './lease-recovery.service';
import { decideOutcome } from './send-outcome';
import { QuietHoursService } from './quiet-hours.service';
import { SenderHealthService } from './sender-health.service';
import { StatusReconcilerService } from './status-reconciler.service';

/**
 * The outbox dispatcher: claims due messages under each SubAccount's rate budget, sends them through
 * the provider, and records the outcome. Runs in every process with SMS_ROLE=all|worker.
 */
@Injectable()
export class SmsDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsDispatcher');
  private readonly inFlight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private ticking: Promise<number> | undefined;
  /** Injected in tests for deterministic backoff. */
  random: () => number = Math.random;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly campaigns: SmsCampaignsEngineRepository,
    private readonly optOuts: SmsOptOutsRepository,
    private readonly senders: SenderService,
    private readonly claims: ClaimService,
    private readonly lifecycle: MessageLifecycleService,
    private readonly recovery: LeaseRecoveryService,
    private readonly reconciler: StatusReconcilerService,
    private readonly quietHours: QuietHoursService,
    private readonly senderHealth: SenderHealthService,
    private readonly audit: SmsAuditRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
    private readonly domainEvents: DomainEvents,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  onApplicationBootstrap(): void {
    if (this.config.sms.role !== 'api') this.start();
  }

  start(): void {
    if (this.timer || this.stopping) return;
    // While the database is unreachable, ticks fail: back off (up to 10 s) instead of failing every interval.
    const backoff = new FailureBackoff('Dispatch tick', this.config.sms.dispatchIntervalMs, this.logger);
    const loop = async () => {
      const delay = await this.tick().then(
        () => backoff.succeeded(),
        (e: unknown) => backoff.failed(e),
      );
      if (!this.stopping) this.timer = setTimeout(() => void loop(), delay);
    };
    this.timer = setTimeout(() => void loop(), 0);
  }

  /** One pass: recover expired leases, then claim and start sending for every SubAccount with due work. */
  tick(): Promise<number> {
    this.ticking ??= this.runTick().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Ticks until nothing is due or in flight (tests and benchmarks); returns messages claimed. */
  async drain(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let total = 0;
    for (;;) {
      const claimed = await this.tick();
      total += claimed;
      await this.settled();
      if (claimed === 0 && this.inFlight.size === 0) return total;
      if (Date.now() > deadline) throw new Error('Dispatcher did not drain in time');
    }
  }

  /** Waits for the sends started so far. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking?.catch(() => undefined);
    await this.settled();
  }

  private async runTick(): Promise<number> {
    if (this.stopping) return 0;
    const now = this.clock.now();
    await this.campaigns.startDueScheduled(this.database.db, now);
    await this.recovery.recoverExpiredLeases(now);
    await this.reconciler.reconcileDue(now);
    let claimed = 0;
    for (const subAccountId of await this.messages.subAccountsWithDueWork(now)) {
      if (this.stopping) break;
      claimed += await this.dispatchFor(subAccountId);
    }
    return claimed;
  }

  private async dispatchFor(subAccountId: number): Promise<number> {
    const sender = await this.senders.resolve(subAccountId);
    if (sender.pausedReason || !sender.credentials) return 0;
    const claimed = await this.claims.claim(sender);
    for (const row of claimed) this.track(row.id, this.sendOne(row, sender));
    return claimed.length;
  }

  private track(id: number, work: Promise<void>): void {
    const tracked = work
      .catch((e: unknown) => this.logger.error(`Send of message ${id} crashed: ${String(e)}`))
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, tracked);
  }

  private async sendOne(row: SmsMessageRow, sender: Sender): Promise<void> {
    // A STOP may have committed since the claim: look once more right before the call.
    if (await this.optOuts.isOptedOut(row.subAccountId, row.phoneNumber)) {
      await this.claims.cancelClaimed(row, 'opted_out');
      return;
    }
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
}
