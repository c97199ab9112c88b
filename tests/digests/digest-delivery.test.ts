import { randomBytes } from 'node:crypto';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { loadConfig, type AppConfig } from '#config';
import { DigestUrls } from '#digests';
import { DIGESTS_QUEUE, digestSendPageJobId, queueOptions } from '#jobs';
import { createMailer, type Mailer } from '#mail';
import { ListingEntity, repositoriesOf, type Repositories } from '#persistence';
import { DigestComposer } from '../../apps/worker/src/digests/digest-composer';
import { COMPOSE_PAGE, DigestScheduler } from '../../apps/worker/src/digests/digest-scheduler';
import { DigestSender } from '../../apps/worker/src/digests/digest-sender';
import { dropQueueKeys } from '../support/queue-backends';
import { confirmedSearchSubscription } from '../support/digest-subscriptions';
import { insertListings } from '../support/listing-factory';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HOUR = 3600_000;

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Composing and sending against a real database and a real SMTP server on loopback, calling the
// worker's composer and sender directly (the queue suite below drives them through real workers).
describe('digests: only new matching listings, never twice, never empty', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let config: AppConfig;
  let mailer: Mailer;
  let composer: DigestComposer;
  let sender: DigestSender;
  /** Addresses the server answers 451 (try again later) for now. */
  const deferred = new Set<string>();
  const sink = new SmtpSink({
    refuseRecipient: (a) => (a.startsWith('gone@') ? 550 : deferred.has(a) ? 451 : undefined),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = repositoriesOf(db.ds);
    await sink.start();
    config = loadConfig({
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      MAIL_DOMAIN_RATE: '0',
      PUBLIC_URL: 'https://coderjobs.example',
    });
    mailer = createMailer(config);
    composer = new DigestComposer(config, db.ds);
    sender = new DigestSender(config, db.ds, mailer);
  });

  afterAll(async () => {
    await mailer.close();
    await sink.stop();
    await db.drop();
  });

  beforeEach(() => sink.clear());

  /** A confirmed search subscription (watermark: now) due an hour ago; returns it and its period. */
  async function dueSubscription(email: string, criteria: Record<string, unknown>, searchQuery = '') {
    return confirmedSearchSubscription(db.ds, email, { criteria, searchQuery });
  }

  async function makeDue(id: string): Promise<string> {
    const dueAt = new Date(Math.floor((Date.now() - HOUR) / HOUR) * HOUR);
    await db.ds.query(`UPDATE digest_subscriptions SET next_due_at = $2 WHERE id = $1`, [id, dueAt]);
    return `daily:${dueAt.toISOString().slice(0, 10)}`;
  }

  it('sends one digest of the listings opened since the watermark that match, with its headers', async () => {
    const [before] = await insertListings(db.ds, [{ title: 'Opened before the subscription' }]);
    const id = await dueSubscription(
      'maria@example.org',
      { credentials: ['CPC'], workModes: ['remote'] },
      'credential=CPC',
    );
    const mercy = Array.from({ length: 5 }, (_, i) => ({
      title: `Coder ${i + 1}`,
      employer: 'Mercy Valley',
      certifications: { required: ['CPC' as const] },
    }));
    const [match, , , , , , wrongCred, closed, expired] = await insertListings(db.ds, [
      { title: 'Remote CPC Coder', employer: 'Lakeside', certifications: { required: ['CPC'] } },
      ...mercy,
      { title: 'CCS Inpatient', certifications: { required: ['CCS'] } },
      { title: 'Closed CPC', certifications: { required: ['CPC'] } },
      {
        title: 'Expired CPC',
        certifications: { required: ['CPC'] },
        validThrough: new Date(Date.now() - HOUR).toISOString(),
      },
    ]);
    await db.ds.getRepository(ListingEntity).update({ id: closed.id }, { status: 'closed' });
    const period = await makeDue(id);

    const outcome = await composer.compose(id, period);
    expect(outcome.status).toBe('composed');
    const row = await repos.digestOutbox.findFor(id, period);
    expect(row!.listingIds).toContain(match.id);
    expect(row!.listingIds).not.toEqual(expect.arrayContaining([before.id]));
    for (const gone of [before, wrongCred, closed, expired]) expect(row!.listingIds).not.toContain(gone.id);
    expect(row!.listingIds).toHaveLength(4); // Lakeside + 3 of Mercy Valley's 5
    expect(row!.matchCount).toBe(6);

    expect(await sender.send(row!.id)).toBe('sent');
    const [mail] = await sink.waitFor(1);
    expect(mail.envelopeTo).toEqual(['maria@example.org']);
    expect(mail.parsed.subject).toBe('6 new remote CPC jobs');
    expect(mail.parsed.messageId).toBe(`<digest.${row!.id}@coderjobs.example>`);
    expect(mail.parsed.date).toBeInstanceOf(Date);
    expect(mail.parsed.text).toContain('Remote CPC Coder');
    expect(mail.parsed.text).toContain('2 more from Mercy Valley');
    expect(mail.parsed.text).not.toContain('CCS Inpatient');
    expect(mail.parsed.text).not.toContain('Still open from earlier'); // off by default
    expect(mail.parsed.html).toContain('Remote CPC Coder');
    const unsubscribe = mail.header('list-unsubscribe') ?? '';
    expect(unsubscribe).toMatch(
      /^<https:\/\/coderjobs\.example\/digests\/unsubscribe\/unsubscribe\.[^>]+>, <mailto:unsubscribe@/,
    );
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect((await repos.digestOutbox.find(row!.id))!.status).toBe('sent');
  });

  it('sends nothing when nothing new matches, and moves on to the next period', async () => {
    const id = await dueSubscription('quiet@example.org', { credentials: ['CRC'] });
    await insertListings(db.ds, [{ title: 'CPC only', certifications: { required: ['CPC'] } }]);
    const period = await makeDue(id);
    expect(await composer.compose(id, period)).toEqual({ status: 'empty' });
    expect(await repos.digestOutbox.findFor(id, period)).toBeNull();
    const sub = await repos.digestSubscriptions.find(id);
    expect(sub!.nextDueAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('never composes a period twice: a retried job and two at once leave one row', async () => {
    const id = await dueSubscription('twice@example.org', { roles: ['coder'] });
    await insertListings(db.ds, [{ title: 'New coder job' }]);
    const period = await makeDue(id);
    const other = new DigestComposer(config, db.ds);
    const outcomes = await Promise.all([composer.compose(id, period), other.compose(id, period)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['composed', 'skipped']);
    // A retry after success finds the period done.
    expect(await composer.compose(id, period)).toEqual({ status: 'skipped', reason: 'not due' });
    const rows = await db.ds.query(`SELECT id FROM digest_outbox WHERE subscription_id = $1`, [id]);
    expect(rows).toHaveLength(1);
  });

  it('never sends a digest twice: a retried send and two senders at once make one mail', async () => {
    const id = await dueSubscription('once@example.org', { roles: ['coder'] });
    await insertListings(db.ds, [{ title: 'Another coder job' }]);
    const period = await makeDue(id);
    const outcome = await composer.compose(id, period);
    if (outcome.status !== 'composed') throw new Error('expected a digest');
    const second = new DigestSender(config, db.ds, mailer);
    const results = await Promise.all([sender.send(outcome.outboxId), second.send(outcome.outboxId)]);
    expect(results.sort()).toEqual(['sent', 'skipped']);
    expect(await sender.send(outcome.outboxId)).toBe('skipped');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.to('once@example.org')).toHaveLength(1);
  });

  it('stops the next digest after a one-click unsubscribe', async () => {
    const id = await dueSubscription('stop@example.org', { roles: ['coder'] });
    await insertListings(db.ds, [{ title: 'Yet another coder job' }]);
    const period = await makeDue(id);
    const outcome = await composer.compose(id, period);
    if (outcome.status !== 'composed') throw new Error('expected a digest');
    await repos.digestSubscriptions.unsubscribe(id);
    expect(await sender.send(outcome.outboxId)).toBe('cancelled');
    expect(sink.to('stop@example.org')).toHaveLength(0);
  });

  it('suppresses an address the server refuses for good, and sends it nothing more', async () => {
    const id = await dueSubscription('gone@example.org', { roles: ['coder'] });
    await insertListings(db.ds, [{ title: 'Coder for a bounce' }]);
    const period = await makeDue(id);
    const outcome = await composer.compose(id, period);
    if (outcome.status !== 'composed') throw new Error('expected a digest');
    expect(await sender.send(outcome.outboxId)).toBe('failed');
    expect(await repos.mailSuppressions.isSuppressed('GONE@example.org')).toBe(true);
    expect((await repos.digestSubscriptions.find(id))!.status).toBe('unsubscribed');
    expect((await repos.digestOutbox.find(outcome.outboxId))!.lastError).toBe('mail_rejected 550');
  });

  /** A queue of its own in Redis, dropped afterwards. */
  async function withQueue(run: (queue: Queue, prefix: string) => Promise<void>): Promise<void> {
    const prefix = `cjtest-tick-${process.pid}-${randomBytes(3).toString('hex')}`;
    const queueConfig = loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix, DATABASE_URL: db.url });
    const queue = new Queue(DIGESTS_QUEUE, queueOptions(queueConfig));
    try {
      await run(queue, prefix);
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await dropQueueKeys(REDIS_URL, prefix);
    }
  }

  it('the tick enqueues one compose job per page of due subscriptions, however often it runs', async () => {
    await withQueue(async (queue) => {
      const scheduler = new DigestScheduler(config, db.ds, queue, mailer);
      const due = await db.ds.query(
        `SELECT count(*)::int AS n FROM digest_subscriptions WHERE status = 'confirmed' AND next_due_at <= now()`,
      );
      const a = await scheduler.tick();
      await scheduler.tick();
      expect(a.due).toBe(due[0].n);
      expect(a.compose).toBe(Math.ceil(due[0].n / COMPOSE_PAGE));
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed');
      expect(counts.waiting).toBe(a.compose + a.send);
    });
  });

  it('re-enqueues a page whose job failed all its attempts (its id is kept by the queue)', async () => {
    const id = await dueSubscription('retried@example.org', { roles: ['coder'] });
    await insertListings(db.ds, [{ title: 'Coder for a failed job' }]);
    const period = await makeDue(id);
    const outcome = await composer.compose(id, period);
    if (outcome.status !== 'composed') throw new Error('expected a digest');
    await withQueue(async (queue, prefix) => {
      const scheduler = new DigestScheduler(config, db.ds, queue, mailer);
      await scheduler.enqueueSends([outcome.outboxId]);
      const jobId = digestSendPageJobId([outcome.outboxId]);
      // A worker whose every try fails for good: the job ends failed, its id kept.
      const failing = new Worker(
        DIGESTS_QUEUE,
        () => Promise.reject(new UnrecoverableError('the server was gone for hours')),
        { ...queueOptions(loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix, DATABASE_URL: db.url })) },
      );
      try {
        await waitFor(async () => (await queue.getJobState(jobId)) === 'failed');
      } finally {
        await failing.close();
      }
      // The row still waits; the next tick's send job for it is a new one, not dropped.
      await scheduler.enqueueSends([outcome.outboxId]);
      expect(await queue.getJobState(jobId)).toBe('waiting');
    });
  });

  it('composes a page: one query set, each subscription once, whatever runs it twice or at once', async () => {
    const ids = await Promise.all(
      ['p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org', 'P5@Example.org'].map((e) =>
        dueSubscription(e, { roles: ['coder'] }),
      ),
    );
    const quiet = await dueSubscription('p-quiet@example.org', { credentials: ['RHIA'] });
    await insertListings(db.ds, [{ title: 'Coder for a page' }, { title: 'Second coder for a page' }]);
    await repos.mailSuppressions.add('p5@example.org', 'complaint');
    await repos.digestSubscriptions.unsubscribe(ids[3]);
    const items = await Promise.all(
      [...ids, quiet].map(async (id) => ({ subscriptionId: id, period: await makeDue(id) })),
    );

    // Two overlapping pages on two workers at once, then the first again (a retry).
    const other = new DigestComposer(config, db.ds);
    const [a, b] = await Promise.all([
      composer.composePage(items.slice(0, 4)),
      other.composePage([...items.slice(2), items[0]]),
    ]);
    const retry = await composer.composePage(items);
    const composed = [a, b, retry].flatMap((r) =>
      [...r.outcomes.entries()].filter(([, o]) => o.status === 'composed'),
    );
    expect(composed.map(([id]) => id).sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(retry.outcomes.get(ids[0])).toEqual({ status: 'skipped', reason: 'not due' });
    expect(retry.outcomes.get(ids[3])).toEqual({ status: 'skipped', reason: 'unsubscribed' });
    expect(retry.outcomes.get(ids[4])).toMatchObject({ status: 'skipped' });
    expect([a, b].map((r) => r.outcomes.get(quiet)?.status)).toContain('empty');
    expect([a, b].map((r) => r.outcomes.get(ids[4])?.status)).toContain('skipped');
    const rows: Array<{ subscription_id: string; n: number }> = await db.ds.query(
      `SELECT subscription_id, count(*)::int AS n FROM digest_outbox WHERE subscription_id = ANY($1::uuid[])
       GROUP BY subscription_id`,
      [[...ids, quiet]],
    );
    expect(rows.map((r) => r.subscription_id).sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // Every due one moved on; the suppressed address's stays as it is (it is sent nothing).
    const stillDue: Array<{ id: string }> = await db.ds.query(
      `SELECT id FROM digest_subscriptions WHERE id = ANY($1::uuid[]) AND status = 'confirmed' AND next_due_at <= now()`,
      [[...ids, quiet]],
    );
    expect(stillDue.map((r) => r.id)).toEqual([ids[4]]);
  });

  it('a page killed in the middle of its transaction leaves nothing, and its retry composes it once', async () => {
    const ids = await Promise.all(
      ['k1@example.org', 'k2@example.org', 'k3@example.org'].map((e) =>
        dueSubscription(e, { roles: ['coder'] }),
      ),
    );
    await insertListings(db.ds, [{ title: 'Coder for a killed page' }]);
    const items = await Promise.all(
      ids.map(async (id) => ({ subscriptionId: id, period: await makeDue(id) })),
    );
    // Someone holds the last row: the page's transaction waits on it, and is killed there.
    const holder = db.ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM digest_subscriptions WHERE id = $1 FOR UPDATE`, [ids[2]]);
    const page = composer.composePage(items);
    let waiting: Array<{ pid: number }> = [];
    await waitFor(async () => {
      waiting = await db.ds.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return waiting.length > 0;
    });
    await db.ds.query(`SELECT pg_terminate_backend($1)`, [waiting[0].pid]);
    await expect(page).rejects.toThrow();
    await holder.rollbackTransaction();
    await holder.release();
    const none = await db.ds.query(`SELECT id FROM digest_outbox WHERE subscription_id = ANY($1::uuid[])`, [
      ids,
    ]);
    expect(none).toEqual([]);

    const again = await composer.composePage(items);
    expect([...again.outcomes.values()].map((o) => o.status)).toEqual(['composed', 'composed', 'composed']);
    expect(again.outboxIds).toHaveLength(3);
  });

  it('sends a page: a 4xx puts its digest back for the retry, the others go once', async () => {
    const ids = await Promise.all(
      ['s1@example.org', 's2@example.org', 'later@example.org'].map((e) =>
        dueSubscription(e, { roles: ['coder'] }),
      ),
    );
    await insertListings(db.ds, [{ title: 'Coder for a sent page' }]);
    const items = await Promise.all(
      ids.map(async (id) => ({ subscriptionId: id, period: await makeDue(id) })),
    );
    const composed = await composer.composePage(items);
    deferred.add('later@example.org');
    const first = await sender.sendPage(composed.outboxIds);
    expect([...first.outcomes.values()].sort()).toEqual(['sent', 'sent', 'skipped']);
    expect(first.retry).toHaveLength(1);
    const later = await repos.digestOutbox.find(first.retry[0].id);
    expect(later).toMatchObject({ status: 'composed', lastError: 'mail_unavailable 451' });

    deferred.delete('later@example.org');
    const second = await sender.sendPage(composed.outboxIds);
    expect([...second.outcomes.values()].sort()).toEqual(['sent', 'skipped', 'skipped']);
    expect(second.retry).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    for (const e of ['s1@example.org', 's2@example.org', 'later@example.org'])
      expect(sink.to(e)).toHaveLength(1);
  });

  it('with the section on, shows what the last digest held that is still open, after the new ones', async () => {
    const earlierConfig = loadConfig({
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://coderjobs.example',
      DIGEST_STILL_OPEN: '2',
    });
    // A composer per day, as days apart: one process's read of the openings serves 30 s.
    const withEarlier = new DigestComposer(earlierConfig, db.ds);
    const id = await dueSubscription('earlier@example.org', { employer: 'Earlier Health' });
    const [kept, closed, alsoKept, third] = await insertListings(db.ds, [
      { title: 'Kept Coder', employer: 'Earlier Health' },
      { title: 'Closed Coder', employer: 'Earlier Health' },
      { title: 'Also Kept Coder', employer: 'Earlier Health' },
      { title: 'Third Kept Coder', employer: 'Earlier Health', postedAt: '2026-01-01T00:00:00Z' },
    ]);
    const first = await withEarlier.compose(id, await makeDue(id));
    if (first.status !== 'composed') throw new Error('expected a digest');
    expect(await sender.send(first.outboxId)).toBe('sent');
    await db.ds.getRepository(ListingEntity).update({ id: closed.id }, { status: 'closed' });
    const [fresh] = await insertListings(db.ds, [{ title: 'Fresh Coder', employer: 'Earlier Health' }]);

    const dayBefore = new Date(Math.floor((Date.now() - 25 * HOUR) / HOUR) * HOUR);
    await db.ds.query(`UPDATE digest_subscriptions SET next_due_at = $2 WHERE id = $1`, [id, dayBefore]);
    const nextDay = new DigestComposer(earlierConfig, db.ds);
    const second = await nextDay.compose(id, `daily:${dayBefore.toISOString().slice(0, 10)}`);
    if (second.status !== 'composed') throw new Error('expected a digest');
    const row = await repos.digestOutbox.find(second.outboxId);
    expect(row!.listingIds).toEqual([fresh.id]);
    const [text, earlier] = row!.textBody.split('Still open from earlier:');
    expect(text).toContain('Fresh Coder');
    // At most two, in the last digest's order, none closed.
    const shown = [kept, alsoKept, third].filter((l) => earlier.includes(l.title));
    expect(shown).toHaveLength(2);
    expect(earlier).not.toContain('Closed Coder');
    expect(row!.htmlBody).toContain('Still open from earlier');
  });

  it('makes stable links the pages accept', () => {
    const urls = new DigestUrls(config);
    expect(urls.unsubscribe('3f1c2b8e-8d7a-4c1e-9b1a-0c5d2e7f9a10', 1)).toMatch(
      /^https:\/\/coderjobs\.example\/digests\/unsubscribe\/unsubscribe\.3f1c2b8e/,
    );
  });
});
