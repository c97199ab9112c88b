import { createTransport } from 'nodemailer';
import type { DKIMOptions } from 'nodemailer/lib/dkim';
import type { DomainRateLimiter } from './domain-rate';
import type { SentMail } from './mail-message';
import { NodemailerMailer } from './nodemailer-mailer';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://... */
  url: string;
  from: string;
  maxConnections: number;
  pace: DomainRateLimiter;
  dkim?: DKIMOptions;
}

/** Sends over a pool of SMTP connections kept open between messages (many messages per connection). */
export class SmtpMailer extends NodemailerMailer {
  readonly transport = 'smtp' as const;

  constructor(options: SmtpMailerOptions) {
    super(
      createTransport({
        url: options.url,
        pool: true,
        maxConnections: options.maxConnections,
        maxMessages: 500,
        // A stuck server must not hold a job for minutes.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
        dkim: options.dkim,
      }),
      options.from,
      options.pace,
    );
  }

  protected async delivered(info: Record<string, unknown>): Promise<SentMail> {
    return { messageId: String(info.messageId), response: String(info.response ?? '') };
  }
}
