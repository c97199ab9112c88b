import { AllowList, parseAllowHosts } from './allow-hosts';
import type { LookupFunction } from './destination-guard';
import type { HttpErrorCode } from './http-client.types';

/** One HTTP exchange (one attempt, robots.txt fetches included), reported for metrics and logs. */
export interface HttpRequestEvent {
  /** Host name without port, e.g. "boards.greenhouse.io". */
  host: string;
  method: string;
  url: string;
  /** "robots" for robots.txt lookups, "fetch" for everything a caller asked for. */
  purpose: 'fetch' | 'robots';
  /** The response status, or null when no response arrived (timeout, network error). */
  status: number | null;
  durationMs: number;
  /** Set when the exchange failed or answered with a status of 400 or more. */
  errorCode: HttpErrorCode | null;
  /** 1 for the first try, 2 for the first retry, and so on. */
  attempt: number;
}

export interface HttpClientOptions {
  /** Names CoderJobs and a contact URL, e.g. "CoderJobsBot/0.1 (+https://example.org/bot)". */
  userAgent: string;
  /** Time to open the TCP/TLS connection. Default 10 s. */
  connectTimeoutMs?: number;
  /** Longest silence while waiting for headers or between body chunks. Default 30 s. */
  readTimeoutMs?: number;
  /** Hard limit for one exchange, from sending to the last body byte: cuts servers that trickle. Default 120 s. */
  totalTimeoutMs?: number;
  /** Response size cap in bytes, counted on the wire and after decompression. Default 20 MiB. */
  maxBytes?: number;
  /** Pause between the end of one request and the start of the next to the same host. Default 1 s. */
  minIntervalMs?: number;
  /** Retries after the first attempt, for network errors, timeouts, 408, 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** Backoff base: the wait before retry n is random in [0, retryBaseMs * 2^n). Default 500 ms. */
  retryBaseMs?: number;
  /** Upper bound for one backoff wait. Default 30 s. */
  maxBackoffMs?: number;
  /** A Retry-After longer than this fails at once with the status instead of waiting. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Redirects followed per request. Default 5. */
  maxRedirects?: number;
  /** How long a fetched robots.txt is trusted. Default 1 h (RFC 9309 asks for at most 24 h). */
  robotsTtlMs?: number;
  /**
   * How long an unreachable robots.txt (5xx, network error) keeps its origin disallowed before it is
   * asked again. Default: the smaller of robotsTtlMs and 10 min, so one bad minute does not block a
   * source for the whole TTL.
   */
  robotsErrorTtlMs?: number;
  /** A Crawl-delay above this is clamped, so a hostile robots.txt cannot park a worker for hours. Default 60 s. */
  maxCrawlDelayMs?: number;
  /** Called after every exchange; exceptions thrown by it are ignored. */
  onRequest?: (event: HttpRequestEvent) => void;
  /** Source of randomness for backoff jitter (tests make it deterministic). Default Math.random. */
  random?: () => number;
  /**
   * Destinations let through although their address is internal (loopback, private, link-local...),
   * which are refused otherwise: host names, host:port pairs or CIDR blocks (HTTP_ALLOW_HOSTS).
   */
  allowHosts?: string | readonly string[];
  /** Resolves host names (node:dns lookup by default); every address it answers is checked. */
  lookup?: LookupFunction;
}

export type ResolvedHttpClientOptions = Required<
  Omit<HttpClientOptions, 'onRequest' | 'allowHosts' | 'lookup'>
> &
  Pick<HttpClientOptions, 'onRequest' | 'lookup'> & { allow: AllowList };

export const HTTP_CLIENT_DEFAULTS = {
  connectTimeoutMs: 10_000,
  readTimeoutMs: 30_000,
  totalTimeoutMs: 120_000,
  maxBytes: 20 * 1024 * 1024,
  minIntervalMs: 1_000,
  maxRetries: 3,
  retryBaseMs: 500,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 5,
  robotsTtlMs: 60 * 60_000,
  maxCrawlDelayMs: 60_000,
} as const;

/** Fills defaults and rejects nonsense (negative timeouts, an empty User-Agent) with the option's name. */
export function resolveHttpClientOptions(options: HttpClientOptions): ResolvedHttpClientOptions {
  if (typeof options.userAgent !== 'string' || options.userAgent.trim() === '') {
    throw new TypeError('HttpClientOptions.userAgent must name the crawler and a contact URL');
  }
  const pick = <K extends keyof typeof HTTP_CLIENT_DEFAULTS>(key: K, min: number): number => {
    const value = options[key] ?? HTTP_CLIENT_DEFAULTS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new TypeError(`HttpClientOptions.${key} must be a number >= ${min}, got ${String(value)}`);
    }
    return value;
  };
  const robotsTtlMs = pick('robotsTtlMs', 0);
  const robotsErrorTtlMs = options.robotsErrorTtlMs ?? Math.min(robotsTtlMs, 10 * 60_000);
  if (!Number.isFinite(robotsErrorTtlMs) || robotsErrorTtlMs < 0) {
    throw new TypeError(`HttpClientOptions.robotsErrorTtlMs must be a number >= 0, got ${robotsErrorTtlMs}`);
  }
  return {
    userAgent: options.userAgent.trim(),
    connectTimeoutMs: pick('connectTimeoutMs', 1),
    readTimeoutMs: pick('readTimeoutMs', 1),
    totalTimeoutMs: pick('totalTimeoutMs', 1),
    maxBytes: pick('maxBytes', 1),
    minIntervalMs: pick('minIntervalMs', 0),
    maxRetries: pick('maxRetries', 0),
    retryBaseMs: pick('retryBaseMs', 0),
    maxBackoffMs: pick('maxBackoffMs', 0),
    maxRetryAfterMs: pick('maxRetryAfterMs', 0),
    maxRedirects: pick('maxRedirects', 0),
    robotsTtlMs,
    robotsErrorTtlMs,
    maxCrawlDelayMs: pick('maxCrawlDelayMs', 0),
    onRequest: options.onRequest,
    random: options.random ?? Math.random,
    allow: new AllowList(allowEntries(options.allowHosts ?? [])),
    lookup: options.lookup,
  };
}

function allowEntries(allowHosts: string | readonly string[]) {
  try {
    return parseAllowHosts(allowHosts);
  } catch (err) {
    throw new TypeError(`HttpClientOptions.allowHosts: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The robots.txt product token for a User-Agent: its first word without the version
 * ("CoderJobsBot/0.1 (+https://...)" -> "CoderJobsBot"), which is what robots.txt groups name.
 */
export function robotsProductToken(userAgent: string): string {
  const match = /^[A-Za-z_-]+/.exec(userAgent.trim());
  return match ? match[0] : '*';
}
