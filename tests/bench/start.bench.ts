// npm run bench:start: how long `npm start` takes to answer and to show its first listings, and to stop.
//
// Runs scripts/start-all.mjs (what `npm start` runs) on loopback ports of its own, each time from a
// clean process: on the embedded PostgreSQL, first in an empty data folder (the cluster is created)
// and then again on the same folder; then, when the machine's PostgreSQL answers on 127.0.0.1:5432, on
// a fresh database there (with the machine's Redis when 127.0.0.1:6379 answers), twice. For each start
// it prints the seconds to the first 200 from /health/ready, to the first listing in
// /api/v1/listings, and from SIGTERM to every process gone (and, embedded, no lock file left).
// BENCH_STARTS repeats each pair (1).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const root = resolve(__dirname, '../../..');
const REPEATS = Number(process.env.BENCH_STARTS ?? 1);

const answers = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000, () => (socket.destroy(), done(false)));
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });

const freePort = () =>
  new Promise<number>((done) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });

const get = (port: number, path: string) =>
  new Promise<{ status: number; body: string }>((done, fail) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });

interface StartFigures {
  ready: number;
  firstListing: number;
  stop: number;
  lockLeft: boolean;
}

async function measureStart(env: Record<string, string>, dataDir?: string): Promise<StartFigures> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'scripts/start-all.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_FEEDS_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const until = async (probe: () => Promise<boolean>) => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
      if (await probe().catch(() => false)) return (Date.now() - started) / 1000;
      if (Date.now() - started > 300_000) throw new Error('not there within 5 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const ready = await until(async () => (await get(port, '/health/ready')).status === 200);
  const firstListing = await until(async () => {
    const r = await get(port, '/api/v1/listings?limit=1');
    return r.status === 200 && (JSON.parse(r.body) as { items: unknown[] }).items.length > 0;
  });
  const stopping = Date.now();
  child.kill('SIGTERM');
  await exited;
  const stop = (Date.now() - stopping) / 1000;
  return { ready, firstListing, stop, lockLeft: !!dataDir && existsSync(join(dataDir, 'postmaster.pid')) };
}

function print(label: string, f: StartFigures): void {
  console.log(
    `  ${label.padEnd(34)} ready ${f.ready.toFixed(1).padStart(5)} s   first listing ${f.firstListing
      .toFixed(1)
      .padStart(5)} s   stop ${f.stop.toFixed(1).padStart(4)} s${f.lockLeft ? '   LOCK LEFT BEHIND' : ''}`,
  );
}

async function main(): Promise<void> {
  console.log(`bench:start on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores)`);
  for (let i = 0; i < REPEATS; i++) {
    // The data folder must be a short path (the server's socket lives in it) and is the temp folder
    // itself, so the `postgres` user the server runs as under root can reach it.
    const dataDir = mkdtempSync('/tmp/cj-bench-start-');
    const embedded = { DATABASE_URL: '', REDIS_URL: '', POSTGRES_DATA_DIR: dataDir };
    try {
      print('embedded, first start (new folder)', await measureStart(embedded, dataDir));
      print('embedded, second start', await measureStart(embedded, dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (!(await answers(5432))) {
      console.log('  (no PostgreSQL on 127.0.0.1:5432: server figures skipped)');
      continue;
    }
    const name = `coderjobs_bench_start_${process.pid}_${i}`;
    const redis = (await answers(6379)) ? 'redis://127.0.0.1:6379' : '';
    const server = {
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
      REDIS_URL: redis,
      QUEUE_PREFIX: `bench-start-${process.pid}-${i}`,
    };
    const queues = redis ? 'Redis' : 'PostgreSQL';
    try {
      print(`server, first start (queues: ${queues})`, await measureStart(server));
      print('server, second start', await measureStart(server));
    } finally {
      const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      if (redis) {
        const { Redis } = await import('ioredis');
        const client = new Redis(redis);
        const keys = await client.keys(`${server.QUEUE_PREFIX}:*`);
        if (keys.length > 0) await client.del(...keys);
        client.disconnect();
      }
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
