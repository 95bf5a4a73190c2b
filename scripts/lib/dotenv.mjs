import fs from 'node:fs';

/**
 * KEY=value lines from a .env file (comments and blank lines skipped; quotes removed). `KEY=` with nothing after it
 * is left unset, as .env.example means it: the default applies (PUBLIC_BASE_URL= must not become "").
 */
export function loadDotEnv(file) {
  if (!fs.existsSync(file)) return {};
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    if (m[2] === '') continue;
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}
