// `npm run -s cli -- <command>`: builds dist/ if a source changed since the last build, then runs the
// CLI. Build output goes to stderr so stdout stays clean for JSON lines.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

if (!buildIfStale()) {
  process.stderr.write('build failed: fix the type errors above first\n');
  process.exit(1);
}
const run = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
