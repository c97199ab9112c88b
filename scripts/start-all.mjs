// `npm start`: the whole service on this machine against local Postgres and Redis.
// Creates the database if needed, applies migrations, imports sources from SOURCES_FILE (the sample
// file with locally served demo feeds by default), then runs the API and the worker until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/coderjobs';
const usingDemo = !process.env.SOURCES_FILE;
const sourcesFile = process.env.SOURCES_FILE ?? join(root, 'samples/sources.yaml');
const env = { ...process.env, DATABASE_URL: databaseUrl };

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

function cli(...args) {
  const r = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], {
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await ensureDatabase(databaseUrl).catch((err) => {
  console.error(
    `cannot prepare the database at ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}: ${err.message}`,
  );
  console.error('Is Postgres running? See the README (Prerequisites).');
  process.exit(1);
});
cli('migrate');

let demo = null;
let importFile = sourcesFile;
if (usingDemo) {
  const { startDemoFeedServer } = await import('./demo-feed-server.mjs');
  demo = await startDemoFeedServer({ port: Number(process.env.DEMO_FEEDS_PORT ?? 4010) });
  console.log(`demo feeds served at ${demo.origin}`);
  // The service refuses loopback and private addresses unless allow-listed: let it reach the demo.
  env.HTTP_ALLOW_HOSTS = [process.env.HTTP_ALLOW_HOSTS, new URL(demo.origin).host].filter(Boolean).join(',');
  // The sample file names the default port; point it at wherever the demo server really listens.
  importFile = join(mkdtempSync(join(tmpdir(), 'coderjobs-')), 'sources.yaml');
  writeFileSync(
    importFile,
    readFileSync(sourcesFile, 'utf8').replaceAll('http://127.0.0.1:4010', demo.origin),
  );
}
cli('sources', 'import', importFile);

const children = ['api', 'worker'].map((app) =>
  spawn(process.execPath, [join(root, `dist/apps/${app}/src/main.js`)], { stdio: 'inherit', env }),
);
console.log(
  `api on http://localhost:${process.env.PORT ?? 3000} (docs at /docs); worker running its schedules`,
);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  await demo?.close();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const c of children) c.once('exit', (code) => stop(code ?? 1));
