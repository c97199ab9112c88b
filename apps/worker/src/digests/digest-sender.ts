import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { DigestUrls } from '#digests';
import { MailError, Mailer } from '#mail';
import { maskEmail } from '#observability';
import {
  repositoriesOf,
  type ClaimedDigest,
  type DigestOutcome,
  type DigestSubscriptionEntity,
} from '#persistence';

export type SendOutcome = 'sent' | 'skipped' | 'cancelled' | 'failed';

/** What a page came to: each row's outcome, and whether some were put back for a retry. */
export interface SendPageResult {
  outcomes: Map<string, SendOutcome>;
  /** Rows the transport could not take now (4xx, unreachable): back to waiting, for the job's retry. */
  retry: DigestOutcome[];
}

/** Mails handed to the pooled mailer at once by one page (the pool queues them on its connections). */
const IN_FLIGHT = 50;

/**
 * Sends a page of composed digests, each at most once. The rows are claimed (status `sending`,
 * committed, one statement) before any mail is handed over, so a retried job, a second worker or a
 * restarted one finds them taken and does nothing. A worker killed between the claim and the server's
 * answer leaves them `sending`: whether the server took them is unknown, and housekeeping marks them
 * failed rather than risk a second copy. A 4xx or an unreachable server puts a row back for the job's
 * retry (backoff); a 5xx refusal of the recipient is a hard bounce: the address is suppressed. The
 * outcomes are written with one statement each, after the page.
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

  /** One digest: a page of one; throws (after putting it back) when the transport could not take it. */
  async send(outboxId: string): Promise<SendOutcome> {
    const result = await this.sendPage([outboxId]);
    if (result.retry.length > 0) throw new MailError('mail_unavailable', result.retry[0].error);
    return result.outcomes.get(outboxId) ?? 'skipped';
  }

  async sendPage(outboxIds: readonly string[]): Promise<SendPageResult> {
    const repos = repositoriesOf(this.ds);
    const outcomes = new Map<string, SendOutcome>(outboxIds.map((id) => [id, 'skipped']));
    const rows = await repos.digestOutbox.claimMany([...outboxIds]);
    if (rows.length === 0) return { outcomes, retry: [] };
    const subs = new Map(
      (await repos.digestSubscriptions.findMany([...new Set(rows.map((r) => r.subscriptionId))])).map((s) => [
        s.id,
        s,
      ]),
    );
    const suppressed = await repos.mailSuppressions.suppressedOf([...subs.values()].map((s) => s.email));

    const stopped: DigestOutcome[] = [];
    const sendable: Array<{ row: ClaimedDigest; sub: DigestSubscriptionEntity }> = [];
    for (const row of rows) {
      const sub = subs.get(row.subscriptionId);
      if (!sub || sub.status !== 'confirmed') stopped.push({ id: row.id, error: 'subscription stopped' });
      else if (suppressed.has(sub.emailKey)) stopped.push({ id: row.id, error: 'address suppressed' });
      else sendable.push({ row, sub });
    }
    for (const s of stopped) outcomes.set(s.id, 'cancelled');

    const sent: string[] = [];
    const retry: DigestOutcome[] = [];
    const failed: DigestOutcome[] = [];
    const bounced: DigestSubscriptionEntity[] = [];
    let unexpected: unknown = null;
    let next = 0;
    const lane = async () => {
      while (next < sendable.length) {
        const { row, sub } = sendable[next++];
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
          sent.push(row.id);
          outcomes.set(row.id, 'sent');
        } catch (err) {
          if (!(err instanceof MailError)) {
            retry.push({ id: row.id, error: 'unexpected error' });
            unexpected ??= err;
          } else if (!err.permanent) {
            retry.push({ id: row.id, error: `${err.code} ${err.responseCode ?? ''}`.trim() });
          } else {
            failed.push({ id: row.id, error: `${err.code} ${err.responseCode ?? ''}`.trim() });
            outcomes.set(row.id, 'failed');
            if (err.code === 'mail_rejected') bounced.push(sub);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, sendable.length) }, lane));

    await repos.digestOutbox.markSentMany(sent);
    await repos.digestOutbox.settleMany('cancelled', stopped);
    await repos.digestOutbox.settleMany('failed', failed);
    await repos.digestOutbox.settleMany('composed', retry);
    for (const sub of bounced) {
      await repos.mailSuppressions.add(sub.email, 'bounce');
      await repos.digestSubscriptions.unsubscribeEmail(sub.emailKey);
      this.logger.warn(`${maskEmail(sub.email)} refused: suppressed`);
    }
    if (unexpected) throw unexpected;
    return { outcomes, retry };
  }
}
