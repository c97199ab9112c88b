import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { loadConfig, type AppConfig } from '#config';
import { DIGESTS_QUEUE, queueOptions } from '#jobs';
import { createMailer, type Mailer } from '#mail';
import { DigestScheduler } from '../../apps/worker/src/digests/digest-scheduler';
import { DigestSender } from '../../apps/worker/src/digests/digest-sender';
import { dropQueueKeys } from '../support/queue-backends';
import { confirmedSearchSubscription } from '../support/digest-subscriptions';
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

// Real worker processes (the built app) compose a page of digests and send them through a slow SMTP
// server on loopback; one is killed (SIGKILL) in the middle, then two more start at once and take the
// next group. No address gets a second copy: what the killed one had claimed is never sent again
// (marked failed, interrupted).
describe('digests under killed and concurrent workers', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let mailer: Mailer;
  let queue: Queue;
  const workers: ChildProcess[] = [];
  const sink = new SmtpSink({ acceptDelayMs: 150 });
  const prefix = `cjtest-dw-${process.pid}-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
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
    await dropQueueKeys(REDIS_URL, prefix);
    await db.drop();
  });

  async function dueSubscribers(group: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        await confirmedSearchSubscription(db.ds, `${group}${i}@example.org`, {
          criteria: { roles: ['coder'] },
          searchQuery: 'role=coder',
        }),
      );
    }
    return ids;
  }

  const makeDue = (ids: string[]) =>
    db.ds.query(`UPDATE digest_subscriptions SET next_due_at = $2 WHERE id = ANY($1::uuid[])`, [
      ids,
      new Date(Math.floor((Date.now() - HOUR) / HOUR) * HOUR),
    ]);

  const statusCounts = async () => {
    const rows: Array<{ status: string; n: number }> = await db.ds.query(
      `SELECT status, count(*)::int AS n FROM digest_outbox GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };

  /** Waits until the outbox stops changing: the workers are done with what they hold. */
  async function settled(): Promise<Record<string, number>> {
    let last = '';
    await waitUntil(
      async () => {
        const now = JSON.stringify(await statusCounts());
        const same = now === last;
        last = now;
        if (!same) await new Promise((r) => setTimeout(r, 1000));
        return same;
      },
      60_000,
      'the workers to finish',
    );
    return JSON.parse(last) as Record<string, number>;
  }

  it('never sends a second copy when a worker dies mid-batch and two others take over', async () => {
    const first = await dueSubscribers('coder', SUBSCRIBERS);
    await insertListings(db.ds, [{ title: 'Remote Coder' }, { title: 'Coder II' }]);
    await makeDue(first);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_DOMAIN_RATE: '0',
    };

    // The tick enqueues a page of compose; the worker composes it, enqueues its sends, and is
    // killed in the middle of sending them.
    const scheduler = new DigestScheduler(config, db.ds, queue, mailer);
    expect(await scheduler.tick()).toMatchObject({ due: SUBSCRIBERS, compose: 1 });
    const killed = spawnWorker(env);
    workers.push(killed);
    await sink.waitFor(5, 30_000);
    await stop(killed, 'SIGKILL');
    const fromKilled = sink.messages.length;
    expect(fromKilled).toBeLessThan(SUBSCRIBERS);
    expect((await statusCounts()).composed ?? 0).toBe(0);

    // A second group falls due; two workers start at once and compose and send it, and a tick
    // re-enqueues whatever waits.
    const second = await dueSubscribers('biller', SUBSCRIBERS);
    await insertListings(db.ds, [{ title: 'Coder III' }]);
    await makeDue(second);
    workers.push(spawnWorker(env), spawnWorker(env));
    expect((await scheduler.tick()).due).toBe(SUBSCRIBERS);
    await waitUntil(
      async () => (await statusCounts()).sent === SUBSCRIBERS,
      60_000,
      'the second group to be sent',
    );
    await settled();

    // What the killed worker had claimed stays claimed: a late run of its job (BullMQ re-runs a
    // stalled job) finds it taken, and housekeeping marks it failed rather than send it again.
    const sender = new DigestSender(config, db.ds, mailer);
    const claimed: Array<{ id: string }> = await db.ds.query(
      `SELECT id FROM digest_outbox WHERE status = 'sending'`,
    );
    expect(claimed.length).toBeGreaterThan(0);
    for (const { id } of claimed) expect(await sender.send(id)).toBe('skipped');
    await scheduler.housekeeping(new Date(Date.now() + 16 * 60_000));
    const final = await statusCounts();
    expect((final.sent ?? 0) + (final.failed ?? 0)).toBe(2 * SUBSCRIBERS);
    expect(final.failed ?? 0).toBe(claimed.length);

    await new Promise((r) => setTimeout(r, 500));
    const perAddress = new Map<string, number>();
    for (const m of sink.messages)
      for (const to of m.envelopeTo) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    // Nobody got two; everyone of the second group got one; the first got what left before the kill.
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect([...perAddress.keys()].filter((a) => a.startsWith('biller'))).toHaveLength(SUBSCRIBERS);
    expect([...perAddress.keys()].filter((a) => a.startsWith('coder')).length).toBeGreaterThanOrEqual(
      fromKilled,
    );
    expect(sink.messages.length).toBeLessThanOrEqual(2 * SUBSCRIBERS);
  });
});
