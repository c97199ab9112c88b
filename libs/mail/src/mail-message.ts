/** One message as the features hand it to the mailer: the From comes from the configuration. */
export interface MailMessage {
  /** One recipient address, as the person gave it. */
  to: string;
  subject: string;
  /** The plain-text part; every message has one. */
  text: string;
  /** The HTML part, when there is one. */
  html?: string;
  /**
   * A Message-ID without angle brackets (`digest.42@coderjobs.example`). Give a stable one when the
   * same message may be handed over twice, so receivers and logs can tell it is one message.
   */
  messageId?: string;
  /** The Date header; now when absent. */
  date?: Date;
  /**
   * The envelope sender (Return-Path), where bounces go: a VERP address naming the message. The From
   * when absent.
   */
  envelopeFrom?: string;
  /** Extra headers (List-Unsubscribe, List-Id...). Names and values are single lines. */
  headers?: Record<string, string>;
}

/** What the transport said about a message it took. */
export interface SentMail {
  /** The Message-ID as sent, with angle brackets. */
  messageId: string;
  /** The server's last reply, or where the outbox wrote the file. */
  response: string;
}

/** The mail module's error codes: `permanent` ones will fail again if retried. */
export type MailErrorCode = 'mail_invalid' | 'mail_rejected' | 'mail_unavailable';

export class MailError extends Error {
  constructor(
    readonly code: MailErrorCode,
    message: string,
    /** The SMTP reply code, when a server answered. */
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailError';
  }

  /** A refusal that a retry cannot change: an invalid message or a 5xx reply. */
  get permanent(): boolean {
    return this.code !== 'mail_unavailable';
  }
}
