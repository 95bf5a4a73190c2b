#!/usr/bin/env node
// One command for the whole product: build what is stale, start the Twilio simulator when no Twilio
// credentials are set, the API (which migrates and seeds the demo), and the admin panel.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDotEnv } from './lib/dotenv.mjs';
import { missingBuildFiles, panelEnv } from './lib/panel-build.mjs';
import { isStale } from './lib/staleness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const env = { ...loadDotEnv(path.join(root, '.env')), ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const apiPort = Number(env.PORT ?? 3001);
const webPort = Number(env.WEB_PORT ?? 3000);
const simPort = Number(env.SIM_PORT ?? 4010);
const children = [];

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...opts });
  if (result.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Builds when the build's output is missing, incomplete or older than its sources (`npm run build` counts too). */
function build(name, sources, output, args, { complete, buildEnv = env } = {}) {
  if (!isStale(root, sources, output, { complete })) return;
  console.log(`▸ building ${name}…`);
  run('npm', args, { env: buildEnv });
  if (complete && !complete(path.dirname(path.join(root, output)))) {
    console.error(`\n✖ the ${name} build finished without ${output}'s companions; run \`npm run build -w my-app\``);
    process.exit(1);
  }
}

function start(name, cmd, args, extraEnv = {}, cwd = root, baseEnv = env) {
  const child = spawn(cmd, args, { cwd, env: { ...baseEnv, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(`\n✖ ${name} stopped (${signal ?? `exit ${code}`}); stopping everything`);
    shutdown(code || 1);
  });
  children.push(child);
  return child;
}

async function waitForUrl(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`✖ ${what} did not come up at ${url}`);
  shutdown(1);
}

let shuttingDown = false;
function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

if (!fs.existsSync(path.join(root, 'node_modules'))) {
  console.error('✖ Dependencies are missing: run `npm install` first.');
  process.exit(1);
}

build('Twilio simulator', ['twilio-sim/src'], 'twilio-sim/dist/main.js', ['run', 'build', '-w', 'twilio-sim']);
build('API', ['project/src', 'project/drizzle'], 'project/dist/main.js', ['run', 'build', '-w', 'project']);
if (!dev)
  build(
    'admin panel',
    ['my-app/app', 'my-app/components', 'my-app/lib', 'my-app/types', 'my-app/next.config.ts'],
    'my-app/.next/BUILD_ID',
    ['run', 'build', '-w', 'my-app'],
    { complete: (dir) => missingBuildFiles(dir).length === 0, buildEnv: panelEnv(env, 'build') },
  );

const simulated = !env.TWILIO_ACCOUNT_SID;
let apiEnv = {};
if (simulated) {
  const accountSid = 'AC' + '5'.repeat(32);
  const authToken = 'simulatorAuthToken000000000000';
  start('Twilio simulator', process.execPath, ['twilio-sim/dist/main.js'], {
    SIM_PORT: String(simPort),
    SIM_ACCOUNT_SID: accountSid,
    SIM_AUTH_TOKEN: authToken,
    SIM_INBOUND_URL: `http://127.0.0.1:${apiPort}/api/sms/webhooks/twilio/inbound`,
  });
  await waitForUrl(`http://127.0.0.1:${simPort}/__sim/health`, 'Twilio simulator');
  apiEnv = {
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_PHONE_NUMBER: env.TWILIO_PHONE_NUMBER ?? '+15005550006',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simPort}`,
  };
}

if (dev) {
  start('API compiler', 'npx', ['tsc', '-p', 'project/tsconfig.build.json', '--watch', '--preserveWatchOutput']);
  start('API', process.execPath, ['--watch-path=project/dist', 'project/dist/main.js'], apiEnv);
} else {
  start('API', process.execPath, ['project/dist/main.js'], apiEnv);
}
await waitForUrl(`http://127.0.0.1:${apiPort}/api/health`, 'API');

const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const nextArgs = dev ? [nextBin, 'dev', '-p', String(webPort)] : [nextBin, 'start', '-p', String(webPort)];
start(
  'admin panel',
  process.execPath,
  nextArgs,
  { API_URL: `http://127.0.0.1:${apiPort}`, PORT: String(webPort) },
  path.join(root, 'my-app'),
  panelEnv(env, dev ? 'dev' : 'start'),
);
await waitForUrl(`http://127.0.0.1:${webPort}/login`, 'admin panel', 180_000);

const password = env.DEMO_PASSWORD ?? 'demo-password';
console.log(`
  Loctelli SMS is running${simulated ? ' (Twilio simulator: no real texts are sent)' : ''}

    Admin panel   http://localhost:${webPort}/login
    API           http://localhost:${apiPort}/api   (docs: /api/docs)
${simulated ? `    Simulator     http://127.0.0.1:${simPort}/__sim/state\n` : ''}
    Demo admin    admin@demo.loctelli.test / ${password}
    Demo user     user@demo.loctelli.test / ${password}

  Data is kept in ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : path.resolve(root, env.DATA_DIR ?? 'data')}. Ctrl+C stops everything.
`);
