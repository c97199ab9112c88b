import { Logger } from '@nestjs/common';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { maskEmail } from '#observability';
import { recipientDomain, type DomainRateLimiter } from './domain-rate';
import { MailError, type MailMessage, type SentMail } from './mail-message';
import { Mailer } from './mailer';

// A header line a caller could smuggle a second header (or a body) into.
const LINE_BREAK = /[\r\n]/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,76}$/;
const ADDRESS = /^[^\s@<>,;"]{1,64}@[^\s@<>,;"]{1,255}$/;
const MESSAGE_ID = /^[^\s<>]{1,200}@[^\s<>]{1,200}$/;

/** Refuses a message that would not reach one person intact, before any connection is used. */
export function checkMessage(message: MailMessage): void {
  if (!ADDRESS.test(message.to))
    throw new MailError('mail_invalid', 'the recipient is not one plain address');
  if (message.envelopeFrom !== undefined && !ADDRESS.test(message.envelopeFrom)) {
    throw new MailError('mail_invalid', 'the envelope sender is not one plain address');
  }
  if (LINE_BREAK.test(message.subject)) throw new MailError('mail_invalid', 'the subject spans lines');
  if (message.messageId !== undefined && !MESSAGE_ID.test(message.messageId)) {
    throw new MailError('mail_invalid', 'the Message-ID is not of the form id@domain');
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name) || LINE_BREAK.test(value)) {
      throw new MailError('mail_invalid', `header ${JSON.stringify(name.slice(0, 40))} is not a single line`);
    }
  }
}

/**
 * A Mailer over a nodemailer transporter (pooled SMTP or the outbox's stream): checks the message,
 * paces it per recipient domain, and turns nodemailer's errors into MailErrors.
 */
export abstract class NodemailerMailer extends Mailer {
  private readonly logger = new Logger('Mailer');

  protected constructor(
    protected readonly transporter: Transporter,
    private readonly from: string,
    private readonly pace: DomainRateLimiter,
  ) {
    super();
  }

  async send(message: MailMessage): Promise<SentMail> {
    checkMessage(message);
    await this.pace.wait(recipientDomain(message.to));
    const options: SendMailOptions = {
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      date: message.date ?? new Date(),
      headers: message.headers,
      ...(message.messageId ? { messageId: `<${message.messageId}>` } : {}),
      ...(message.envelopeFrom ? { envelope: { from: message.envelopeFrom, to: message.to } } : {}),
    };
    try {
      const info = await this.transporter.sendMail(options);
      const sent = await this.delivered(info as unknown as Record<string, unknown>);
      this.logger.debug(`${this.transport}: ${sent.messageId} to ${maskEmail(message.to)}`);
      return sent;
    } catch (err) {
      throw toMailError(err);
    }
  }

  /** What the transport's answer means for the caller (the outbox writes its file here). */
  protected abstract delivered(info: Record<string, unknown>): Promise<SentMail>;

  async close(): Promise<void> {
    this.transporter.close();
  }
}

function toMailError(err: unknown): MailError {
  if (err instanceof MailError) return err;
  const e = err as { message?: string; responseCode?: number; permanent?: boolean; code?: string };
  // Only the reply code and nodemailer's code: a server's reply text may quote the address.
  const what = e.responseCode
    ? `the server replied ${e.responseCode}`
    : `the transport failed (${e.code ?? 'error'})`;
  if (e.responseCode !== undefined && e.permanent)
    return new MailError('mail_rejected', what, e.responseCode);
  if (e.code === 'EENVELOPE' && e.responseCode === undefined) return new MailError('mail_invalid', what);
  return new MailError('mail_unavailable', what, e.responseCode);
}
