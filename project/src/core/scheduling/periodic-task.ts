import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from 'src/core/database/connection-errors';

/** The longest pause between attempts while something (usually the database) keeps failing. */
export const MAX_FAILURE_BACKOFF_MS = 10_000;
const FIRST_FAILURE_BACKOFF_MS = 1_000;

/**
 * The pause before a loop's next pass: its interval after a success; after consecutive failures,
 * 1 s, 2 s, 4 s… up to 10 s (never longer than the interval itself), so an outage is not hammered every
 * few hundred milliseconds and a loop resumes within seconds of the database coming back. It logs the
 * first failure of a streak and the recovery, not every attempt in between.
 */
export class FailureBackoff {
  private failures = 0;

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly logger: Pick<Logger, 'warn' | 'error' | 'log'>,
  ) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  succeeded(): number {
    if (this.failures > 0) this.logger.log(`${this.what} recovered after ${this.failures} failed attempt(s)`);
    this.failures = 0;
    return this.intervalMs;
  }

  failed(error: unknown): number {
    this.failures++;
    const delay = Math.min(
      Math.max(this.intervalMs, FIRST_FAILURE_BACKOFF_MS * 2 ** (this.failures - 1)),
      Math.max(this.intervalMs, MAX_FAILURE_BACKOFF_MS),
    );
    const message = error instanceof Error ? error.message : String(error);
    if (this.failures === 1) {
      const outage = isDatabaseUnavailable(error);
      const text = `${this.what} failed${outage ? ' (database unreachable)' : ''}: ${message}; retrying with backoff`;
      if (outage) this.logger.warn(text);
      else this.logger.error(text);
    }
    return delay;
  }
}

export interface PeriodicTaskOptions {
  /** Names the task in logs ("Automation tick"). */
  name: string;
  intervalMs: number;
  /** Pause before the first pass (default 0). */
  initialDelayMs?: number;
  run: () => Promise<unknown>;
  logger: Logger;
  /** Let the process exit while only this timer is pending (a background chore, not the process's job). */
  unref?: boolean;
}

/**
 * A timer loop that survives its task's errors: each pass starts after the previous one has finished,
 * failures back off (FailureBackoff), and stop() waits for the pass in progress.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = false;
  private readonly backoff: FailureBackoff;

  constructor(private readonly options: PeriodicTaskOptions) {
    this.backoff = new FailureBackoff(options.name, options.intervalMs, options.logger);
  }

  get running(): boolean {
    return this.timer !== undefined || this.current !== undefined;
  }

  get consecutiveFailures(): number {
    return this.backoff.consecutiveFailures;
  }

  start(): void {
    if (this.running || this.stopped) return;
    this.schedule(this.options.initialDelayMs ?? 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.pass().finally(() => (this.current = undefined));
    }, delayMs);
    if (this.options.unref) this.timer.unref();
  }

  private async pass(): Promise<void> {
    let delay: number;
    try {
      await this.options.run();
      delay = this.backoff.succeeded();
    } catch (e) {
      delay = this.backoff.failed(e);
    }
    this.schedule(delay);
  }
}
