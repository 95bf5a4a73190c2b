import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from 'src/core/clock/clock';
import type { AppConfig } from 'src/core/config/app-config';
import { APP_CONFIG } from 'src/core/config/config.module';
import { DatabaseService, type Tx } from 'src/core/database/database.service';
import { PeriodicTask } from 'src/core/scheduling/periodic-task';
import { LeadEventsRepository } from 'src/main-app/modules/leads/lead-events.repository';
import { LeadsRepository } from 'src/main-app/modules/leads/leads.repository';
import { LeadMessageSender } from './lead-message.sender';
import { EnrollmentsRepository, type EnrollmentRow } from './sequences/enrollments.repository';
import { EnrollmentService, SYSTEM } from './sequences/enrollment.service';
import { SequencesRepository } from './sequences/sequences.repository';
import { TriggersRepository, type FiringRow } from './triggers/triggers.repository';

const BATCH = 50;
/** How long a claimed enrolment or firing is left alone before another runner may take it over. */
const LEASE_MS = 5 * 60_000;
const MIN_INTERVAL_MS = 1_000;
/** Claims of one step or firing that may end in an unexpected error before the runner gives up on it. */
export const MAX_ATTEMPTS = 5;

/**
 * Turns due sequence steps and trigger firings into normal outbox messages. Runs beside the dispatcher
 * (SMS_ROLE=all|worker); every process may run it, since claims skip what another has locked.
 */
@Injectable()
export class AutomationRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AutomationRunner');
  private loop: PeriodicTask | undefined;
  private ticking: Promise<{ steps: number; firings: number }> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly sequences: SequencesRepository,
    private readonly enrollment: EnrollmentService,
    private readonly triggers: TriggersRepository,
    private readonly leads: LeadsRepository,
    private readonly leadEvents: LeadEventsRepository,
    private readonly sender: LeadMessageSender,
    private readonly clock: Clock,
  ) {}

  get running(): boolean {
    return this.loop?.running ?? false;
  }

  onApplicationBootstrap(): void {
    if (this.config.sms.role !== 'api') this.start();
  }

  start(): void {
    this.loop ??= new PeriodicTask({
      name: 'Automation tick',
      intervalMs: Math.max(MIN_INTERVAL_MS, this.config.sms.dispatchIntervalMs),
      run: () => this.tick(),
      logger: this.logger,
    });
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
    await this.ticking?.catch(() => undefined);
  }

  /** One pass over what is due now; answers how many sequence steps and trigger firings it handled. */
  tick(): Promise<{ steps: number; firings: number }> {
    this.ticking ??= this.runTick().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async runTick(): Promise<{ steps: number; firings: number }> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const due = await this.enrollments.claimDue(now, leaseUntil, BATCH);
    for (const e of due)
      await this.guard(
        `enrolment ${e.id}`,
        e.attempts,
        () => this.runStep(e),
        () => this.database.transaction((tx) => this.enrollment.stop(tx, [e.id], 'error').then(() => undefined)),
      );
    const firings = await this.triggers.claimDue(now, leaseUntil, BATCH);
    for (const f of firings)
      await this.guard(
        `trigger firing ${f.id}`,
        f.attempts,
        () => this.runFiring(f),
        (error) =>
          this.triggers
            .settle(this.database.db, f.id, { status: 'skipped', reason: `error: ${error}` })
            .then(() => undefined),
      );
    return { steps: due.length, firings: firings.length };
  }

  /**
   * An unexpected failure leaves the row claimed: it is due again when the lease ends. After MAX_ATTEMPTS
   * claims the runner gives up (`giveUp`), so a step that can never succeed does not retry for ever.
   */
  private async guard(
    what: string,
    attempts: number,
    work: () => Promise<void>,
    giveUp: (error: string) => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      if (attempts < MAX_ATTEMPTS) {
        this.logger.error(
          `Automation ${what} failed (attempt ${attempts}, retried in ${LEASE_MS / 60_000} minutes): ${error}`,
        );
        return;
      }
      this.logger.error(`Automation ${what} failed ${attempts} times; giving up: ${error}`);
      await giveUp(error).catch((g: unknown) => this.logger.error(`Giving up on ${what} failed: ${String(g)}`));
    }
  }

  private async runStep(claimed: EnrollmentRow): Promise<void> {
    const e = await this.enrollments.find(claimed.id);
    if (e?.status !== 'active') return; // stopped since the claim
    const position = e.nextPosition;
    const step = await this.sequences.stepAt(e.sequenceId, position);
    if (!step) {
      // the sequence was shortened below this enrolment's position
      await this.database.transaction((tx) => this.finish(tx, e, position, null));
      return;
    }
    const result = await this.sender.send(e.subAccountId, e.leadId, step.templateId, `seq:${e.id}:${position}`);
    if (!result.ok) {
      await this.database.transaction((tx) => this.enrollment.stop(tx, [e.id], result.reason));
      return;
    }
    await this.database.transaction(async (tx) => {
      const lead = await this.leads.find(e.subAccountId, e.leadId, tx);
      const next = await this.sequences.stepAt(e.sequenceId, position + 1, tx);
      if (!lead || !next) return this.finish(tx, e, position, result.messageId);
      const nextDueAt = await this.enrollment.dueAfter(tx, lead, next, this.clock.now());
      const moved = await this.enrollments.advance(tx, e.id, position, {
        nextPosition: position + 1,
        nextDueAt,
        lastMessageId: result.messageId,
        completed: false,
      });
      if (moved) await this.recordStepSent(tx, e, position, result.messageId);
    });
  }

  private async finish(tx: Tx, e: EnrollmentRow, position: number, messageId: number | null): Promise<void> {
    const done = await this.enrollments.advance(tx, e.id, position, {
      nextPosition: messageId === null ? position : position + 1,
      nextDueAt: null,
      ...(messageId !== null ? { lastMessageId: messageId } : {}),
      completed: true,
    });
    if (!done) return;
    if (messageId !== null) await this.recordStepSent(tx, e, position, messageId);
    await this.leadEvents.record(tx, {
      subAccountId: e.subAccountId,
      leadId: e.leadId,
      type: 'sequence_completed',
      details: { enrollmentId: e.id, sequenceId: e.sequenceId },
      actor: SYSTEM,
    });
  }

  private recordStepSent(tx: Tx, e: EnrollmentRow, position: number, messageId: number): Promise<void> {
    return this.leadEvents.record(tx, {
      subAccountId: e.subAccountId,
      leadId: e.leadId,
      type: 'sequence_step_sent',
      details: { enrollmentId: e.id, sequenceId: e.sequenceId, position, messageId },
      actor: SYSTEM,
    });
  }

  private async runFiring(f: FiringRow): Promise<void> {
    const trigger = await this.triggers.triggerOf(f.triggerId);
    if (!trigger?.enabled) {
      await this.triggers.settle(this.database.db, f.id, { status: 'skipped', reason: 'trigger_disabled' });
      return;
    }
    const result = await this.sender.send(f.subAccountId, f.leadId, trigger.templateId, `trg:${f.id}`);
    await this.database.transaction(async (tx) => {
      const settled = await this.triggers.settle(
        tx,
        f.id,
        result.ok ? { status: 'sent', messageId: result.messageId } : { status: 'skipped', reason: result.reason },
      );
      if (!settled || !result.ok) return;
      await this.leadEvents.record(tx, {
        subAccountId: f.subAccountId,
        leadId: f.leadId,
        type: 'trigger_fired',
        details: { triggerId: trigger.id, name: trigger.name, transition: f.transition, messageId: result.messageId },
        actor: SYSTEM,
      });
    });
  }
}
