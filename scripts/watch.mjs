// `npm run watch -- api` (or worker): the development loop. tsc rebuilds every app and lib into dist/
// as files change, and Node restarts the app whenever a module it loaded is rewritten. Postgres and
// Redis as for `npm start` (the database migrated once with `npm run -s cli -- migrate`).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = process.argv[2] ?? 'api';
if (!['api', 'worker'].includes(app)) {
  console.error(`usage: npm run watch -- api|worker (got "${app}")`);
  process.exit(2);
}

const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const tsc = spawn(
  process.execPath,
  [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.build.json',
    '--watch',
    '--preserveWatchOutput',
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(tsc);

let started = false;
tsc.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  // The first pass is done: start the app, which then restarts itself on every rebuild.
  if (!started && /Watching for file changes/.test(text)) {
    started = true;
    const node = spawn(
      process.execPath,
      ['--watch', '--watch-preserve-output', join(root, `dist/apps/${app}/src/main.js`)],
      { cwd: root, stdio: 'inherit', env: { ...process.env, LOG_FORMAT: process.env.LOG_FORMAT ?? 'text' } },
    );
    children.push(node);
    node.on('exit', (code) => {
      stop();
      process.exitCode = code ?? 0;
    });
  }
});
tsc.on('exit', (code) => {
  stop();
  process.exitCode ||= code ?? 0;
});
