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
import { DatabaseService } from 'src/core/database/database.service';
import { FailureBackoff } from 'src/core/scheduling/periodic-task';
import { SmsCampaignsEngineRepository } from '../repositories/sms-campaigns.repository';
import { SmsMessagesRepository } from '../repositories/sms-messages.repository';
import { SenderService } from '../settings/sender.service';
import { ClaimService } from './claim.service';
import { LeaseRecoveryService } from './lease-recovery.service';
import { MessageSenderService } from './message-sender.service';
import { StatusReconcilerService } from './status-reconciler.service';

/** The fastest the idle poll goes (just after work). */
const MIN_POLL_MS = 20;

interface Pump {
  busy: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * The outbox dispatcher: a stream of claim → send → record per SubAccount. Started (SMS_ROLE=all|worker), it
 * refills a sender's freed slot at once: each finished send asks its SubAccount's pump for more, and a pump
 * claims as many as are free and due (one claim at a time per SubAccount and process; sends finishing meanwhile
 * are claimed together next). A sender out of tokens is woken when its bucket has one again. SubAccounts pump
 * independently, each inside its own budget, so one tenant's campaign does not hold another's sends back.
 * A quiet system polls for new work ever more slowly, up to SMS_DISPATCH_INTERVAL_MS.
 * Not started (tests), `tick()` does one claim per SubAccount and nothing moves by itself.
 */
@Injectable()
export class SmsDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SmsDispatcher');
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly pumps = new Map<number, Pump>();
  /** Pumps running now (a claim may be under way): shutdown waits for them before it waits for the sends. */
  private readonly pumping = new Set<Promise<void>>();
  private looping = false;
  private stopping = false;
  private loopDone: Promise<void> | undefined;
  private wakeLoop: (() => void) | undefined;
  private ticking: Promise<number> | undefined;
  private lastHousekeeping = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly messages: SmsMessagesRepository,
    private readonly campaigns: SmsCampaignsEngineRepository,
    private readonly senders: SenderService,
    private readonly claims: ClaimService,
    private readonly sender: MessageSenderService,
    private readonly recovery: LeaseRecoveryService,
    private readonly reconciler: StatusReconcilerService,
    private readonly clock: Clock,
  ) {}

  /** Injected in tests for deterministic backoff. */
  set random(fn: () => number) {
    this.sender.random = fn;
  }

  get running(): boolean {
    return this.looping;
  }

  /** Requests to Twilio in flight from this process. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  onApplicationBootstrap(): void {
    if (this.config.sms.role !== 'api') this.start();
  }

  start(): void {
    if (this.looping || this.stopping) return;
    this.looping = true;
    this.loopDone = this.loop();
  }

  /** New work may be due now (e.g. a message accepted in this process): poll at once. */
  wake(): void {
    this.wakeLoop?.();
  }

  private async loop(): Promise<void> {
    let idleMs = MIN_POLL_MS;
    // The loop never dies: a lost database or a bug in one pass is logged once, waited out and tried again.
    const backoff = new FailureBackoff('Dispatch pass', MIN_POLL_MS, this.logger);
    while (!this.stopping) {
      let delay: number;
      try {
        const found = await this.poll();
        backoff.succeeded();
        idleMs = found > 0 ? MIN_POLL_MS : Math.min(idleMs * 2, this.config.sms.dispatchIntervalMs);
        delay = idleMs;
      } catch (e) {
        delay = backoff.failed(e);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeLoop = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeLoop = undefined;
    }
  }

  /** Housekeeping at most every SMS_DISPATCH_INTERVAL_MS; then every SubAccount with due work is pumped. */
  private async poll(): Promise<number> {
    const now = this.clock.now();
    if (Date.now() - this.lastHousekeeping >= this.config.sms.dispatchIntervalMs) {
      this.lastHousekeeping = Date.now();
      await this.housekeeping(now);
    }
    const due = await this.messages.subAccountsWithDueWork(now);
    for (const subAccountId of due) this.pump(subAccountId);
    return due.length;
  }

  private async housekeeping(now: Date): Promise<void> {
    await this.campaigns.startDueScheduled(this.database.db, now);
    await this.recovery.recoverExpiredLeases(now);
    await this.reconciler.reconcileDue(now);
  }

  /** One pass (tests and drain): housekeeping, then one claim for every SubAccount with due work. */
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

  /** Waits for the sends started so far (and, while streaming, the ones they started). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.looping = false;
    this.wake();
    for (const p of this.pumps.values()) clearTimeout(p.timer);
    await this.loopDone?.catch(() => undefined);
    await this.ticking?.catch(() => undefined);
    await Promise.allSettled([...this.pumping]);
    await this.settled();
  }

  private async runTick(): Promise<number> {
    if (this.stopping) return 0;
    const now = this.clock.now();
    await this.housekeeping(now);
    let claimed = 0;
    for (const subAccountId of await this.messages.subAccountsWithDueWork(now)) {
      if (this.stopping) break;
      claimed += (await this.claimAndSend(subAccountId)).claimed;
    }
    return claimed;
  }

  /** Asks a SubAccount's pump for more (coalesced: one claim at a time, repeated while asked meanwhile). */
  private pump(subAccountId: number): void {
    if (this.stopping || !this.looping) return;
    const p = this.pumps.get(subAccountId) ?? { busy: false, again: false };
    this.pumps.set(subAccountId, p);
    if (p.busy) {
      p.again = true;
      return;
    }
    p.busy = true;
    clearTimeout(p.timer);
    const run = this.runPump(subAccountId, p).finally(() => this.pumping.delete(run));
    this.pumping.add(run);
  }

  private async runPump(subAccountId: number, p: Pump): Promise<void> {
    try {
      do {
        p.again = false;
        const r = await this.claimAndSend(subAccountId);
        // A full claim may leave more due; an empty bucket is woken when a token is back.
        if (r.claimed > 0 && r.claimed === r.granted && r.room > r.claimed) p.again = true;
        else if (r.claimed === 0 && r.room > 0 && r.waitMs > 0) this.pumpLater(subAccountId, p, r.waitMs);
      } while (p.again && !this.stopping);
    } catch (e) {
      this.logger.error(`Dispatch for SubAccount ${subAccountId} failed: ${String(e)}`);
    } finally {
      p.busy = false;
    }
  }

  private pumpLater(subAccountId: number, p: Pump, waitMs: number): void {
    clearTimeout(p.timer);
    p.timer = setTimeout(() => this.pump(subAccountId), Math.min(waitMs, this.config.sms.dispatchIntervalMs * 4));
  }

  private async claimAndSend(
    subAccountId: number,
  ): Promise<{ claimed: number; granted: number; room: number; waitMs: number }> {
    const sender = await this.senders.resolve(subAccountId);
    if (sender.pausedReason || !sender.credentials) return { claimed: 0, granted: 0, room: 0, waitMs: 0 };
    const batch = await this.claims.claimBatch(sender);
    if (this.stopping) {
      // Claimed while shutting down: back to the queue now, for the next process, rather than sent late.
      await this.claims.releaseClaimed(batch.rows, 'Released at shutdown');
      return { claimed: 0, granted: 0, room: 0, waitMs: 0 };
    }
    const claimed = batch.rows.length;
    const rows = claimed > 0 ? await this.sender.dropOptedOut(batch.rows, sender) : [];
    for (const row of rows) this.track(row.id, subAccountId, this.sender.send(row, sender));
    return { claimed, granted: batch.granted, room: batch.room, waitMs: batch.waitMs };
  }

  private track(id: number, subAccountId: number, work: Promise<void>): void {
    const tracked = work
      .catch((e: unknown) => this.logger.error(`Send of message ${id} crashed: ${String(e)}`))
      .finally(() => {
        this.inFlight.delete(id);
        // The slot is free: refill it now, not at the next poll.
        this.pump(subAccountId);
      });
    this.inFlight.set(id, tracked);
  }
}
