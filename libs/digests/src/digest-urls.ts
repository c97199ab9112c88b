import { createHash } from 'node:crypto';
import { signLink } from './link-tokens';
import {
  bounceAddress,
  fromDomain,
  subscriptionBounceAddress,
  unsubscribeAddress,
} from './mailbox-addresses';

/** The settings links are made from (a subset of the app configuration). */
export interface LinkSettings {
  PUBLIC_URL?: string;
  PORT: number;
  DATABASE_URL?: string;
  POSTGRES_DATA_DIR?: string;
  MAIL_LINK_SECRET?: string;
  MAIL_FROM: string;
  /** Set when the worker's inbound mailbox listens: mailto unsubscribes and bounces come to it. */
  INBOUND_SMTP_PORT?: number;
  /** The mailbox's domain (the From's domain by default). */
  INBOUND_MAIL_DOMAIN?: string;
}

/**
 * The key links are signed with: MAIL_LINK_SECRET, else one derived from where the database is (its
 * URL, or the embedded server's folder), which the API and the worker share.
 */
export function linkSecret(settings: LinkSettings): string {
  return (
    settings.MAIL_LINK_SECRET ??
    createHash('sha256')
      .update(
        `coderjobs mail links\n${settings.DATABASE_URL ?? `embedded:${settings.POSTGRES_DATA_DIR ?? ''}`}`,
      )
      .digest('base64url')
  );
}

/** Absolute addresses of the digests' pages, with their signed tokens. */
export class DigestUrls {
  readonly origin: string;
  private readonly secret: string;
  /** Where one-click mailto unsubscribes go without the mailbox: unsubscribe@ the From's domain. */
  readonly unsubscribeMailbox: string;
  /** The inbound mailbox's domain, when it listens (INBOUND_SMTP_PORT). */
  readonly mailboxDomain: string | undefined;

  constructor(settings: LinkSettings) {
    this.origin = (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, '');
    this.secret = linkSecret(settings);
    const domain = fromDomain(settings.MAIL_FROM);
    this.unsubscribeMailbox = `unsubscribe@${domain}`;
    this.mailboxDomain =
      settings.INBOUND_SMTP_PORT === undefined ? undefined : (settings.INBOUND_MAIL_DOMAIN ?? domain);
  }

  get signingSecret(): string {
    return this.secret;
  }

  confirm(token: string): string {
    return `${this.origin}/digests/confirm/${encodeURIComponent(token)}`;
  }

  manage(subscriptionId: string, version: number): string {
    return `${this.origin}/digests/manage/${signLink(this.secret, 'manage', subscriptionId, version)}`;
  }

  unsubscribe(subscriptionId: string, version: number): string {
    return `${this.origin}/digests/unsubscribe/${signLink(this.secret, 'unsubscribe', subscriptionId, version)}`;
  }

  /**
   * mailto: for List-Unsubscribe. With the inbound mailbox, an address whose local part carries the
   * signed token (the mailbox unsubscribes on receipt); without it, unsubscribe@ with the link's token
   * in the subject, for an operator's mail system to feed to the unsubscribe endpoint.
   */
  unsubscribeMailto(subscriptionId: string, version: number): string {
    if (this.mailboxDomain) {
      const address = unsubscribeAddress(this.secret, this.mailboxDomain, subscriptionId, version);
      return `mailto:${address}?subject=unsubscribe`;
    }
    const token = signLink(this.secret, 'unsubscribe', subscriptionId, version);
    return `mailto:${this.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  }

  /**
   * A digest's envelope sender (Return-Path) with the inbound mailbox: a VERP address naming the
   * outbox row, so a bounce or complaint says which digest (and so which address) it is about.
   * Undefined without the mailbox (the From is the envelope sender, as before).
   */
  envelopeSender(outboxId: string): string | undefined {
    return this.mailboxDomain ? bounceAddress(this.secret, this.mailboxDomain, outboxId) : undefined;
  }

  /** The same for a mail about one subscription (its confirmation, its re-confirmation). */
  subscriptionEnvelopeSender(subscriptionId: string): string | undefined {
    return this.mailboxDomain
      ? subscriptionBounceAddress(this.secret, this.mailboxDomain, subscriptionId)
      : undefined;
  }

  listing(id: string): string {
    return `${this.origin}/jobs/${id}`;
  }

  search(query: string): string {
    return `${this.origin}/jobs${query ? `?${query}` : ''}`;
  }

  matches(): string {
    return `${this.origin}/matches`;
  }

  /** The RFC 2369 / RFC 8058 headers of a digest. */
  listHeaders(subscriptionId: string, version: number): Record<string, string> {
    return {
      'List-Unsubscribe': `<${this.unsubscribe(subscriptionId, version)}>, <${this.unsubscribeMailto(subscriptionId, version)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `CoderJobs digests <digests.${new URL(this.origin).hostname}>`,
    };
  }
}
