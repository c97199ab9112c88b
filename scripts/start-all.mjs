// `npm start`: the whole service on this machine. Reads .env (the environment wins), builds if a
// source changed, then runs the database (the embedded PostgreSQL in POSTGRES_DATA_DIR unless
// DATABASE_URL names a server), migrations, the sources of SOURCES_FILE (the sample file with locally
// served demo feeds by default), the API and the worker, until Ctrl-C, SIGINT or SIGTERM, which stop
// all of them within 10 seconds.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

const started = Date.now();
const say = (line) => process.stdout.write(`${line}\n`);
const fail = (line, code = 1) => {
  process.stderr.write(`npm start: ${line}\n`);
  process.exit(code);
};

if (!buildIfStale()) fail('the build failed: fix the type errors above first');
// The built libraries are CommonJS: their exports are the default export.
const dist = async (path) => (await import(join(root, 'dist', path))).default;
const { applyEnvFile, loadConfig } = await dist('libs/config/src/index.js');
const persistence = await dist('libs/persistence/src/index.js');
const { checkBackends, queueBackend } = await dist('libs/jobs/src/index.js');

try {
  applyEnvFile();
} catch (err) {
  fail(err.message, 2);
}
let config;
try {
  config = loadConfig();
} catch (err) {
  fail(err.message, 2);
}

const env = { ...process.env };
// The apps' start-up and per-run lines would bury the few lines this script prints: warnings and
// errors only, unless LOG_LEVEL says otherwise.
env.LOG_LEVEL ??= 'warn';
const children = [];
let demo = null;
let embedded = null;
let tempDir = null;
let watcher = null;
let stopping = false;

/** Stops the apps (SIGTERM, then SIGKILL past 7 s), the demo feeds and the database, in that order. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise((r) => c.once('exit', r)));
  for (const c of running) c.kill('SIGTERM');
  const kill = setTimeout(() => running.forEach((c) => c.kill('SIGKILL')), 7000);
  await Promise.all(exited);
  clearTimeout(kill);
  await demo?.close().catch(() => undefined);
  await watcher?.end().catch(() => undefined);
  await embedded?.stop().catch((err) => process.stderr.write(`stopping the database: ${err.message}\n`));
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

// The database: a server named by DATABASE_URL (created if missing), or the embedded one.
let databaseUrl;
try {
  if (config.DATABASE_URL) {
    const server = new URL(config.DATABASE_URL);
    const name = decodeURIComponent(server.pathname.slice(1));
    server.pathname = '/postgres';
    // The server first (the database itself may not exist yet), then the database.
    await checkBackends({ ...config, DATABASE_URL: server.toString(), REDIS_URL: undefined });
    if (await persistence.ensureDatabase(server.toString(), name)) say(`created database ${name}`);
    databaseUrl = config.DATABASE_URL;
    say(`database: ${persistence.describeDatabase({ kind: 'server', url: databaseUrl })}`);
  } else {
    const t = Date.now();
    embedded = await persistence.startEmbeddedServer({
      dataDir: config.POSTGRES_DATA_DIR,
      databases: [persistence.EMBEDDED_DATABASE_NAME],
    });
    databaseUrl = embedded.urlFor(persistence.EMBEDDED_DATABASE_NAME);
    say(
      `data: ${embedded.dataDir} (embedded PostgreSQL, up in ${Date.now() - t} ms; set DATABASE_URL for a server)`,
    );
  }
  await checkBackends(config);
} catch (err) {
  process.stderr.write(`npm start: ${err.message}\n`);
  await stop(1);
}
say(`queues: ${queueBackend(config) === 'redis' ? 'Redis (REDIS_URL)' : 'PostgreSQL (no REDIS_URL)'}`);

function cli(...args) {
  const r = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], {
    stdio: 'inherit',
    env,
  });
  if (r.status !== 0) return stop(r.status ?? 1);
}
await cli('migrate');

let importFile = config.SOURCES_FILE ?? join(root, 'samples/sources.yaml');
if (!config.SOURCES_FILE) {
  const { startDemoFeedServer } = await import('./demo-feed-server.mjs');
  demo = await startDemoFeedServer({ port: Number(process.env.DEMO_FEEDS_PORT ?? 4010) });
  say(`demo feeds served at ${demo.origin}`);
  // The service refuses loopback and private addresses unless allow-listed: let it reach the demo.
  env.HTTP_ALLOW_HOSTS = [config.HTTP_ALLOW_HOSTS, new URL(demo.origin).host].filter(Boolean).join(',');
  // The sample file names the default port; point it at wherever the demo server really listens.
  tempDir = mkdtempSync(join(tmpdir(), 'coderjobs-'));
  const original = importFile;
  importFile = join(tempDir, 'sources.yaml');
  writeFileSync(importFile, readFileSync(original, 'utf8').replaceAll('http://127.0.0.1:4010', demo.origin));
}
await cli('sources', 'import', importFile);

// The worker's inbound mailbox (mailto unsubscribes, bounces, complaints) on a loopback port, so the
// whole digest flow can be tried here; a busy port only leaves it off.
const LOCAL_MAILBOX_PORT = 2525;
const portFree = (port, host) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
if (config.INBOUND_SMTP_PORT === undefined) {
  if (await portFree(LOCAL_MAILBOX_PORT, '127.0.0.1')) {
    env.INBOUND_SMTP_PORT = String(LOCAL_MAILBOX_PORT);
    env.INBOUND_SMTP_HOST = '127.0.0.1';
  } else {
    say(`mailbox: port ${LOCAL_MAILBOX_PORT} is busy, no inbound mailbox (set INBOUND_SMTP_PORT)`);
  }
}
if (env.INBOUND_SMTP_PORT !== undefined) {
  const domain = config.INBOUND_MAIL_DOMAIN ?? /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'localhost';
  say(
    `mailbox: smtp://${env.INBOUND_SMTP_HOST ?? config.INBOUND_SMTP_HOST}:${env.INBOUND_SMTP_PORT} takes unsubscribes and bounces for ${domain}`,
  );
}

for (const app of ['api', 'worker']) {
  const child = spawn(process.execPath, [join(root, `dist/apps/${app}/src/main.js`)], {
    stdio: 'inherit',
    env,
  });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`npm start: the ${app} stopped (${signal ?? `exit ${code}`}); stopping the rest\n`);
    void stop(code || 1);
  });
  children.push(child);
}

const base = `http://localhost:${config.PORT}`;
async function waitFor(probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!stopping && Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

const ready = await waitFor(
  async () => ((await fetch(`${base}/health/ready`)).ok ? true : undefined),
  60_000,
);
if (ready) {
  say(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${base}/ (API docs ${base}/docs); Ctrl-C stops everything`,
  );
}

// The first ingestion: every enabled source has finished a run (on a later start, at once).
const { Client } = (await import('pg')).default;
const db = (watcher = new Client({ connectionString: databaseUrl }));
db.on('error', () => undefined);
await db.connect().catch(() => undefined);
const summary = await waitFor(async () => {
  const [{ pending }] = (
    await db.query(
      `SELECT count(*)::int AS pending FROM sources s WHERE s.enabled AND NOT EXISTS (
         SELECT 1 FROM ingestion_runs r WHERE r.source_id = s.id AND r.status <> 'running')`,
    )
  ).rows;
  if (pending > 0) return undefined;
  return (
    await db.query(
      `SELECT count(DISTINCT l.id)::int AS listings, count(DISTINCT p.source_id)::int AS sources
         FROM listings l JOIN source_postings p ON p.listing_id = l.id WHERE l.status = 'open'`,
    )
  ).rows[0];
}, 180_000);
watcher = null;
await db.end().catch(() => undefined);
if (summary) {
  say(
    `first ingestion done in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${summary.listings} listings from ${summary.sources} sources`,
  );
}
