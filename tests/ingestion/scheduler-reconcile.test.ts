import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { upsertSources, validateSourceDefinition } from '#ingestion';
import { DIGESTS_QUEUE, RECRUITERS_QUEUE } from '#jobs';
import { ingestionQueue, QUEUE_BACKENDS, queueEnv } from '../support/queue-backends';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const root = join(__dirname, '../..');
const workerMain = join(root, 'dist/apps/worker/src/main.js');

async function schedulerIds(queue: Queue): Promise<string[]> {
  return (await queue.getJobSchedulers(0, -1)).map((s) => s.key).sort();
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A queue backend that loses its data (a Redis restarted empty) loses every job scheduler, and nothing
// ingested or swept until a worker restarted. A running worker puts them back by itself.
describe.each(QUEUE_BACKENDS)('a running worker restores lost job schedulers (queues on %s)', (backend) => {
  let db: TestDatabase;
  let worker: ChildProcess | undefined;
  let queue: Queue;
  let recruiters: Queue;
  let digests: Queue;
  const prefix = `cjtest-reconcile-${process.pid}-${Date.now()}`;
  const wanted = ['maintenance:close-expired', 'source:gh-mercy'];

  beforeAll(async () => {
    if (!existsSync(workerMain)) throw new Error(`build first (npm run build): ${workerMain} is missing`);
    db = await createTestDatabase();
    // A source that is never due during the test: the schedulers are what is looked at.
    await upsertSources(db.ds, [
      validateSourceDefinition({
        id: 'gh-mercy',
        kind: 'greenhouse',
        name: 'Mercy',
        intervalMinutes: 24 * 60,
        enabled: true,
        config: { boardToken: 'mercy', baseUrl: 'http://127.0.0.1:9' },
      }),
    ]);
    queue = ingestionQueue(backend, db.url, prefix);
    recruiters = ingestionQueue(backend, db.url, prefix, RECRUITERS_QUEUE);
    digests = ingestionQueue(backend, db.url, prefix, DIGESTS_QUEUE);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    for (const q of [queue, recruiters, digests]) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await db.drop();
  });

  it('puts back every scheduler within its reconcile period', async () => {
    const stderr: string[] = [];
    worker = spawn(process.execPath, [workerMain], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        ...queueEnv(backend),
        QUEUE_PREFIX: prefix,
        SCHEDULER_RECONCILE_SECONDS: '5',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    worker.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
    const allThere = async () =>
      (await schedulerIds(queue)).length === wanted.length &&
      (await schedulerIds(recruiters)).length === 1 &&
      (await schedulerIds(digests)).length === 2;
    await waitFor(allThere, 30_000).catch((err: Error) => {
      throw new Error(`${err.message}; worker stderr: ${stderr.join('')}`);
    });

    // What a Redis restarted empty looks like to the worker: no schedulers at all.
    for (const q of [queue, recruiters, digests]) {
      for (const id of await schedulerIds(q)) await q.removeJobScheduler(id);
      expect(await schedulerIds(q)).toEqual([]);
    }

    await waitFor(allThere, 20_000);
    expect(await schedulerIds(queue)).toEqual(wanted);
    expect(await schedulerIds(recruiters)).toEqual(['recruiters:tick']);
    expect(await schedulerIds(digests)).toEqual(['digests:housekeeping', 'digests:tick']);
    expect(worker.exitCode).toBeNull();
  });
});
