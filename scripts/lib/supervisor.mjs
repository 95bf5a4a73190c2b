// Keeps the product's processes running: a child that exits unexpectedly is restarted after a backoff
// (1 s, 2 s, 4 s… 30 s; back to 1 s once it has stayed up a minute), and the supervisor says so. A child
// that keeps failing right after its start (a bad setting, a port in use) stops everything instead of
// looping for ever. Stopping sends SIGTERM and waits for the children (they finish the sends in flight).
import { spawn } from 'node:child_process';

export const DEFAULTS = {
  firstBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  /** A child that ran this long was healthy: its next crash starts the backoff again from the first step. */
  stableAfterMs: 60_000,
  /** A child exiting sooner than this after its start failed to start. */
  startupMs: 10_000,
  /** Consecutive failed starts of one child before the supervisor gives up on everything. */
  maxFailedStarts: 5,
  /** How long stop() waits for a child after SIGTERM before SIGKILL. */
  stopTimeoutMs: 30_000,
};

export class Supervisor {
  /**
   * @param {Partial<typeof DEFAULTS> & { log?: (line: string) => void, onGiveUp?: (name: string) => void }} options
   */
  constructor(options = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.log = options.log ?? ((line) => console.error(line));
    this.onGiveUp = options.onGiveUp ?? (() => undefined);
    this.services = [];
    this.stopping = false;
  }

  /**
   * Starts `cmd args` (or whatever process `launch()` answers, e.g. a `node:cluster` worker's) and keeps it
   * running. Answers a handle: `restarts` counts restarts so far, `child` is the current process.
   * @param {{ name: string, cmd?: string, args?: string[], env?: NodeJS.ProcessEnv, cwd?: string, stdio?: import('node:child_process').StdioOptions, launch?: () => import('node:child_process').ChildProcess }} spec
   */
  add(spec) {
    const service = { ...spec, restarts: 0, failedStarts: 0, backoffMs: 0, child: null, timer: null };
    this.services.push(service);
    this.spawn(service);
    return service;
  }

  spawn(service) {
    if (this.stopping) return;
    const startedAt = Date.now();
    service.startedAt = startedAt;
    const child = service.launch
      ? service.launch()
      : spawn(service.cmd, service.args, {
          cwd: service.cwd,
          env: service.env,
          stdio: service.stdio ?? ['ignore', 'inherit', 'inherit'],
        });
    service.child = child;
    child.on('error', (e) => this.log(`✖ ${service.name} could not start: ${e.message}`));
    child.on('exit', (code, signal) => this.exited(service, startedAt, signal ?? `exit ${code}`));
  }

  exited(service, startedAt, how) {
    service.child = null;
    if (this.stopping) return;
    const ranMs = Date.now() - startedAt;
    const { options } = this;
    service.failedStarts = ranMs < options.startupMs ? service.failedStarts + 1 : 0;
    if (service.failedStarts >= options.maxFailedStarts) {
      this.log(`✖ ${service.name} stopped (${how}) ${service.failedStarts} times right after starting; giving up`);
      this.onGiveUp(service.name);
      return;
    }
    service.backoffMs =
      ranMs >= options.stableAfterMs || service.backoffMs === 0
        ? options.firstBackoffMs
        : Math.min(service.backoffMs * 2, options.maxBackoffMs);
    service.restarts++;
    this.log(
      `✖ ${service.name} stopped (${how}); restarting it in ${formatMs(service.backoffMs)} (restart ${service.restarts})`,
    );
    service.timer = setTimeout(() => {
      service.timer = null;
      this.spawn(service);
      if (!this.stopping) this.log(`▸ ${service.name} restarted`);
    }, service.backoffMs);
  }

  /** SIGTERM to every child (in reverse start order is not needed: each finishes its own work), then waits. */
  async stop() {
    this.stopping = true;
    const waits = [];
    for (const service of this.services) {
      clearTimeout(service.timer);
      const child = service.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) continue;
      waits.push(
        new Promise((resolve) => {
          const kill = setTimeout(() => {
            this.log(`✖ ${service.name} did not stop in ${formatMs(this.options.stopTimeoutMs)}; killing it`);
            child.kill('SIGKILL');
          }, this.options.stopTimeoutMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        }),
      );
    }
    await Promise.all(waits);
  }
}

function formatMs(ms) {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
