import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PROJECT = path.resolve(__dirname, '../..');
const MAIN = path.join(PROJECT, 'dist/main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds project/dist when it is missing or older than src/ or drizzle/ (tests run the real `node dist/main.js`). */
export function ensureProjectBuilt(): void {
  const built = fs.existsSync(MAIN) ? fs.statSync(MAIN).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(PROJECT, 'src')), newestMtime(path.join(PROJECT, 'drizzle')));
  if (built >= sources) return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: PROJECT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

/** One API or worker process as production runs it: `node dist/main.js` with its own environment. */
export interface ProductProcess {
  name: string;
  child: ChildProcess;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** Its exit, if it has exited: `exit 1`, `SIGKILL`. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

export function startProductProcess(name: string, env: Record<string, string>): ProductProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: string | undefined;
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  child.on('exit', (code, signal) => (exit = signal ?? `exit ${code}`));
  return {
    name,
    child,
    output: () => output,
    exited: () => exit,
    stop: async () => {
      if (exit !== undefined) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
