import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { loadConfig, type AppConfig } from '#config';
import { DigestUrls, subscriptionBounceAddress, unsubscribeAddress, linkSecret } from '#digests';
import { createMailer, type Mailer } from '#mail';
import { arfMessage, dsnMessage } from '#mail/testing';
import { repositoriesOf, type Repositories } from '#persistence';
import { ConfirmationMailer } from '../../apps/worker/src/digests/confirmation-mailer';
import { DigestSender } from '../../apps/worker/src/digests/digest-sender';
import {
  InboundMailbox,
  MAX_RECIPIENTS,
  MAX_REFUSED_RECIPIENTS,
} from '../../apps/worker/src/mailbox/inbound-mailbox';
import { MailboxService } from '../../apps/worker/src/mailbox/mailbox.service';
import { dropQueueKeys } from '../support/queue-backends';
import { confirmedSearchSubscription, pendingSearchSubscription } from '../support/digest-subscriptions';
import { smtpSend } from '../support/smtp-client';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createTestWorker } from '../support/test-worker';

const DOMAIN = 'coderjobs.example';
const HOUR = 3600_000;

// The inbound mailbox on a loopback port, spoken to over SMTP: mailto unsubscribes, bounces (DSNs
// to a digest's VERP envelope sender) and complaints (ARF), against the real database; digests go
// out through the worker's sender to a real SMTP server on loopback.
describe('the inbound mailbox: mailto unsubscribe, bounces, complaints', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let config: AppConfig;
  let mailer: Mailer;
  let sender: DigestSender;
  let mailbox: InboundMailbox;
  let port: number;
  const sink = new SmtpSink();

  beforeAll(async () => {
    db = await createTestDatabase();
    repos = repositoriesOf(db.ds);
    await sink.start();
    config = loadConfig({
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      MAIL_DOMAIN_RATE: '0',
      MAIL_FROM: `CoderJobs <jobs@${DOMAIN}>`,
      PUBLIC_URL: 'https://coderjobs.example',
      INBOUND_SMTP_PORT: '0',
      INBOUND_SMTP_MAX_BYTES: '100000',
    });
    mailer = createMailer(config);
    sender = new DigestSender(config, db.ds, mailer);
    mailbox = new InboundMailbox(config, new MailboxService(config, db.ds));
    await mailbox.onApplicationBootstrap();
    port = mailbox.port!;
  });

  afterAll(async () => {
    await mailbox?.stop();
    await mailer?.close();
    await sink.stop();
    await db.drop();
  });

  beforeEach(() => sink.clear());

  async function confirmedSubscription(email: string): Promise<string> {
    return confirmedSearchSubscription(db.ds, email, { nextDueAt: new Date(Date.now() + 24 * HOUR) });
  }

  /** A composed digest waiting to be sent (what compose leaves in the outbox). */
  async function composedDigest(subscriptionId: string, period: string): Promise<string> {
    const { id } = await repos.digestOutbox.insertOnce({
      subscriptionId,
      period,
      subject: '1 new remote CPC job',
      textBody: 'Remote CPC Coder at Lakeside',
      htmlBody: '<p>Remote CPC Coder at Lakeside</p>',
      listingIds: [],
      matchCount: 1,
    });
    return id;
  }

  /** Sends a digest and returns the envelope sender it went out with. */
  async function sentDigest(email: string, period = 'daily:2026-12-01') {
    const subscriptionId = await confirmedSubscription(email);
    const outboxId = await composedDigest(subscriptionId, period);
    expect(await sender.send(outboxId)).toBe('sent');
    const [mail] = await sink.waitFor(1);
    return { subscriptionId, outboxId, mail };
  }

  it('sends digests from a VERP address naming the outbox row, with a signed mailto unsubscribe', async () => {
    const { subscriptionId, mail } = await sentDigest('ana@example.org');
    expect(mail.envelopeFrom).toMatch(/^bounce\+[a-z2-7]{26}-[a-z2-7]{16}@coderjobs\.example$/);
    expect(mail.header('from')).toContain(`jobs@${DOMAIN}`);
    const mailto = /<mailto:([^?>]+)\?subject=unsubscribe>/.exec(mail.header('list-unsubscribe') ?? '')?.[1];
    expect(mailto).toBe(unsubscribeAddress(linkSecret(config), DOMAIN, subscriptionId, 1));
  });

  it('unsubscribes at once on a mail to the mailto address, and the waiting digest is not sent', async () => {
    const id = await confirmedSubscription('maria@example.org');
    const waiting = await composedDigest(id, 'daily:2026-12-02');
    const mailto = new DigestUrls(config).unsubscribeMailto(id, 1);
    const address = mailto.slice('mailto:'.length, mailto.indexOf('?'));

    const talk = await smtpSend(port, {
      from: 'maria@example.org',
      to: [address],
      data: `From: maria@example.org\r\nTo: ${address}\r\nSubject: unsubscribe\r\n\r\nunsubscribe\r\n`,
    });
    expect(talk.greeting.code).toBe(220);
    expect(talk.rcptTo[0].code).toBe(250);
    expect(talk.data?.code).toBe(250);
    expect((await repos.digestSubscriptions.find(id))!.status).toBe('unsubscribed');
    expect(await sender.send(waiting)).toBe('cancelled');
    expect(sink.messages).toHaveLength(0);

    // Again: the same answer, nothing else changes (as the one-click POST).
    const again = await smtpSend(port, {
      from: '',
      to: [address],
      data: 'Subject: unsubscribe\r\n\r\n.\r\n',
    });
    expect(again.data?.code).toBe(250);
  });

  it('unsubscribes by the link token in the subject of a mail to unsubscribe@ (digests sent before the mailbox)', async () => {
    const id = await confirmedSubscription('early@example.org');
    const before = new DigestUrls({ ...config, INBOUND_SMTP_PORT: undefined }).unsubscribeMailto(id, 1);
    const [, to, subject] = /^mailto:([^?]+)\?subject=(.+)$/.exec(before)!;
    expect(to).toBe(`unsubscribe@${DOMAIN}`);
    const forged = decodeURIComponent(subject).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const refused = await smtpSend(port, {
      from: 'early@example.org',
      to: [to],
      data: `Subject: ${forged}\r\n\r\nx\r\n`,
    });
    expect(refused.rcptTo[0].code).toBe(250);
    expect(refused.data?.code).toBe(550);
    expect((await repos.digestSubscriptions.find(id))!.status).toBe('confirmed');
    const talk = await smtpSend(port, {
      from: 'early@example.org',
      to: [to],
      data: `Subject: Re: ${decodeURIComponent(subject)}\r\n\r\nplease stop\r\n`,
    });
    expect(talk.data?.code).toBe(250);
    expect((await repos.digestSubscriptions.find(id))!.status).toBe('unsubscribed');
  });

  it('refuses a forged, altered or unknown token, another domain and any other mailbox at RCPT', async () => {
    const id = await confirmedSubscription('lee@example.org');
    const secret = linkSecret(config);
    const good = unsubscribeAddress(secret, DOMAIN, id, 1);
    const refused = [
      unsubscribeAddress('another-secret-of-thirty-two-characters!!', DOMAIN, id, 1),
      good.replace(/[a-z2-7](@)/, (m) => (m[0] === 'a' ? 'b@' : 'a@')),
      unsubscribeAddress(secret, DOMAIN, id, 2), // a link version the subscription never had
      unsubscribeAddress(secret, DOMAIN, randomUUID(), 1), // signed, but no such subscription
      `bounce+${'a'.repeat(26)}-${'a'.repeat(16)}@${DOMAIN}`,
      `postmaster@${DOMAIN}`,
      good.replace(DOMAIN, 'example.org'), // relaying
    ];
    const talk = await smtpSend(port, {
      from: 'x@example.net',
      to: refused,
      data: 'Subject: x\r\n\r\nx\r\n',
    });
    expect(talk.rcptTo.map((r) => r.code)).toEqual(refused.map(() => 550));
    expect(talk.rcptTo[0].text).toContain('not valid');
    expect(talk.rcptTo.at(-1)!.text).toMatch(/relay/i);
    expect(talk.data).toBeUndefined();
    expect((await repos.digestSubscriptions.find(id))!.status).toBe('confirmed');
  });

  it('suppresses the address on a permanent failure (5.x.x) reported to the VERP address', async () => {
    const { subscriptionId, mail } = await sentDigest('gone@example.org');
    const second = await confirmedSubscription('Gone@Example.org');
    const next = await composedDigest(second, 'daily:2026-12-03');

    const dsn = dsnMessage({
      to: mail.envelopeFrom,
      recipient: 'gone@example.org',
      action: 'failed',
      status: '5.1.1',
    });
    const talk = await smtpSend(port, { from: '', to: [mail.envelopeFrom], data: dsn });
    expect(talk.rcptTo[0].code).toBe(250);
    expect(talk.data?.code).toBe(250);
    expect(await repos.mailSuppressions.isSuppressed('gone@example.org')).toBe(true);
    const rows = await db.ds.query(
      `SELECT reason FROM mail_suppressions WHERE email_key = 'gone@example.org'`,
    );
    expect(rows).toEqual([{ reason: 'bounce' }]);
    expect((await repos.digestSubscriptions.find(subscriptionId))!.status).toBe('unsubscribed');
    expect(await sender.send(next)).toBe('cancelled');
    expect(sink.to('gone@example.org')).toHaveLength(1);
  });

  it('sends the confirmation from an address naming its subscription: a bounce of it suppresses', async () => {
    const pendingId = await pendingSearchSubscription(db.ds, 'Typo.Coder@Example.org');
    const confirmations = new ConfirmationMailer(
      config,
      mailer,
      repos.digestSubscriptions,
      repos.mailSuppressions,
    );
    expect(await confirmations.send(pendingId, 1)).toBe('sent');
    const [mail] = await sink.waitFor(1);
    expect(mail.envelopeFrom).toBe(subscriptionBounceAddress(linkSecret(config), DOMAIN, pendingId));

    const delay = dsnMessage({
      to: mail.envelopeFrom,
      recipient: 'typo.coder@example.org',
      action: 'delayed',
      status: '4.2.2',
    });
    expect((await smtpSend(port, { from: '', to: [mail.envelopeFrom], data: delay })).data?.code).toBe(250);
    expect(await repos.mailSuppressions.isSuppressed('typo.coder@example.org')).toBe(false);

    const dsn = dsnMessage({
      to: mail.envelopeFrom,
      recipient: 'typo.coder@example.org',
      action: 'failed',
      status: '5.1.1',
    });
    const talk = await smtpSend(port, { from: '', to: [mail.envelopeFrom], data: dsn });
    expect(talk.rcptTo[0].code).toBe(250);
    expect(talk.data?.code).toBe(250);
    expect(await repos.mailSuppressions.isSuppressed('typo.coder@example.org')).toBe(true);
    expect((await repos.digestSubscriptions.find(pendingId))!.status).toBe('unsubscribed');
    // A second confirmation to the address is not sent.
    const again = await pendingSearchSubscription(db.ds, 'typo.coder@example.org', {
      searchQuery: 'role=coder',
    });
    expect(await confirmations.send(again, 1)).toBe('skipped');

    // Forged: a subscription address for an id that is not there is refused at RCPT.
    const stranger = subscriptionBounceAddress(linkSecret(config), DOMAIN, randomUUID());
    const refused = await smtpSend(port, { from: '', to: [stranger], data: dsn });
    expect(refused.rcptTo[0].code).toBe(550);
  });

  it('changes nothing on a delay or a temporary failure (4.x.x)', async () => {
    const { subscriptionId, mail } = await sentDigest('busy@example.org');
    for (const [action, status] of [
      ['delayed', '4.2.2'],
      ['failed', '4.4.7'],
    ] as const) {
      const dsn = dsnMessage({ to: mail.envelopeFrom, recipient: 'busy@example.org', action, status });
      const talk = await smtpSend(port, { from: '', to: [mail.envelopeFrom], data: dsn });
      expect(talk.data?.code).toBe(250);
    }
    expect(await repos.mailSuppressions.isSuppressed('busy@example.org')).toBe(false);
    expect((await repos.digestSubscriptions.find(subscriptionId))!.status).toBe('confirmed');
  });

  it('suppresses the address as a complaint on an ARF report to the VERP address', async () => {
    const { subscriptionId, mail } = await sentDigest('angry@example.org');
    const arf = arfMessage({ to: mail.envelopeFrom, recipient: 'angry@example.org' });
    const talk = await smtpSend(port, { from: 'fbl@isp.example', to: [mail.envelopeFrom], data: arf });
    expect(talk.data?.code).toBe(250);
    const rows = await db.ds.query(
      `SELECT reason FROM mail_suppressions WHERE email_key = 'angry@example.org'`,
    );
    expect(rows).toEqual([{ reason: 'complaint' }]);
    expect((await repos.digestSubscriptions.find(subscriptionId))!.status).toBe('unsubscribed');
  });

  it('takes feedback-loop complaints at complaints@, naming the digest by the quoted Return-Path', async () => {
    const { subscriptionId, mail } = await sentDigest('looped@example.org');
    const complaints = `complaints@${DOMAIN}`;
    const forged = arfMessage({
      to: complaints,
      recipient: 'looped@example.org',
      returnPath: mail.envelopeFrom.replace(/[a-z2-7](@)/, (m) => (m[0] === 'a' ? 'b@' : 'a@')),
    });
    const ignored = await smtpSend(port, { from: 'fbl@isp.example', to: [complaints], data: forged });
    expect(ignored.data?.code).toBe(250);
    expect(await repos.mailSuppressions.isSuppressed('looped@example.org')).toBe(false);

    const arf = arfMessage({ to: complaints, recipient: '[redacted]', returnPath: mail.envelopeFrom });
    const talk = await smtpSend(port, { from: 'fbl@isp.example', to: [complaints], data: arf });
    expect(talk.data?.code).toBe(250);
    const rows = await db.ds.query(
      `SELECT reason FROM mail_suppressions WHERE email_key = 'looped@example.org'`,
    );
    expect(rows).toEqual([{ reason: 'complaint' }]);
    expect((await repos.digestSubscriptions.find(subscriptionId))!.status).toBe('unsubscribed');
  });

  it('offers STARTTLS only with the configured certificate, and takes mail over it', async () => {
    const plain = await smtpSend(port, { from: '', to: [] });
    expect(plain.ehlo.text).toMatch(/SIZE 100000/);
    expect(plain.ehlo.text).not.toMatch(/STARTTLS/);

    const tlsDir = join(__dirname, '../fixtures/tls');
    const tlsConfig = {
      ...config,
      INBOUND_SMTP_TLS_KEY_FILE: join(tlsDir, 'mailbox-test.key'),
      INBOUND_SMTP_TLS_CERT_FILE: join(tlsDir, 'mailbox-test.crt'),
    };
    const secured = new InboundMailbox(tlsConfig, new MailboxService(tlsConfig, db.ds));
    await secured.start(0, '127.0.0.1');
    const client = createTransport({
      host: '127.0.0.1',
      port: secured.port,
      requireTLS: true,
      tls: { ca: readFileSync(join(tlsDir, 'mailbox-test.crt')), servername: 'localhost' },
    });
    try {
      const id = await confirmedSubscription('tls@example.org');
      const mailto = new DigestUrls(config).unsubscribeMailto(id, 1);
      const to = mailto.slice('mailto:'.length, mailto.indexOf('?'));
      const info = await client.sendMail({
        envelope: { from: 'tls@example.org', to },
        raw: 'Subject: unsubscribe\r\n\r\nx\r\n',
      });
      expect(info.response).toMatch(/^250/);
      expect((await repos.digestSubscriptions.find(id))!.status).toBe('unsubscribed');
    } finally {
      client.close();
      await secured.stop();
    }
  });

  it('bounds a message: its size and its recipients', async () => {
    const { mail } = await sentDigest('big@example.org');
    const big = `Subject: big\r\n\r\n${'x'.repeat(998)}\r\n`.repeat(120);
    const talk = await smtpSend(port, { from: '', to: [mail.envelopeFrom], data: big });
    expect(talk.data?.code).toBe(552);
    const urls = new DigestUrls(config);
    const many: string[] = [];
    for (let i = 0; i <= MAX_RECIPIENTS; i++) {
      const mailto = urls.unsubscribeMailto(await confirmedSubscription(`many${i}@example.org`), 1);
      many.push(mailto.slice('mailto:'.length, mailto.indexOf('?')));
    }
    const crowd = await smtpSend(port, { from: '', to: many });
    expect(crowd.rcptTo.slice(0, MAX_RECIPIENTS).every((r) => r.code === 250)).toBe(true);
    expect(crowd.rcptTo[MAX_RECIPIENTS].code).toBe(452);

    // Guessing: the connection is closed once too many recipients were refused.
    const guesses = Array.from({ length: MAX_REFUSED_RECIPIENTS + 1 }, (_, i) => `guess${i}@${DOMAIN}`);
    const guessing = await smtpSend(port, { from: '', to: guesses });
    expect(guessing.rcptTo.slice(0, MAX_REFUSED_RECIPIENTS).every((r) => r.code === 550)).toBe(true);
    expect(guessing.rcptTo[MAX_REFUSED_RECIPIENTS].code).toBe(421);
  });
});

describe('the worker starts its mailbox only when INBOUND_SMTP_PORT is set', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext | undefined;
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `cjtest-mailbox-${process.pid}-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await worker?.close();
    await dropQueueKeys(REDIS_URL, prefix);
    await db.drop();
  });

  it('listens on loopback and refuses what is not its own', async () => {
    const base = { DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: prefix };
    worker = await createTestWorker({ ...base, INBOUND_SMTP_PORT: '0' });
    const port = worker.get(InboundMailbox).port!;
    expect(port).toBeGreaterThan(0);
    const talk = await smtpSend(port, { from: 'a@example.org', to: ['someone@example.org'] });
    expect(talk.greeting.code).toBe(220);
    expect(talk.rcptTo[0].code).toBe(550);
    await worker.close();
    worker = await createTestWorker(base);
    expect(worker.get(InboundMailbox).port).toBeUndefined();
  });
});
