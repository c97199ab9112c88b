import { HttpError } from './http-client.types';
import { backoffDelay, isRetryableError, isRetryableStatus, parseRetryAfter } from './retry-policy';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-03T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now', () => {
    expect(parseRetryAfter('Tue, 03 Jun 2025 10:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Tue, 03 Jun 2025 09:00:00 GMT', now)).toBe(0);
  });

  it('returns null for absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially at the top of the jitter range', () => {
    const top = () => 0.999999;
    expect(backoffDelay(0, 100, 10_000, top)).toBe(99);
    expect(backoffDelay(1, 100, 10_000, top)).toBe(199);
    expect(backoffDelay(3, 100, 10_000, top)).toBe(799);
  });

  it('is capped', () => {
    expect(backoffDelay(20, 100, 5_000, () => 0.999999)).toBe(4_999);
  });

  it('uses full jitter: anywhere from zero to the ceiling', () => {
    expect(backoffDelay(2, 100, 10_000, () => 0)).toBe(0);
    expect(backoffDelay(2, 100, 10_000, () => 0.5)).toBe(200);
  });
});

describe('what is retried', () => {
  it('retries 408, 429 and 5xx but not other statuses', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 304, 400, 401, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });

  it('retries network errors and timeouts, never robots or size errors', () => {
    const err = (code: HttpError['code'], status?: number) =>
      new HttpError(code, 'x', 'http://a.test/', status);
    expect(isRetryableError(err('NETWORK'))).toBe(true);
    expect(isRetryableError(err('TIMEOUT'))).toBe(true);
    expect(isRetryableError(err('HTTP_STATUS', 503))).toBe(true);
    expect(isRetryableError(err('HTTP_STATUS', 404))).toBe(false);
    expect(isRetryableError(err('ROBOTS_DISALLOWED'))).toBe(false);
    expect(isRetryableError(err('TOO_LARGE'))).toBe(false);
    expect(isRetryableError(err('ABORTED'))).toBe(false);
    expect(isRetryableError(new Error('plain'))).toBe(false);
  });
});
