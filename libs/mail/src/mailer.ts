import type { MailMessage, SentMail } from './mail-message';

/**
 * The one interface features send through (`send(message)`); the mail module decides what stands
 * behind it (SMTP or the local outbox), and nothing else knows which. Also the injection token.
 */
export abstract class Mailer {
  /** `smtp` or `outbox`, for logs and the health page. */
  abstract readonly transport: 'smtp' | 'outbox';

  /**
   * Hands one message over. Resolves once the server (or the outbox) has taken it; rejects with a
   * MailError whose `permanent` flag says whether a retry can help.
   */
  abstract send(message: MailMessage): Promise<SentMail>;

  /** Closes pooled connections; called on shutdown. */
  abstract close(): Promise<void>;
}
