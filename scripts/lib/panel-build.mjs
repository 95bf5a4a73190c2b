import fs from 'node:fs';
import path from 'node:path';

/**
 * Files `next start` reads at boot. A build that stopped half-way (a crash, Ctrl+C, a build run with
 * NODE_ENV=development) can leave BUILD_ID behind without them, and `next start` then dies on the first
 * missing one (`ENOENT .next/server/preview-props.json`), so their absence means "build again".
 */
export const PANEL_BUILD_FILES = [
  'BUILD_ID',
  'build-manifest.json',
  'prerender-manifest.json',
  'routes-manifest.json',
  'required-server-files.json',
  'server/preview-props.json',
  'server/pages-manifest.json',
  'server/app-paths-manifest.json',
];

/** The files of PANEL_BUILD_FILES missing under `nextDir` (empty when the build is complete). */
export function missingBuildFiles(nextDir) {
  return PANEL_BUILD_FILES.filter((f) => !fs.existsSync(path.join(nextDir, f)));
}

/**
 * The environment for the admin panel's `next build` / `next start` (production) or `next dev`. Whatever
 * NODE_ENV a `.env` or the shell sets (the API's own setting) must not reach Next: `next build` under
 * NODE_ENV=development fails prerendering, and Next picks the right value itself for each command.
 */
export function panelEnv(env, command) {
  const out = { ...env };
  if (command === 'dev') delete out.NODE_ENV;
  else out.NODE_ENV = 'production';
  return out;
}
