#!/usr/bin/env node
// Regenerates types/api.generated.ts from the API's OpenAPI document, so the panel's types follow the API.
//
//   npm run api:types -w my-app                      # builds the API if stale, boots it on a free port
//   OPENAPI_URL=http://127.0.0.1:3001/api/docs-json npm run api:types -w my-app   # from a running API
//
// Rerun after any change to the API's DTOs or routes (e.g. after merging a branch that adds endpoints).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, renderApiTypes } from './api-types.mjs';
import { isStale } from '../../scripts/lib/staleness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before serving ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res.json();
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no OpenAPI document at ${url}`);
}

/** The document from OPENAPI_URL, or from an API booted here on an embedded database in a temp dir. */
async function loadDocument() {
  if (process.env.OPENAPI_URL) return (await fetch(process.env.OPENAPI_URL)).json();
  if (isStale(root, ['project/src'], 'project/dist/main.js')) {
    const build = spawnSync('npm', ['run', 'build', '-w', 'project'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the API did not build');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loctelli-openapi-'));
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SMS_ROLE: 'api', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['project/dist/main.js'], { cwd: root, env, stdio: 'inherit' });
  try {
    return await waitFor(`http://127.0.0.1:${port}/api/docs-json`, child);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const document = await loadDocument();
fs.writeFileSync(API_TYPES_FILE, await renderApiTypes(document));
console.log(`wrote ${path.relative(root, API_TYPES_FILE)}`);
