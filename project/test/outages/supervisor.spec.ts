import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/engine-harness';

interface Service {
  restarts: number;
  child: { pid?: number } | null;
}
interface SupervisorLike {
  add(spec: { name: string; cmd: string; args: string[]; stdio?: unknown }): Service;
  stop(): Promise<void>;
}
type SupervisorCtor = new (options: Record<string, unknown>) => SupervisorLike;

const SUPERVISOR = path.resolve(__dirname, '../../../scripts/lib/supervisor.mjs');
const loadSupervisor = async (): Promise<SupervisorCtor> =>
  ((await import(SUPERVISOR)) as { Supervisor: SupervisorCtor }).Supervisor;

/** A child that counts its starts in `file`, exits 3 on its first `crashes` starts, then stays up. */
// The SIGTERM handler is in place before 'start' is written: the tests signal as soon as they read it.
const childScript = (file: string, crashes: number) => `
  const fs = require('node:fs');
  process.on('SIGTERM', () => setTimeout(() => { fs.appendFileSync(${JSON.stringify(file)}, 'finished\\n'); process.exit(0); }, 200));
  fs.appendFileSync(${JSON.stringify(file)}, 'start\\n');
  const starts = fs.readFileSync(${JSON.stringify(file)}, 'utf8').split('start').length - 1;
  if (starts <= ${crashes}) process.exit(3);
  setInterval(() => undefined, 1000);
`;

describe('the supervisor of npm start / npm run cluster', () => {
  let supervisor: SupervisorLike | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outages-supervisor-'));
  afterEach(async () => {
    await supervisor?.stop();
    supervisor = undefined;
  });
  const starts = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('start').length - 1 : 0);

  it('restarts a crashed process with a growing backoff and says so', async () => {
    const Supervisor = await loadSupervisor();
    const log: string[] = [];
    supervisor = new Supervisor({ firstBackoffMs: 50, log: (l: string) => log.push(l) });
    const file = path.join(tmp, 'crash-twice');
    const service = supervisor.add({ name: 'worker 1', cmd: process.execPath, args: ['-e', childScript(file, 2)] });
    await waitFor(async () => starts(file) === 3 && service.child?.pid, 10_000, 'the third start');
    expect(service.restarts).toBe(2);
    expect(log).toEqual([
      '✖ worker 1 stopped (exit 3); restarting it in 50 ms (restart 1)',
      '▸ worker 1 restarted',
      '✖ worker 1 stopped (exit 3); restarting it in 100 ms (restart 2)',
      '▸ worker 1 restarted',
    ]);
  });

  it('gives up when a process keeps failing right after it starts', async () => {
    const Supervisor = await loadSupervisor();
    const gaveUp: string[] = [];
    const log: string[] = [];
    supervisor = new Supervisor({
      firstBackoffMs: 10,
      maxFailedStarts: 3,
      log: (l: string) => log.push(l),
      onGiveUp: (name: string) => gaveUp.push(name),
    });
    const file = path.join(tmp, 'always-crash');
    supervisor.add({ name: 'API 2', cmd: process.execPath, args: ['-e', childScript(file, 1_000)] });
    await waitFor(async () => gaveUp.length > 0, 10_000, 'the supervisor to give up');
    expect(gaveUp).toEqual(['API 2']);
    expect(starts(file)).toBe(3);
    expect(log.at(-1)).toBe('✖ API 2 stopped (exit 3) 3 times right after starting; giving up');
  });

  it('stops with SIGTERM, waits for the process to finish its work, and restarts nothing', async () => {
    const Supervisor = await loadSupervisor();
    supervisor = new Supervisor({ firstBackoffMs: 10, log: () => undefined });
    const file = path.join(tmp, 'graceful');
    const service = supervisor.add({ name: 'worker 2', cmd: process.execPath, args: ['-e', childScript(file, 0)] });
    await waitFor(async () => starts(file) === 1 && service.child?.pid, 10_000, 'the start');
    await supervisor.stop();
    expect(fs.readFileSync(file, 'utf8')).toBe('start\nfinished\n');
    expect(service.restarts).toBe(0);
  });
});
