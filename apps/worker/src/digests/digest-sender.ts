import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { DigestUrls } from '#digests';
import { MailError, Mailer } from '#mail';
import { maskEmail } from '#observability';
import { repositoriesOf } from '#persistence';

export type SendOutcome = 'sent' | 'skipped' | 'cancelled' | 'failed';

/**
 * Sends one composed digest, at most once. The row is claimed (status `sending`, committed) before
 * the mail is handed over, so a retried job, a second worker or a restarted one finds it taken and
 * does nothing. A worker killed between the claim and the server's answer leaves it `sending`:
 * whether the server took it is unknown, and housekeeping marks it failed rather than risk a second
 * copy. A 4xx or an unreachable server puts it back for the job's retry (backoff); a 5xx refusal of
 * the recipient is a hard bounce: the address is suppressed.
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger('DigestSender');
  private readonly urls: DigestUrls;
  private readonly host: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Mailer) private readonly mailer: Mailer,
  ) {
    this.urls = new DigestUrls(config);
    this.host = new URL(this.urls.origin).hostname;
  }

  async send(outboxId: string): Promise<SendOutcome> {
    const repos = repositoriesOf(this.ds);
    const row = await repos.digestOutbox.claim(outboxId);
    if (!row) return 'skipped';
    const sub = await repos.digestSubscriptions.find(row.subscriptionId);
    if (!sub || sub.status !== 'confirmed') {
      await repos.digestOutbox.cancel(row.id, 'subscription stopped');
      return 'cancelled';
    }
    if (await repos.mailSuppressions.isSuppressed(sub.email)) {
      await repos.digestOutbox.cancel(row.id, 'address suppressed');
      return 'cancelled';
    }
    try {
      await this.mailer.send({
        to: sub.email,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        // Stable: the same digest always carries the same Message-ID.
        messageId: `digest.${row.id}@${this.host}`,
        date: new Date(),
        headers: this.urls.listHeaders(sub.id, sub.linkVersion),
        envelopeFrom: this.urls.envelopeSender(row.id),
      });
    } catch (err) {
      if (!(err instanceof MailError)) {
        await repos.digestOutbox.release(row.id, 'unexpected error');
        throw err;
      }
      if (!err.permanent) {
        await repos.digestOutbox.release(row.id, `${err.code} ${err.responseCode ?? ''}`.trim());
        throw err;
      }
      await repos.digestOutbox.markFailed(row.id, `${err.code} ${err.responseCode ?? ''}`.trim());
      if (err.code === 'mail_rejected') {
        await repos.mailSuppressions.add(sub.email, 'bounce');
        await repos.digestSubscriptions.unsubscribeEmail(sub.emailKey);
        this.logger.warn(`${maskEmail(sub.email)} refused (${err.responseCode}): suppressed`);
      }
      return 'failed';
    }
    await repos.digestOutbox.markSent(row.id);
    return 'sent';
  }
}
