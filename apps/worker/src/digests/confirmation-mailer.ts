import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  describeSearch,
  DigestUrls,
  newConfirmToken,
  renderConfirmation,
  type DigestCriteria,
} from '#digests';
import { Mailer } from '#mail';
import { maskEmail } from '#observability';
import { DigestSubscriptionsRepository, MailSuppressionsRepository } from '#persistence';

/** Confirmation links last this long (the API's answer says the same). */
const CONFIRM_HOURS = 48;

/**
 * Sends a pending subscription its confirmation mail. The token is made here and only its hash
 * stored, so it never sits in the queue; a retry makes a new one (the older link stops working).
 */
@Injectable()
export class ConfirmationMailer {
  private readonly logger = new Logger('DigestConfirm');
  private readonly urls: DigestUrls;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(DigestSubscriptionsRepository) private readonly subscriptions: DigestSubscriptionsRepository,
    @Inject(MailSuppressionsRepository) private readonly suppressions: MailSuppressionsRepository,
  ) {
    this.urls = new DigestUrls(config);
  }

  async send(subscriptionId: string, attempt: number): Promise<'sent' | 'skipped'> {
    const sub = await this.subscriptions.find(subscriptionId);
    if (!sub || sub.status !== 'pending') return 'skipped';
    if (await this.suppressions.isSuppressed(sub.email)) return 'skipped';
    const { token, hash } = newConfirmToken();
    const expires = new Date(Date.now() + CONFIRM_HOURS * 3600_000);
    if (!(await this.subscriptions.setConfirmToken(sub.id, hash, expires))) return 'skipped';
    const what =
      sub.kind === 'profile'
        ? 'new jobs matching your profile'
        : `new ${describeSearch(sub.criteria as DigestCriteria | null, 2)}`;
    const mail = renderConfirmation(what, this.urls.confirm(token), CONFIRM_HOURS);
    const host = new URL(this.urls.origin).hostname;
    await this.mailer.send({
      to: sub.email,
      ...mail,
      messageId: `confirm.${sub.id}.${attempt}@${host}`,
      // A bounce of it suppresses the address (see the inbound mailbox).
      envelopeFrom: this.urls.subscriptionEnvelopeSender(sub.id),
    });
    this.logger.log(`confirmation for ${sub.id} sent to ${maskEmail(sub.email)}`);
    return 'sent';
  }
}
