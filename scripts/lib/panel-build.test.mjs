import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PANEL_BUILD_FILES, missingBuildFiles, panelEnv } from './panel-build.mjs';
import { isStale } from './staleness.mjs';

function tempProject() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-build-'));
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src/page.tsx'), 'x');
  return root;
}

function writeBuild(root, files) {
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, '.next', f)), { recursive: true });
    fs.writeFileSync(path.join(root, '.next', f), '{}');
  }
}

test('a build with BUILD_ID but no server/preview-props.json is incomplete, hence stale', () => {
  const root = tempProject();
  writeBuild(
    root,
    PANEL_BUILD_FILES.filter((f) => f !== 'server/preview-props.json'),
  );
  assert.deepEqual(missingBuildFiles(path.join(root, '.next')), ['server/preview-props.json']);
  assert.equal(isStale(root, ['src'], '.next/BUILD_ID', { complete: (dir) => !missingBuildFiles(dir).length }), true);
  writeBuild(root, ['server/preview-props.json']);
  assert.equal(isStale(root, ['src'], '.next/BUILD_ID', { complete: (dir) => !missingBuildFiles(dir).length }), false);
});

test("the panel's build and start never see the .env's NODE_ENV; dev gets none", () => {
  const env = { NODE_ENV: 'development', PORT: '3001' };
  assert.equal(panelEnv(env, 'build').NODE_ENV, 'production');
  assert.equal(panelEnv(env, 'start').NODE_ENV, 'production');
  assert.equal('NODE_ENV' in panelEnv(env, 'dev'), false);
  assert.equal(env.NODE_ENV, 'development');
});
