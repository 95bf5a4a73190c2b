#!/usr/bin/env node
// Benchmarks, one folder each: `npm run bench -- <name> [flags]` (default: import, the bulk-import benchmark).
//
//   npm run bench -- import --rows 100000 --db postgres       bench/import/index.mjs (issue 4)
//   npm run bench -- dispatch --pg postgres://…/postgres     bench/dispatch/index.mjs (issue 12)
//   npm run bench -- accept                                  bench/accept/index.mjs (POST /api/sms/send latency)
//   npm run bench -- reads                                   bench/reads/index.mjs (lists at millions of messages)
//   npm run chaos (= npm run bench -- chaos)                 bench/chaos/index.mjs (the fault run)
//
// Each writes its table into docs/BENCHMARKS.md between its own markers. Flags are described in each file's header.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const first = process.argv[2];
const name = first && !first.startsWith('-') ? first : 'import';
if (first === name) process.argv.splice(2, 1);
const entry = path.join(here, name, 'index.mjs');
if (!/^[a-z][a-z0-9-]*$/.test(name) || !fs.existsSync(entry)) {
  const known = fs.readdirSync(here).filter((d) => fs.existsSync(path.join(here, d, 'index.mjs')));
  console.error(`✖ unknown benchmark "${name}"; one of: ${known.join(', ')}`);
  process.exit(2);
}
await import(pathToFileURL(entry).href);
