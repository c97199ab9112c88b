import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { simpleParser } from 'mailparser';
import { APP_CONFIG, loadConfig } from '#config';
import { createMailer, MailError, MailModule, Mailer, OutboxMailer, type MailMessage } from '#mail';
import { SmtpSink } from '../support/smtp-sink';

const message = (over: Partial<MailMessage> = {}): MailMessage => ({
  to: 'maria.lopez@example.org',
  subject: '3 new remote CPC jobs',
  text: 'Coding Specialist at Mercy Valley',
  html: '<p>Coding Specialist at <b>Mercy Valley</b></p>',
  ...over,
});

describe('mail over SMTP (a real server on loopback)', () => {
  const sink = new SmtpSink({
    refuseRecipient: (a) => (a.startsWith('gone@') ? 550 : a.startsWith('busy@') ? 451 : undefined),
  });
  let mailer: Mailer;

  beforeAll(async () => {
    await sink.start();
    mailer = createMailer(
      loadConfig({ SMTP_URL: sink.url, MAIL_DOMAIN_RATE: '0', MAIL_MAX_CONNECTIONS: '3' }),
    );
  });
  afterAll(async () => {
    await mailer.close();
    await sink.stop();
  });
  beforeEach(() => sink.clear());

  it('delivers both parts with the From, Date, Message-ID and extra headers it was given', async () => {
    const date = new Date('2026-12-01T14:00:00Z');
    const sent = await mailer.send(
      message({
        messageId: 'digest.42@coderjobs.example',
        date,
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      }),
    );
    expect(mailer.transport).toBe('smtp');
    expect(sent.messageId).toBe('<digest.42@coderjobs.example>');
    const [got] = await sink.waitFor(1);
    expect(got.envelopeTo).toEqual(['maria.lopez@example.org']);
    expect(got.parsed.messageId).toBe('<digest.42@coderjobs.example>');
    expect(got.parsed.date?.toISOString()).toBe(date.toISOString());
    expect(got.parsed.subject).toBe('3 new remote CPC jobs');
    expect(got.parsed.text?.trim()).toBe('Coding Specialist at Mercy Valley');
    expect(got.parsed.html).toContain('<b>Mercy Valley</b>');
    expect(got.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(got.header('from')).toContain('no-reply@coderjobs.localhost');
  });

  it('sends many messages over a few pooled connections', async () => {
    const before = sink.connections;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => mailer.send(message({ to: `coder${i}@example.org` }))),
    );
    await sink.waitFor(30);
    expect(sink.connections - before).toBeLessThanOrEqual(3);
  });

  it('reports a 5xx refusal as permanent and a 4xx one as worth retrying', async () => {
    const gone = await mailer.send(message({ to: 'gone@example.org' })).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(MailError);
    expect(gone).toMatchObject({ code: 'mail_rejected', responseCode: 550, permanent: true });
    expect((gone as Error).message).not.toContain('gone@');

    const busy = await mailer.send(message({ to: 'busy@example.org' })).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'mail_unavailable', responseCode: 451, permanent: false });
    expect(sink.messages).toHaveLength(0);
  });

  it('refuses a header or subject that would add lines, before anything is sent', async () => {
    await expect(
      mailer.send(message({ headers: { 'X-Note': 'a\r\nBcc: someone@example.org' } })),
    ).rejects.toMatchObject({ code: 'mail_invalid', permanent: true });
    await expect(mailer.send(message({ subject: 'hi\nBcc: x@example.org' }))).rejects.toMatchObject({
      code: 'mail_invalid',
    });
    await expect(mailer.send(message({ to: 'a@example.org, b@example.org' }))).rejects.toMatchObject({
      code: 'mail_invalid',
    });
    expect(sink.messages).toHaveLength(0);
  });

  it('reports a server that does not answer as unavailable (retry later)', async () => {
    const port = await closedLoopbackPort();
    const offline = createMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_DOMAIN_RATE: '0' }));
    try {
      await expect(offline.send(message())).rejects.toMatchObject({
        code: 'mail_unavailable',
        permanent: false,
      });
    } finally {
      await offline.close();
    }
  });

  it('signs with DKIM, List-Unsubscribe headers included, when the keys are configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coderjobs-dkim-'));
    const keyFile = join(dir, 'dkim.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const signed = createMailer(
      loadConfig({
        SMTP_URL: sink.url,
        MAIL_DOMAIN_RATE: '0',
        DKIM_DOMAIN: 'coderjobs.example',
        DKIM_SELECTOR: 's2026',
        DKIM_PRIVATE_KEY_FILE: keyFile,
      }),
    );
    try {
      await signed.send(
        message({
          headers: {
            'List-Unsubscribe': '<https://coderjobs.example/u/t>, <mailto:unsubscribe@coderjobs.example>',
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }),
      );
      const [got] = await sink.waitFor(1);
      const dkim = got.header('dkim-signature') ?? '';
      expect(dkim).toContain('d=coderjobs.example');
      expect(dkim).toContain('s=s2026');
      const signedHeaders = /(?:^|;)h=([^;]+)/.exec(dkim.replace(/\s+/g, ''))?.[1].toLowerCase().split(':');
      expect(signedHeaders).toEqual(
        expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']),
      );
    } finally {
      await signed.close();
    }
  });
  it('gives the envelope sender asked for (VERP) and refuses one that is not a plain address', async () => {
    await mailer.send(message({ envelopeFrom: 'bounce+abc-def@coderjobs.example' }));
    const [got] = await sink.waitFor(1);
    expect(got.envelopeFrom).toBe('bounce+abc-def@coderjobs.example');
    expect(got.header('from')).toContain('no-reply@coderjobs.localhost');
    await expect(
      mailer.send(message({ envelopeFrom: 'a@b.example>\r\nRCPT TO:<x@y.example' })),
    ).rejects.toMatchObject({
      code: 'mail_invalid',
    });
  });
});

describe('mail to the local outbox (SMTP_URL unset)', () => {
  it('writes each message as an .eml file a mail program opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coderjobs-outbox-'));
    const mailer = createMailer(loadConfig({ MAIL_OUTBOX_DIR: dir, MAIL_DOMAIN_RATE: '0' }));
    expect(mailer.transport).toBe('outbox');
    const sent = await mailer.send(message({ messageId: 'confirm.7@coderjobs.example' }));
    expect(sent.response).toContain(dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/confirm\.7@coderjobs\.example\.eml$/);
    const parsed = await simpleParser(readFileSync(join(dir, files[0])));
    expect(parsed.subject).toBe('3 new remote CPC jobs');
    expect(parsed.messageId).toBe('<confirm.7@coderjobs.example>');
    expect(parsed.html).toContain('Mercy Valley');
    await mailer.close();
  });

  it('shows the envelope sender as the Return-Path a mailbox would add', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coderjobs-outbox-'));
    const mailer = createMailer(loadConfig({ MAIL_OUTBOX_DIR: dir, MAIL_DOMAIN_RATE: '0' }));
    await mailer.send(message({ envelopeFrom: 'bounce+abc-def@coderjobs.example' }));
    const parsed = await simpleParser(readFileSync(join(dir, readdirSync(dir)[0])));
    expect(parsed.headers.get('return-path')).toMatchObject({ text: 'bounce+abc-def@coderjobs.example' });
    expect(parsed.subject).toBe('3 new remote CPC jobs');
    await mailer.close();
  });
});

describe('MailModule', () => {
  it('provides the Mailer the configuration asks for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coderjobs-outbox-'));
    @Global()
    @Module({
      providers: [{ provide: APP_CONFIG, useValue: loadConfig({ MAIL_OUTBOX_DIR: dir }) }],
      exports: [APP_CONFIG],
    })
    class TestConfigModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestConfigModule, MailModule] }).compile();
    const mailer = moduleRef.get(Mailer);
    expect(mailer.transport).toBe('outbox');
    expect((mailer as OutboxMailer).dir).toBe(dir);
    await moduleRef.close();
  });
});

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
