import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Links in digests (manage, unsubscribe) carry a signed token naming one subscription, so they work
// without signing in and nothing needs storing per link. A token is "<purpose>.<id>.<version>.<mac>";
// bumping the subscription's link version (on unsubscribe) retires every token handed out before.
// Confirmation tokens are random instead (they are single-use and expire): only their sha256 is stored.

export type LinkPurpose = 'manage' | 'unsubscribe';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signLink(
  secret: string,
  purpose: LinkPurpose,
  subscriptionId: string,
  version: number,
): string {
  const payload = `${purpose}.${subscriptionId}.${version}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The subscription and version a token names, or null when it is malformed or not ours. */
export function verifyLink(
  secret: string,
  purpose: LinkPurpose,
  token: string,
): { subscriptionId: string; version: number } | null {
  if (token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== purpose || !UUID.test(parts[1]) || !/^\d{1,9}$/.test(parts[2])) {
    return null;
  }
  const expected = Buffer.from(mac(secret, parts.slice(0, 3).join('.')));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { subscriptionId: parts[1], version: Number(parts[2]) };
}

/** A new confirmation token and the hash stored for it. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
