import { createHash } from 'node:crypto';

/** A client's network address as kept for rate limits: hashed, never stored or logged in the clear. */
export function clientKey(ip: string | undefined): string {
  return createHash('sha256')
    .update(`client:${ip ?? 'unknown'}`)
    .digest('hex');
}
