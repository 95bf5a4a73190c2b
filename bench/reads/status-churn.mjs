#!/usr/bin/env node
// Status churn for the reads benchmark: applies Twilio status callbacks to `sent` messages through
// StatusApplyService.applyMany, the function behind POST /api/sms/webhooks/twilio/status (row lock, raw
// webhook_status event under the callback's dedupe key, status update, campaign counters and daily roll-ups,
// all in one transaction per batch). Only the HTTP hop and the signature check are skipped; index.mjs posts a
// sample through the signed webhook itself. Runs against the built code (project/dist) with the API's
// environment (DATABASE_URL, DATA_DIR, SMS_ROLE=api so no loop starts).
//
//   node bench/reads/status-churn.mjs --limit 1000000 --batch 500 --concurrency 4
//
// Picks the `sent` rows the fill left for callbacks (callbacks.mjs), in id order, and prints one JSON line on
// stdout: { applied, changed, seconds }.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { callbackParams, PENDING_CALLBACKS } from './callbacks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (p) => path.join(root, 'project/dist', p);
const require = createRequire(path.join(root, 'project/package.json'));
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { loadConfig } = require(dist('core/config/app-config.js'));
const { DatabaseService } = require(dist('core/database/database.service.js'));
const { SystemClock } = require(dist('core/clock/clock.js'));
const { AppModule } = require(dist('app.module.js'));
const { StatusApplyService } = require(dist('shared/sms/dispatch/status-apply.service.js'));
const { detailsOf, statusDedupeKey } = require(dist('shared/sms/dispatch/message-lifecycle.service.js'));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const database = await DatabaseService.connect({ databaseUrl: config.databaseUrl, poolSize: opts.concurrency + 2 });
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, database, clock: new SystemClock() }),
    { logger: ['error', 'warn'] },
  );
  await app.init();
  const statuses = app.get(StatusApplyService);
  const pool = new (require('pg').Client)({ connectionString: config.databaseUrl });
  await pool.connect();
  let afterId = 0;
  let applied = 0;
  let changed = 0;
  const t0 = Date.now();
  let lastLog = t0;
  const nextBatch = async () => {
    const want = Math.min(opts.batch, opts.limit - applied);
    if (want <= 0) return [];
    const { rows } = await pool.query(PENDING_CALLBACKS, [afterId, want]);
    if (rows.length) afterId = Number(rows[rows.length - 1].id);
    applied += rows.length;
    return rows;
  };
  // One reader hands out disjoint batches; `concurrency` batches are applied at once (rows lock in sid order).
  let feeding = Promise.resolve();
  const take = () => {
    const got = feeding.then(nextBatch);
    feeding = got.then(() => undefined);
    return got;
  };
  const worker = async () => {
    for (let rows = await take(); rows.length; rows = await take()) {
      const results = await statuses.applyMany(rows.map((r) => updateOf(r, config.twilio.accountSid)));
      changed += results.filter((x) => x === 'changed').length;
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        const s = (lastLog - t0) / 1000;
        console.error(`  churn: ${changed.toLocaleString('en-US')} changed in ${s.toFixed(0)} s`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (Date.now() - t0) / 1000;
  await pool.end();
  await app.close();
  await database.close();
  console.log(JSON.stringify({ applied, changed, seconds }));
}

function updateOf(row, accountSid) {
  const params = callbackParams(row, accountSid);
  return {
    sid: row.twilio_sid,
    twilioStatus: params.MessageStatus,
    details: detailsOf(params),
    source: 'status_callback',
    webhook: { dedupeKey: statusDedupeKey(params), payload: params, authorize: async () => true },
  };
}

function parseArgs(argv) {
  const o = { limit: 1_000_000, batch: 500, concurrency: 4 };
  for (let i = 0; i < argv.length; i++) {
    const v = Number(argv[i + 1]);
    if (argv[i] === '--limit') o.limit = v;
    else if (argv[i] === '--batch') o.batch = v;
    else if (argv[i] === '--concurrency') o.concurrency = v;
    else throw new Error(`unknown flag ${argv[i]}`);
    i++;
  }
  for (const [k, n] of Object.entries(o))
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${k} must be a whole number`);
  return o;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
