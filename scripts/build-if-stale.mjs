// Builds dist/ only when a source file is newer than the last build, so `npm start` and CLI calls
// skip the compiler's own up-to-date check (seconds) when nothing changed.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['apps', 'libs', 'tests'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|json|sql)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(join(root, 'dist/.tsbuildinfo')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Runs tsc when dist/ is missing or older than a source; its output goes to stderr. */
export function buildIfStale() {
  const sources = Math.max(
    ...SOURCES.map((d) => newestSource(join(root, d))),
    ...CONFIG_FILES.map((f) => statSync(join(root, f)).mtimeMs),
  );
  if (sources <= builtAt()) return true;
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: ['ignore', 2, 2] },
  );
  if (build.status !== 0) return false;
  // tsc leaves its build info untouched when only files outside the build changed (specs, tests'
  // data): mark the build as current, so the next call does not compile again.
  const now = new Date();
  utimesSync(join(root, 'dist/.tsbuildinfo'), now, now);
  return true;
}
