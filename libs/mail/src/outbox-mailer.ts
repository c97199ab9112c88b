import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { DKIMOptions } from 'nodemailer/lib/dkim';
import type { DomainRateLimiter } from './domain-rate';
import type { SentMail } from './mail-message';
import { NodemailerMailer } from './nodemailer-mailer';

export interface OutboxMailerOptions {
  dir: string;
  from: string;
  pace: DomainRateLimiter;
  dkim?: DKIMOptions;
}

/**
 * The embedded start's mail: each message becomes a .eml file in a folder (named by time and
 * Message-ID) that any mail program opens, headers and both parts as they would have been sent, with
 * the Return-Path a mailbox would show.
 */
export class OutboxMailer extends NodemailerMailer {
  readonly transport = 'outbox' as const;
  readonly dir: string;

  constructor(options: OutboxMailerOptions) {
    super(
      createTransport({ streamTransport: true, buffer: true, newline: 'windows', dkim: options.dkim }),
      options.from,
      options.pace,
    );
    this.dir = resolve(options.dir);
  }

  protected async delivered(info: Record<string, unknown>): Promise<SentMail> {
    const messageId = String(info.messageId);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `${stamp}-${messageId
      .replace(/^<|>$/g, '')
      .replace(/[^A-Za-z0-9.@-]+/g, '_')
      .slice(0, 120)}.eml`;
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, name);
    // What a receiving server would add: the envelope sender, where a bounce of this mail would go.
    const envelope = info.envelope as { from?: string | false } | undefined;
    const returnPath = envelope?.from ? Buffer.from(`Return-Path: <${envelope.from}>\r\n`) : Buffer.alloc(0);
    await writeFile(file, Buffer.concat([returnPath, info.message as Buffer]));
    return { messageId, response: `written to ${file}` };
  }
}
