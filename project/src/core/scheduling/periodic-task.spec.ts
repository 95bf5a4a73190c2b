import type { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FailureBackoff, MAX_FAILURE_BACKOFF_MS, PeriodicTask } from './periodic-task';

const quietLogger = () => ({ log: vi.fn(), warn: vi.fn(), error: vi.fn() }) as unknown as Logger;
const outage = () => Object.assign(new Error('terminating connection'), { code: '57P01' });

describe(FailureBackoff.name, () => {
  it('waits the interval after a success and backs off to at most 10 s after consecutive failures', () => {
    const backoff = new FailureBackoff('tick', 500, quietLogger());
    expect(backoff.succeeded()).toBe(500);
    const delays = Array.from({ length: 6 }, () => backoff.failed(outage()));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, MAX_FAILURE_BACKOFF_MS, MAX_FAILURE_BACKOFF_MS]);
    expect(backoff.succeeded()).toBe(500);
    expect(backoff.failed(outage())).toBe(1_000);
  });

  it('never waits longer than its interval when the interval is long (hourly chores retry sooner)', () => {
    const backoff = new FailureBackoff('chore', 3_600_000, quietLogger());
    expect(backoff.failed(new Error('boom'))).toBe(3_600_000);
  });

  it('logs the first failure of a streak and the recovery, not every attempt', () => {
    const logger = quietLogger();
    const backoff = new FailureBackoff('tick', 100, logger);
    for (let i = 0; i < 5; i++) backoff.failed(outage());
    backoff.succeeded();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(vi.mocked(logger.warn).mock.calls[0]![0]).toContain('database unreachable');
    expect(vi.mocked(logger.log).mock.calls[0]![0]).toContain('recovered after 5');
  });
});

describe(PeriodicTask.name, () => {
  afterEach(() => vi.useRealTimers());

  it('keeps running after its task throws, and resumes its interval when the task succeeds again', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const task = new PeriodicTask({
      name: 'test',
      intervalMs: 100,
      logger: quietLogger(),
      run: () => {
        calls++;
        return calls <= 3 ? Promise.reject(outage()) : Promise.resolve();
      },
    });
    task.start();
    await vi.advanceTimersByTimeAsync(0); // 1st call fails → 1 s
    await vi.advanceTimersByTimeAsync(1_000); // 2nd fails → 2 s
    await vi.advanceTimersByTimeAsync(2_000); // 3rd fails → 4 s
    expect(calls).toBe(3);
    expect(task.consecutiveFailures).toBe(3);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(1); // 4th succeeds → back to 100 ms
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(5);
    expect(task.consecutiveFailures).toBe(0);
    await task.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(5);
  });

  it('stop() waits for the pass in progress', async () => {
    let finish: (() => void) | undefined;
    let finished = false;
    const task = new PeriodicTask({
      name: 'test',
      intervalMs: 10,
      logger: quietLogger(),
      run: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
    });
    task.start();
    await vi.waitFor(() => expect(finish).toBeDefined());
    const stopped = task.stop();
    finish!();
    await stopped;
    expect(finished).toBe(true);
  });
});
