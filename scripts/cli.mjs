// `npm run -s cli -- <command>`: brings dist/ up to date (incremental, ~1 s when nothing changed), then
// runs the CLI. Build output goes to stderr so stdout stays clean for JSON lines.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: ['ignore', 2, 2],
  },
);
if (build.status !== 0) {
  process.stderr.write('build failed: fix the type errors above first\n');
  process.exit(1);
}
const run = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
