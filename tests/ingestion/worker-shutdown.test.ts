import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { upsertSources, validateSourceDefinition } from '#ingestion';
import { DEFAULT_HTML, greenhouseBoard } from '../support/feed-builders';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { QUEUE_BACKENDS, queueEnv } from '../support/queue-backends';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const workerMain = join(__dirname, '../..', 'dist/apps/worker/src/main.js');
const POSTINGS = 6000;

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// SIGTERM to a worker in the middle of a long run: it waits WORKER_SHUTDOWN_GRACE_MS, then the run
// stops at its next write, is recorded as interrupted with what it wrote, and the process exits.
describe('worker shutdown has a deadline (the built worker, real Postgres)', () => {
  let db: TestDatabase;
  let server: FixtureServer;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(workerMain)) throw new Error(`build first (npm run build): ${workerMain} is missing`);
    db = await createTestDatabase();
    server = await startFixtureServer();
    const board = greenhouseBoard(
      Array.from({ length: POSTINGS }, (_, i) => ({
        id: String(10_000 + i),
        title: `Medical Coder ${i + 1}`,
        html: `${DEFAULT_HTML}<p>Posting ${i + 1}.</p>`.repeat(3),
      })),
    );
    server.route('GET', '/v1/boards/mercy/jobs', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(board);
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
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await server.close();
    await db.drop();
  });

  it('stops the active run after the grace period and records it as interrupted', async () => {
    const stderr: string[] = [];
    worker = spawn(process.execPath, [workerMain], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        ...queueEnv(QUEUE_BACKENDS[0]),
        QUEUE_PREFIX: `cjtest-shutdown-${process.pid}-${Date.now()}`,
        LOG_LEVEL: 'warn',
        HTTP_MIN_INTERVAL_MS: '0',
        HTTP_ALLOW_HOSTS: server.host,
        WORKER_SHUTDOWN_GRACE_MS: '300',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    worker.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
    // Nest closes the application, then ends the process with the signal it received.
    const exited = new Promise<string>((resolve) =>
      worker!.once('exit', (code, signal) =>
        resolve(code === 0 || signal === 'SIGTERM' ? 'exited' : `${code}`),
      ),
    );

    // The scheduler's first tick starts the run; wait until it has written a batch.
    const running = await waitFor(async () => {
      const [row] = await db.ds.query(
        "SELECT id FROM ingestion_runs WHERE status = 'running' AND new_count > 0",
      );
      return row as { id: string } | undefined;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}; worker stderr: ${stderr.join('')}`);
    });
    const signalled = Date.now();
    worker.kill('SIGTERM');
    const outcome = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ]);
    expect(outcome).toBe('exited');
    expect(Date.now() - signalled).toBeLessThan(20_000);

    const [run] = await db.ds.query(
      'SELECT status, error_code, new_count FROM ingestion_runs WHERE id = $1',
      [running.id],
    );
    expect(run).toMatchObject({ status: 'failed', error_code: 'INTERRUPTED' });
    expect(run.new_count).toBeGreaterThan(0);
    expect(run.new_count).toBeLessThan(POSTINGS);
    const [{ n }] = await db.ds.query('SELECT count(*)::int AS n FROM listings');
    expect(n).toBe(run.new_count);
  });
});
