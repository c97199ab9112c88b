import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  fromDomain,
  linkSecret,
  parseMailboxAddress,
  unsubscribeTokenInSubject,
  verifyLink,
  type MailboxTarget,
} from '#digests';
import { readInboundReport, readSubject } from '#mail';
import { maskEmail } from '#observability';
import { repositoriesOf } from '#persistence';

/** Why a recipient is refused at RCPT: the SMTP reply the sender gets. */
export class RecipientRefused extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RecipientRefused';
  }
}

/** A recipient the mailbox took, with what its address names. */
export type AcceptedTarget = Extract<
  MailboxTarget,
  { kind: 'unsubscribe' | 'bounce' | 'subscription-bounce' | 'unsubscribe-by-subject' | 'complaints' }
>;

/** What a message did, per recipient, for the tests and the logs. */
export type DeliveryOutcome = 'unsubscribed' | 'suppressed-bounce' | 'suppressed-complaint' | 'ignored';

/**
 * What the inbound mailbox does with a mail: a recipient is checked at RCPT (a signed token naming a
 * subscription at its current link version, or a digest's outbox row), and once the message is in,
 * an unsubscribe address stops its subscription, and a bounce address reads the message as a
 * report: a permanent failure or a complaint suppresses the address the digest went to. Two fixed
 * addresses carry their token inside the message: unsubscribe@ (the link token in the subject, as
 * digests sent before the mailbox asked) and complaints@ (feedback loops' reports, by the bounce+
 * Return-Path of the original they quote).
 */
@Injectable()
export class MailboxService {
  private readonly logger = new Logger('Mailbox');
  private readonly secret: string;
  readonly domain: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {
    this.secret = linkSecret(config);
    // The domain DigestUrls puts in the mailto and envelope addresses when the mailbox listens.
    this.domain = config.INBOUND_MAIL_DOMAIN ?? fromDomain(config.MAIL_FROM);
  }

  /** The recipient's target, or a RecipientRefused with the reply to give. */
  async checkRecipient(address: string): Promise<AcceptedTarget> {
    const target = parseMailboxAddress(this.secret, this.domain, address);
    if (target.kind === 'foreign')
      throw new RecipientRefused(550, 'Relaying denied: this server takes mail for its own domain only');
    if (target.kind === 'unknown') {
      // A token that does not verify: say so, as the unsubscribe link's page does.
      const claimed = /^(unsubscribe|bounce)\+/i.exec(address)?.[1]?.toLowerCase();
      throw new RecipientRefused(
        550,
        claimed === 'unsubscribe' ? 'This unsubscribe address is not valid' : 'No such mailbox',
      );
    }
    // The token is in the subject, or in the quoted original: checked once the message is in.
    if (target.kind === 'unsubscribe-by-subject' || target.kind === 'complaints') return target;
    const repos = repositoriesOf(this.ds);
    if (target.kind === 'unsubscribe') {
      const sub = await repos.digestSubscriptions.find(target.subscriptionId);
      if (!sub || sub.linkVersion !== target.version) {
        throw new RecipientRefused(550, 'This unsubscribe address is not valid');
      }
      return target;
    }
    if (target.kind === 'subscription-bounce') {
      if (!(await repos.digestSubscriptions.find(target.subscriptionId))) {
        throw new RecipientRefused(550, 'No such mailbox');
      }
      return target;
    }
    if (!(await repos.digestOutbox.find(target.outboxId))) throw new RecipientRefused(550, 'No such mailbox');
    return target;
  }

  /** Acts on a message taken for one recipient. Errors (the database) make the sender retry. */
  async deliver(target: AcceptedTarget, raw: Buffer): Promise<DeliveryOutcome> {
    const repos = repositoriesOf(this.ds);
    if (target.kind === 'unsubscribe-by-subject') {
      const token = unsubscribeTokenInSubject(await readSubject(raw));
      const named = token ? verifyLink(this.secret, 'unsubscribe', token) : null;
      const sub = named ? await repos.digestSubscriptions.find(named.subscriptionId) : null;
      if (!named || !sub || sub.linkVersion !== named.version) {
        throw new RecipientRefused(550, 'This unsubscribe request is not valid');
      }
      target = { kind: 'unsubscribe', subscriptionId: sub.id, version: named.version };
    }
    if (target.kind === 'unsubscribe') {
      // As the one-click POST: at once, and the same answer when it was already stopped.
      if (await repos.digestSubscriptions.unsubscribe(target.subscriptionId)) {
        this.logger.log(`subscription ${target.subscriptionId} unsubscribed by mail`);
      }
      return 'unsubscribed';
    }
    const report = await readInboundReport(raw);
    if (target.kind === 'complaints') {
      const original =
        report.kind === 'complaint' && report.originalReturnPath
          ? parseMailboxAddress(this.secret, this.domain, report.originalReturnPath)
          : null;
      if (original?.kind !== 'bounce' && original?.kind !== 'subscription-bounce') {
        this.logger.log(`feedback loop: ${report.kind} about no digest of ours (nothing to do)`);
        return 'ignored';
      }
      return this.suppress(
        original.kind === 'bounce'
          ? { outboxId: original.outboxId }
          : { subscriptionId: original.subscriptionId },
        'complaint',
        report.detail,
      );
    }
    const about =
      target.kind === 'bounce'
        ? `digest ${target.outboxId}`
        : `mail for subscription ${target.subscriptionId}`;
    if (report.kind !== 'hard-bounce' && report.kind !== 'complaint') {
      this.logger.log(`${about}: ${report.kind} ${report.detail} (nothing to do)`.trim());
      return 'ignored';
    }
    return this.suppress(
      target.kind === 'bounce' ? { outboxId: target.outboxId } : { subscriptionId: target.subscriptionId },
      report.kind === 'hard-bounce' ? 'bounce' : 'complaint',
      report.detail,
    );
  }

  /**
   * Suppresses the address a mail went to (a digest's outbox row, or a mail about one subscription),
   * and stops its subscriptions.
   */
  private async suppress(
    mail: { outboxId: string } | { subscriptionId: string },
    reason: 'bounce' | 'complaint',
    detail: string,
  ): Promise<DeliveryOutcome> {
    const email = await this.ds.transaction(async (tx) => {
      const inTx = repositoriesOf(tx);
      let subscriptionId: string | undefined;
      if ('subscriptionId' in mail) subscriptionId = mail.subscriptionId;
      else subscriptionId = (await inTx.digestOutbox.find(mail.outboxId))?.subscriptionId;
      const sub = subscriptionId ? await inTx.digestSubscriptions.find(subscriptionId) : null;
      if (!sub) return null;
      await inTx.mailSuppressions.add(sub.email, reason);
      await inTx.digestSubscriptions.unsubscribeEmail(sub.emailKey);
      return sub.email;
    });
    if (!email) return 'ignored';
    const about = 'outboxId' in mail ? `digest ${mail.outboxId}` : `subscription ${mail.subscriptionId}`;
    this.logger.warn(`${maskEmail(email)} suppressed (${reason} ${detail}, ${about})`);
    return reason === 'bounce' ? 'suppressed-bounce' : 'suppressed-complaint';
  }
}
