import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '#config';
import { DigestUrls } from '#digests';
import { DIGESTS_QUEUE, queueOptions } from '#jobs';
import { createMailer, type Mailer } from '#mail';
import { ListingEntity, repositoriesOf, type Repositories } from '#persistence';
import { DigestComposer } from '../../apps/worker/src/digests/digest-composer';
import { DigestScheduler } from '../../apps/worker/src/digests/digest-scheduler';
import { DigestSender } from '../../apps/worker/src/digests/digest-sender';
import { insertListings } from '../support/listing-factory';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HOUR = 3600_000;

// Composing and sending against a real database and a real SMTP server on loopback, calling the
// worker's composer and sender directly (the queue suite below drives them through real workers).
describe('digests: only new matching listings, never twice, never empty', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let config: AppConfig;
  let mailer: Mailer;
  let composer: DigestComposer;
  let sender: DigestSender;
  const sink = new SmtpSink({ refuseRecipient: (a) => (a.startsWith('gone@') ? 550 : undefined) });

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
    const sub = await repos.digestSubscriptions.create({
      email,
      kind: 'search',
      criteria,
      searchQuery,
      candidateId: null,
      frequency: 'daily',
      sendHour: 7,
      sendWeekday: 1,
      timeZone: 'UTC',
      confirmTokenHash: null,
      confirmExpiresAt: new Date(Date.now() + HOUR),
    });
    await repos.digestSubscriptions.confirm(sub.id, new Date());
    return sub.id;
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

  it('the tick enqueues one compose job per due subscription, however often it runs', async () => {
    const prefix = `cjtest-tick-${process.pid}-${randomBytes(3).toString('hex')}`;
    const queueConfig = loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix, DATABASE_URL: db.url });
    const queue = new Queue(DIGESTS_QUEUE, queueOptions(queueConfig));
    try {
      const scheduler = new DigestScheduler(config, db.ds, queue, mailer);
      const due = await db.ds.query(
        `SELECT count(*)::int AS n FROM digest_subscriptions WHERE status = 'confirmed' AND next_due_at <= now()`,
      );
      const a = await scheduler.tick();
      await scheduler.tick();
      expect(a.compose).toBe(due[0].n);
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed');
      expect(counts.waiting).toBe(due[0].n + a.send);
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      // No Redis on this machine (TEST_REDIS_URL empty): the queues were in the test database.
      if (REDIS_URL) {
        const redis = new Redis(REDIS_URL);
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      }
    }
  });

  it('makes stable links the pages accept', () => {
    const urls = new DigestUrls(config);
    expect(urls.unsubscribe('3f1c2b8e-8d7a-4c1e-9b1a-0c5d2e7f9a10', 1)).toMatch(
      /^https:\/\/coderjobs\.example\/digests\/unsubscribe\/unsubscribe\.3f1c2b8e/,
    );
  });
});
