import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { upsertSources, validateSourceDefinition } from '#ingestion';
import { greenhouseBoard } from '../support/feed-builders';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { ingestionQueue, QUEUE_BACKENDS, queueEnv } from '../support/queue-backends';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const root = join(__dirname, '../..');
const workerMain = join(root, 'dist/apps/worker/src/main.js');

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Two real worker processes (the built app, as production runs it) start at the same moment against one
// queue backend (Redis, or the queue tables in PostgreSQL) and one Postgres: the source's scheduler is
// registered once and its tick is ingested once.
describe.each(QUEUE_BACKENDS)(
  'scheduling: two workers started together ingest a tick once (queues on %s)',
  (backend) => {
    let db: TestDatabase;
    let server: FixtureServer;
    let workers: ChildProcess[] = [];
    const prefix = `cjtest-${process.pid}-${Date.now()}`;

    beforeAll(async () => {
      if (!existsSync(workerMain)) throw new Error(`build first (npm run build): ${workerMain} is missing`);
      db = await createTestDatabase();
      server = await startFixtureServer();
      server.route('GET', '/v1/boards/mercy/jobs', (_req, res) => {
        // Slow enough that both workers would overlap if both ran the tick.
        setTimeout(
          () =>
            res
              .writeHead(200, { 'content-type': 'application/json' })
              .end(greenhouseBoard([{ id: '1', title: 'Medical Coder' }])),
          500,
        );
      });
      await upsertSources(db.ds, [
        validateSourceDefinition({
          id: 'gh-mercy',
          kind: 'greenhouse',
          name: 'Mercy',
          intervalMinutes: 60,
          config: { boardToken: 'mercy', baseUrl: server.origin },
        }),
      ]);
    });

    afterAll(async () => {
      await Promise.all(
        workers.map((w) => {
          if (w.exitCode !== null) return null;
          const exited = new Promise((resolve) => w.once('exit', resolve));
          w.kill('SIGTERM');
          return exited;
        }),
      );
      const queue = ingestionQueue(backend, db.url, prefix);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await server.close();
      await db.drop();
    });

    it('registers one scheduler per source and runs its tick exactly once', async () => {
      const env = {
        ...process.env,
        DATABASE_URL: db.url,
        ...queueEnv(backend),
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        HTTP_MIN_INTERVAL_MS: '0',
        HTTP_ALLOW_HOSTS: server.host,
      };
      workers = [0, 1].map(() =>
        spawn(process.execPath, [workerMain], { env, stdio: ['ignore', 'ignore', 'pipe'] }),
      );
      const stderr: string[] = [];
      for (const w of workers) w.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));

      const finished = await waitFor(async () => {
        const rows = await db.ds.query("SELECT status FROM ingestion_runs WHERE status <> 'running'");
        return rows.length > 0 ? rows : undefined;
      }, 30_000).catch((err: Error) => {
        throw new Error(`${err.message}; worker stderr: ${stderr.join('')}`);
      });
      expect(finished).toEqual([{ status: 'succeeded' }]);
      // Give a duplicate tick every chance to show up.
      await new Promise((r) => setTimeout(r, 3000));

      const runs = await db.ds.query('SELECT status, trigger FROM ingestion_runs');
      expect(runs).toEqual([{ status: 'succeeded', trigger: 'schedule' }]);
      expect(server.requests.filter((r) => r.path.startsWith('/v1/boards/mercy/jobs'))).toHaveLength(1);
      const queue = ingestionQueue(backend, db.url, prefix);
      try {
        const schedulers = (await queue.getJobSchedulers(0, -1)).map((s) => s.key);
        expect(schedulers.sort()).toEqual(['maintenance:close-expired', 'source:gh-mercy']);
      } finally {
        await queue.close();
      }
      expect(workers.every((w) => w.exitCode === null)).toBe(true);
    });
  },
);
