import fs from 'node:fs';
import path from 'node:path';

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/**
 * A build is stale when its output is missing, older than any of its sources, or (with `complete`, given
 * the stamp's directory) not whole: a timestamp alone does not tell a finished build from a broken one.
 */
export function isStale(root, sources, stamp, { complete } = {}) {
  const stampPath = path.join(root, stamp);
  if (!fs.existsSync(stampPath)) return true;
  if (complete && !complete(path.dirname(stampPath))) return true;
  const built = fs.statSync(stampPath).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}
