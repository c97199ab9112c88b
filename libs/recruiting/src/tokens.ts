import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Sign-in links, invitations, sessions and API keys are random bearer secrets: 32 bytes, shown once
// (in a mail, a cookie, or the answer that creates a key). Only their sha256 is stored, so reading the
// database hands out nothing. 256 random bits make a slow hash unnecessary.

export type TokenKind = 'signin' | 'invite' | 'session' | 'apikey';

const PREFIX: Record<TokenKind, string> = {
  signin: 'cjs_',
  invite: 'cji_',
  session: 'cjc_',
  apikey: 'cjk_',
};

/** A new secret of a kind; the prefix lets a leaked key be recognised by secret scanners. */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a presented string is shaped like a token of this kind (checked before any lookup). */
export function looksLikeToken(kind: TokenKind, token: string | null | undefined): token is string {
  return (
    typeof token === 'string' && token.length === PREFIX[kind].length + 43 && token.startsWith(PREFIX[kind])
  );
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** The first characters of a key, kept in the clear so an owner can tell keys apart. */
export function keyLabel(token: string): string {
  return `${token.slice(0, 8)}…`;
}

/** How long each secret lasts. */
export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_DAYS = 14;
export const INVITATION_DAYS = 7;
