import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadDotEnv } from './dotenv.mjs';

test('a .env copied from .env.example leaves its empty keys unset, so their defaults apply', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dotenv-')), '.env');
  fs.writeFileSync(file, '# comment\nPUBLIC_BASE_URL=\nAPI_PORT=3001\nNAME="quoted value"\n');
  assert.deepEqual(loadDotEnv(file), { API_PORT: '3001', NAME: 'quoted value' });
});

test('every empty key of .env.example is left unset', () => {
  const env = loadDotEnv(path.resolve(import.meta.dirname, '../../.env.example'));
  assert.equal(Object.values(env).includes(''), false);
  assert.equal('PUBLIC_BASE_URL' in env, false);
});
