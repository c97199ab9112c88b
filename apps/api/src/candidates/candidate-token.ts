import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A candidate's bearer token: 32 random bytes, handed out once at creation. Only its sha256 is stored,
// so a database leak does not hand out profiles, and the token is never logged.

export function newCandidateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashCandidateToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Hash of no real token: compared against when the id is unknown, so both paths cost the same. */
export const NO_CANDIDATE_HASH = hashCandidateToken('no candidate has this token');

/** Constant-time comparison of a presented token with a stored hash. */
export function candidateTokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

/** The token from `Authorization: Bearer <token>`, or null when the header is missing or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
