type Job = () => void | Promise<void>;

/**
 * Owns every timer the simulator starts. Counted jobs (status transitions, callback posts) are what
 * flush() waits for; uncounted ones (held-back responses) are only cleared on cancelAll().
 */
export class Tasks {
  private readonly timers = new Map<NodeJS.Timeout, boolean>();
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Runs the job after `ms`; the returned function cancels it if it has not started. */
  later(ms: number, job: Job, counted = true): () => void {
    if (counted) this.pending++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(job, counted);
    }, ms);
    this.timers.set(timer, counted);
    return () => {
      if (!this.timers.delete(timer)) return;
      clearTimeout(timer);
      if (counted) this.done();
    };
  }

  /** Counts a promise that is already running (an inbound post) until it settles. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    try {
      return await work;
    } finally {
      this.done();
    }
  }

  flush(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Clears every timer that has not fired; running jobs finish on their own (their posts are aborted elsewhere). */
  cancelAll(): void {
    for (const [timer, counted] of this.timers) {
      clearTimeout(timer);
      if (counted) this.done();
    }
    this.timers.clear();
  }

  private async run(job: Job, counted: boolean): Promise<void> {
    try {
      await job();
    } catch (err) {
      // A job failing must not take the server down; report it and carry on.
      console.error('[twilio-sim] background job failed:', err);
    } finally {
      if (counted) this.done();
    }
  }

  private done(): void {
    this.pending--;
    if (this.pending > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
