import { createHmac, timingSafeEqual } from 'node:crypto';

// The inbound mailbox's addresses carry a signed token in the local part, so a mail names what it is
// about and nothing needs storing per address:
//   unsubscribe+<subscription>-<link version>-<mac>@domain  (List-Unsubscribe mailto, one subscription)
//   bounce+<outbox row>-<mac>@domain                          (a digest's envelope sender, VERP)
//   bounce+s<subscription>-<mac>@domain                       (envelope sender of mail about one
//                                                              subscription: confirm, re-confirm)
// Ids are uuids in lowercase base32 (26 characters) and the mac is 80 bits of an HMAC-SHA256, also in
// base32: the local part stays within SMTP's 64 characters, and an MTA that lowercases addresses
// breaks nothing.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const MAC_CHARS = 16;
/** RFC 5321's limit on a local part. */
const MAX_LOCAL_PART = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an address of the mailbox names. */
export type MailboxTarget =
  | { kind: 'unsubscribe'; subscriptionId: string; version: number }
  | { kind: 'bounce'; outboxId: string }
  /** A bounce of a mail about one subscription (its confirmation or re-confirmation). */
  | { kind: 'subscription-bounce'; subscriptionId: string }
  /**
   * unsubscribe@ itself: the mailto of digests sent before the mailbox was on, with the link's token
   * in the subject (checked once the message is in: see unsubscribeTokenInSubject).
   */
  | { kind: 'unsubscribe-by-subject' }
  /**
   * complaints@: the address registered with providers' feedback loops; an ARF report to it names
   * its digest by the Return-Path of the original it quotes (a bounce+ address, verified).
   */
  | { kind: 'complaints' }
  /** The configured domain, but no address of ours (a mistyped or forged token). */
  | { kind: 'unknown' }
  /** Another domain: relaying, refused. */
  | { kind: 'foreign' };

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function uuidToBase32(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error('not a uuid');
  return base32(Buffer.from(uuid.replace(/-/g, ''), 'hex'));
}

function base32ToUuid(text: string): string | null {
  if (text.length !== 26) return null;
  const bytes = unbase32(text);
  if (!bytes || bytes.length !== 16 || base32(bytes) !== text) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(secret: string, payload: string): string {
  return base32(createHmac('sha256', secret).update(`mailbox ${payload}`).digest()).slice(0, MAC_CHARS);
}

function macMatches(secret: string, payload: string, given: string): boolean {
  const expected = Buffer.from(mac(secret, payload));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The address a mail to which unsubscribes one subscription (at this link version). */
export function unsubscribeAddress(
  secret: string,
  domain: string,
  subscriptionId: string,
  version: number,
): string {
  const id = uuidToBase32(subscriptionId);
  return `unsubscribe+${id}-${version}-${mac(secret, `unsubscribe ${subscriptionId} ${version}`)}@${domain}`;
}

/** A digest's envelope sender: bounces and complaints about it come back here, naming the row. */
export function bounceAddress(secret: string, domain: string, outboxId: string): string {
  const id = uuidToBase32(outboxId);
  return `bounce+${id}-${mac(secret, `bounce ${outboxId}`)}@${domain}`;
}

/**
 * The envelope sender of a mail about one subscription rather than a digest (the confirmation, the
 * re-confirmation): a bounce of it names the subscription, so the address it went to is known.
 */
export function subscriptionBounceAddress(secret: string, domain: string, subscriptionId: string): string {
  const id = uuidToBase32(subscriptionId);
  return `bounce+s${id}-${mac(secret, `bounce-subscription ${subscriptionId}`)}@${domain}`;
}

/**
 * What an envelope recipient names: an unsubscribe or a bounce address with a valid token, an
 * unknown address of the domain, or another domain. Addresses are compared case-insensitively.
 */
export function parseMailboxAddress(secret: string, domain: string, address: string): MailboxTarget {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return { kind: 'foreign' };
  const local = address.slice(0, at).toLowerCase();
  if (local.length > MAX_LOCAL_PART) return { kind: 'unknown' };
  if (local === 'unsubscribe') return { kind: 'unsubscribe-by-subject' };
  if (local === 'complaints') return { kind: 'complaints' };
  const unsubscribe = /^unsubscribe\+([a-z2-7]{26})-(\d{1,9})-([a-z2-7]{16})$/.exec(local);
  if (unsubscribe) {
    const subscriptionId = base32ToUuid(unsubscribe[1]);
    const version = Number(unsubscribe[2]);
    if (
      subscriptionId &&
      String(version) === unsubscribe[2] &&
      macMatches(secret, `unsubscribe ${subscriptionId} ${version}`, unsubscribe[3])
    ) {
      return { kind: 'unsubscribe', subscriptionId, version };
    }
    return { kind: 'unknown' };
  }
  const bounce = /^bounce\+([a-z2-7]{26})-([a-z2-7]{16})$/.exec(local);
  if (bounce) {
    const outboxId = base32ToUuid(bounce[1]);
    if (outboxId && macMatches(secret, `bounce ${outboxId}`, bounce[2])) return { kind: 'bounce', outboxId };
    return { kind: 'unknown' };
  }
  const aboutSubscription = /^bounce\+s([a-z2-7]{26})-([a-z2-7]{16})$/.exec(local);
  if (aboutSubscription) {
    const subscriptionId = base32ToUuid(aboutSubscription[1]);
    if (subscriptionId && macMatches(secret, `bounce-subscription ${subscriptionId}`, aboutSubscription[2])) {
      return { kind: 'subscription-bounce', subscriptionId };
    }
  }
  return { kind: 'unknown' };
}

/**
 * The unsubscribe link token in the subject of a mail to unsubscribe@ (`unsubscribe <token>`, as the
 * mailto of digests sent without the mailbox asked for; a "Re:" or other words around it do not
 * matter), or null. The token still has to be verified.
 */
export function unsubscribeTokenInSubject(subject: string): string | null {
  return (
    /(?:^|\s)(unsubscribe\.[0-9a-f-]{36}\.\d{1,9}\.[A-Za-z0-9_-]{20,100})(?:\s|$)/.exec(subject)?.[1] ?? null
  );
}

/** The domain part of a From such as `CoderJobs <jobs@coderjobs.example>` ('localhost' without one). */
export function fromDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
