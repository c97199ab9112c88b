import { createHash } from 'node:crypto';
import { signLink } from './link-tokens';

/** The settings links are made from (a subset of the app configuration). */
export interface LinkSettings {
  PUBLIC_URL?: string;
  PORT: number;
  DATABASE_URL?: string;
  POSTGRES_DATA_DIR?: string;
  MAIL_LINK_SECRET?: string;
  MAIL_FROM: string;
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
  /** Where one-click mailto unsubscribes go: unsubscribe@ the From's domain. */
  readonly unsubscribeMailbox: string;

  constructor(settings: LinkSettings) {
    this.origin = (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, '');
    this.secret = linkSecret(settings);
    const domain = /@([^>\s]+)>?\s*$/.exec(settings.MAIL_FROM)?.[1] ?? 'localhost';
    this.unsubscribeMailbox = `unsubscribe@${domain}`;
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

  /** mailto: with the token in the subject, for List-Unsubscribe. */
  unsubscribeMailto(subscriptionId: string, version: number): string {
    const token = signLink(this.secret, 'unsubscribe', subscriptionId, version);
    return `mailto:${this.unsubscribeMailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
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
