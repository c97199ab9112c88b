import { HttpError } from './http-client.types';

// When to try again and how long to wait first. Pure functions, so the timing rules can be tested
// without a clock or a server.

/** Statuses a server uses to say "not now": worth another attempt after a pause. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Transport failures and timeouts are often transient; everything else is the same next time. */
export function isRetryableError(err: unknown): boolean {
  if (!(err instanceof HttpError)) return false;
  if (err.code === 'NETWORK' || err.code === 'TIMEOUT') return true;
  return err.code === 'HTTP_STATUS' && err.status !== undefined && isRetryableStatus(err.status);
}

/**
 * Retry-After (RFC 9110 §10.2.3) as a delay in milliseconds: either delta-seconds or an HTTP-date.
 * Returns null when absent or unreadable, so the caller falls back to its own backoff. A date in the
 * past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only accept something that looks like a date, so "-5" or "1.5" are not read by Date.parse.
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * Exponential backoff with full jitter: a uniformly random wait in [0, min(cap, base * 2^attempt)).
 * Full jitter spreads out clients that failed together, so they do not come back in lockstep.
 * `attempt` counts retries already made (0 before the first retry).
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
