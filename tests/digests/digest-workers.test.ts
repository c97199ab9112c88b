import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '#config';
import { DIGESTS_QUEUE, queueOptions } from '#jobs';
import { createMailer, type Mailer } from '#mail';
import { repositoriesOf, type Repositories } from '#persistence';
import { DigestComposer } from '../../apps/worker/src/digests/digest-composer';
import { DigestScheduler } from '../../apps/worker/src/digests/digest-scheduler';
import { DigestSender } from '../../apps/worker/src/digests/digest-sender';
import { insertListings } from '../support/listing-factory';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { spawnWorker } from '../support/test-worker';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HOUR = 3600_000;
const SUBSCRIBERS = 60;

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill(signal);
  });
}

// Real worker processes (the built app) send a batch of digests through a slow SMTP server on
// loopback; one is killed (SIGKILL) in the middle, then two more start at once. No address gets a
// second copy: what the killed one had claimed is never sent again (marked failed, interrupted).
describe('digests under killed and concurrent workers', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let config: AppConfig;
  let mailer: Mailer;
  let queue: Queue;
  const workers: ChildProcess[] = [];
  const sink = new SmtpSink({ acceptDelayMs: 150 });
  const prefix = `cjtest-dw-${process.pid}-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = repositoriesOf(db.ds);
    await sink.start();
    config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_DOMAIN_RATE: '0',
    });
    mailer = createMailer(config);
    queue = new Queue(DIGESTS_QUEUE, queueOptions(config));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stop(w, 'SIGTERM')));
    await queue.close();
    await mailer.close();
    await sink.stop();
    // No Redis on this machine (TEST_REDIS_URL empty): the queues were in the test database.
    if (REDIS_URL) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await db.drop();
  });

  it('never sends a second copy when a worker dies mid-batch and two others take over', async () => {
    const ids: string[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const sub = await repos.digestSubscriptions.create({
        email: `coder${i}@example.org`,
        kind: 'search',
        criteria: { roles: ['coder'] },
        searchQuery: 'role=coder',
        candidateId: null,
        frequency: 'daily',
        sendHour: 7,
        sendWeekday: 1,
        timeZone: 'UTC',
        confirmTokenHash: null,
        confirmExpiresAt: new Date(Date.now() + HOUR),
      });
      await repos.digestSubscriptions.confirm(sub.id, new Date());
      ids.push(sub.id);
    }
    await insertListings(db.ds, [{ title: 'Remote Coder' }, { title: 'Coder II' }]);
    const dueAt = new Date(Math.floor((Date.now() - HOUR) / HOUR) * HOUR);
    await db.ds.query(`UPDATE digest_subscriptions SET next_due_at = $1`, [dueAt]);
    const period = `daily:${dueAt.toISOString().slice(0, 10)}`;
    const composer = new DigestComposer(config, db.ds);
    for (const id of ids) expect((await composer.compose(id, period)).status).toBe('composed');

    // The tick enqueues the send jobs; a worker starts on them and is killed mid-batch.
    const scheduler = new DigestScheduler(config, db.ds, queue, mailer);
    expect((await scheduler.tick()).send).toBe(SUBSCRIBERS);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_DOMAIN_RATE: '0',
    };
    const first = spawnWorker(env);
    workers.push(first);
    await sink.waitFor(5, 30_000);
    await stop(first, 'SIGKILL');
    const beforeRestart = sink.messages.length;
    expect(beforeRestart).toBeLessThan(SUBSCRIBERS);

    // Two workers start at once and finish the batch.
    workers.push(spawnWorker(env), spawnWorker(env));
    const statusCounts = async () => {
      const rows: Array<{ status: string; n: number }> = await db.ds.query(
        `SELECT status, count(*)::int AS n FROM digest_outbox GROUP BY status`,
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
    };
    await waitUntil(async () => !(await statusCounts()).composed, 60_000, 'every waiting digest to be taken');
    // Then the new workers' own sends finish: what stays `sending` is what the killed one held.
    let last = '';
    await waitUntil(
      async () => {
        const now = JSON.stringify(await statusCounts());
        const settled = now === last;
        last = now;
        if (!settled) await new Promise((r) => setTimeout(r, 1000));
        return settled;
      },
      60_000,
      'the new workers to finish',
    );

    // What the killed worker had claimed stays claimed: a late run of its job (BullMQ re-runs a
    // stalled job) finds it taken, and housekeeping marks it failed rather than send it again.
    const sender = new DigestSender(config, db.ds, mailer);
    const claimed: Array<{ id: string }> = await db.ds.query(
      `SELECT id FROM digest_outbox WHERE status = 'sending'`,
    );
    for (const { id } of claimed) expect(await sender.send(id)).toBe('skipped');
    await scheduler.housekeeping(new Date(Date.now() + 16 * 60_000));
    const final = await statusCounts();
    expect((final.sent ?? 0) + (final.failed ?? 0)).toBe(SUBSCRIBERS);
    expect(final.failed ?? 0).toBe(claimed.length);

    await new Promise((r) => setTimeout(r, 500));
    const perAddress = new Map<string, number>();
    for (const m of sink.messages)
      for (const to of m.envelopeTo) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(sink.messages.length).toBeGreaterThanOrEqual(final.sent);
    // Every digest marked sent was received.
    expect(sink.messages.length).toBeLessThanOrEqual(SUBSCRIBERS);
  });
});
