import { STATUS_CODES } from 'node:http';
import { Agent, request as undiciRequest } from 'undici';
import { decodeBody } from './charset';
import { systemClock, type Clock } from './clock';
import { BlockedAddressError, guardedConnector } from './destination-guard';
import { HostPacer } from './host-pacer';
import {
  resolveHttpClientOptions,
  robotsProductToken,
  type HttpClientOptions,
  type HttpRequestEvent,
  type ResolvedHttpClientOptions,
} from './http-client.options';
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from './http-client.types';
import { readBody } from './read-body';
import { methodAfterRedirect, parseRequestUrl, REDIRECT_STATUSES, resolveRedirect } from './redirects';
import { backoffDelay, isRetryableError, isRetryableStatus, parseRetryAfter } from './retry-policy';
import { RobotsCache, type RobotsFetchOutcome } from './robots-cache';

// The polite client: robots.txt first, then the host's serial queue, then one exchange with
// timeouts and a size cap, retried with backoff when the failure is transient, following redirects
// one hop at a time (each hop is checked against robots.txt and paced like any other request).

/** RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt; more can be ignored. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** Error bodies are read (and dropped) up to this size so the connection can be reused. */
const DISCARD_LIMIT = 64 * 1024;
/** Credentials (an API key too) and Host, set for one origin, must not travel to another on a redirect. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'authorization-key', 'cookie', 'proxy-authorization', 'host'];

type Method = 'GET' | 'POST';

interface Exchange {
  url: URL;
  method: Method;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  maxBytes: number;
  truncate: boolean;
  signal: AbortSignal | undefined;
  purpose: HttpRequestEvent['purpose'];
  attempt: number;
}

interface ExchangeResult {
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Only read for 2xx; null otherwise. */
  body: Buffer | null;
}

/** The abort reason used when the total deadline of an exchange passes. */
class DeadlineExceeded extends Error {}

export class PoliteHttpClient implements HttpClient {
  private readonly options: ResolvedHttpClientOptions;
  private readonly agent: Agent;
  private readonly pacer: HostPacer;
  private readonly robots: RobotsCache;
  private readonly productToken: string;
  private closed = false;

  constructor(
    options: HttpClientOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.options = resolveHttpClientOptions(options);
    this.agent = new Agent({
      // Every connection is checked against the address it is about to reach (destination-guard.ts).
      connect: guardedConnector({
        allow: this.options.allow,
        timeout: this.options.connectTimeoutMs,
        lookup: this.options.lookup,
      }),
      headersTimeout: this.options.readTimeoutMs,
      bodyTimeout: this.options.readTimeoutMs,
    });
    this.pacer = new HostPacer(this.options.minIntervalMs, clock);
    this.productToken = robotsProductToken(this.options.userAgent);
    this.robots = new RobotsCache((robotsUrl) => this.fetchRobots(robotsUrl), {
      productToken: this.productToken,
      ttlMs: this.options.robotsTtlMs,
      errorTtlMs: this.options.robotsErrorTtlMs,
      clock,
    });
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    let url = parseRequestUrl(req.url);
    if (this.closed) {
      throw new HttpError('ABORTED', `HTTP client is closed; cannot fetch ${url.href}`, url.href);
    }
    let method: Method = req.method ?? 'GET';
    let body = encodeBody(req.body);
    let headers = this.buildHeaders(req, body);
    const maxBytes = req.maxBytes ?? this.options.maxBytes;
    const visited = new Set<string>([url.href]);

    for (let redirects = 0; ; redirects++) {
      await this.assertAllowed(url, req.signal);
      const result = await this.fetchWithRetries({
        url,
        method,
        headers,
        body,
        maxBytes,
        truncate: false,
        signal: req.signal,
        purpose: 'fetch',
        attempt: 1,
      });

      if (result.status === 304) {
        return {
          url: result.url,
          status: 304,
          headers: result.headers,
          body: '',
          notModified: true,
          etag: result.headers.etag ?? req.etag ?? null,
          lastModified: result.headers['last-modified'] ?? req.lastModified ?? null,
        };
      }
      if (result.status >= 200 && result.status < 300) {
        return {
          url: result.url,
          status: result.status,
          headers: result.headers,
          body: decodeBody(result.body ?? Buffer.alloc(0), result.headers['content-type']),
          notModified: false,
          etag: result.headers.etag ?? null,
          lastModified: result.headers['last-modified'] ?? null,
        };
      }
      if (!REDIRECT_STATUSES.has(result.status)) throw statusError(result.url, result.status);

      const next = new URL(resolveRedirect(url.href, result.headers.location));
      if (redirects >= this.options.maxRedirects) {
        throw new HttpError(
          'TOO_MANY_REDIRECTS',
          `${req.url} redirected more than ${this.options.maxRedirects} times (last to ${next.href})`,
          req.url,
          result.status,
        );
      }
      if (visited.has(next.href)) {
        throw new HttpError(
          'TOO_MANY_REDIRECTS',
          `Redirect loop: ${url.href} redirects back to ${next.href} (started at ${req.url})`,
          req.url,
          result.status,
        );
      }
      visited.add(next.href);
      const nextMethod = methodAfterRedirect(result.status, method);
      if (nextMethod !== method) {
        body = undefined;
        headers = withoutHeaders(headers, ['content-type', 'content-length']);
      }
      if (next.origin !== url.origin) headers = withoutHeaders(headers, ORIGIN_BOUND_HEADERS);
      method = nextMethod;
      url = next;
    }
  }

  /** Stops accepting requests and closes idle connections once in-flight requests finish. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }

  private buildHeaders(req: HttpRequest, body: string | Buffer | undefined): Record<string, string> {
    const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br' };
    for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
    if (body !== undefined && headers['content-type'] === undefined) {
      headers['content-type'] =
        typeof req.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    }
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    // Our own name unless the API requires a registered identity: site owners must be able to see who
    // we are and how to reach us, and robots.txt rules were checked for our name.
    headers['user-agent'] = req.userAgent?.trim() || this.options.userAgent;
    return headers;
  }

  private async assertAllowed(url: URL, signal: AbortSignal | undefined): Promise<void> {
    let verdict;
    try {
      verdict = await this.robots.check(url, signal);
    } catch (err) {
      // Refused while asking for robots.txt: the error names the page asked for, not robots.txt.
      const blocked = err instanceof HttpError ? blockedAddressIn(err.cause) : null;
      if (blocked) throw this.toHttpError(blocked, url.href, undefined, signal);
      throw this.toHttpError(err, url.href, undefined, signal);
    }
    if (verdict.crawlDelayMs !== null) {
      this.pacer.setMinInterval(url.hostname, Math.min(verdict.crawlDelayMs, this.options.maxCrawlDelayMs));
    }
    if (!verdict.allowed) {
      throw new HttpError('ROBOTS_DISALLOWED', `Not fetching ${url.href}: ${verdict.reason}`, url.href);
    }
  }

  /**
   * One hop, retried while the failure is transient and attempts remain. POSTs are retried too: the
   * only POSTs sources send are searches (Workday CXS), which are safe to repeat.
   */
  private async fetchWithRetries(exchange: Exchange): Promise<ExchangeResult> {
    const host = exchange.url.hostname;
    for (let attempt = 1; ; attempt++) {
      let failure: HttpError;
      let retryAfterMs: number | null = null;
      try {
        const result = await this.pacer.run(
          host,
          () => this.exchangeOnce({ ...exchange, attempt }),
          exchange.signal,
        );
        if (!isRetryableStatus(result.status)) return result;
        failure = statusError(result.url, result.status);
        retryAfterMs = parseRetryAfter(result.headers['retry-after'], this.clock.now());
      } catch (err) {
        failure = this.toHttpError(err, exchange.url.href, undefined, exchange.signal);
        if (!isRetryableError(failure)) throw failure;
      }

      if (attempt > this.options.maxRetries) {
        if (attempt === 1) throw failure;
        throw new HttpError(
          failure.code,
          `${failure.message} (gave up after ${attempt} attempts)`,
          failure.url,
          failure.status,
          {
            cause: failure,
          },
        );
      }
      if (retryAfterMs !== null && retryAfterMs > this.options.maxRetryAfterMs) {
        throw new HttpError(
          failure.code,
          `${failure.message}; Retry-After asks for ${Math.ceil(retryAfterMs / 1000)} s, more than the ${Math.ceil(
            this.options.maxRetryAfterMs / 1000,
          )} s this client waits`,
          failure.url,
          failure.status,
          { cause: failure },
        );
      }
      const delay =
        retryAfterMs ??
        backoffDelay(attempt - 1, this.options.retryBaseMs, this.options.maxBackoffMs, this.options.random);
      // The server asked everyone to wait, so hold the whole host, not only this request.
      if (retryAfterMs !== null) this.pacer.deferUntil(host, this.clock.now() + delay);
      try {
        await this.clock.sleep(delay, exchange.signal);
      } catch (err) {
        throw this.toHttpError(err, exchange.url.href, undefined, exchange.signal);
      }
    }
  }

  /** Exactly one request and response, with the deadline, timeouts and size cap applied. */
  private async exchangeOnce(exchange: Exchange): Promise<ExchangeResult> {
    const { url, method, maxBytes } = exchange;
    const started = this.clock.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineExceeded()), this.options.totalTimeoutMs);
    const signal = exchange.signal ? AbortSignal.any([exchange.signal, deadline.signal]) : deadline.signal;
    let status: number | null = null;
    let errorCode: HttpRequestEvent['errorCode'] = null;
    try {
      const res = await undiciRequest(url, {
        dispatcher: this.agent,
        method,
        headers: exchange.headers,
        body: exchange.body,
        signal,
      });
      status = res.statusCode;
      const headers = flattenHeaders(res.headers);
      if (status >= 400) errorCode = 'HTTP_STATUS';
      if (status < 200 || status >= 300) {
        await res.body.dump({ limit: DISCARD_LIMIT }).catch(() => undefined);
        return { url: url.href, status, headers, body: null };
      }
      const declared = Number(headers['content-length']);
      if (!exchange.truncate && Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        throw new HttpError(
          'TOO_LARGE',
          `Response from ${url.href} declares ${declared} bytes, over the ${maxBytes}-byte limit`,
          url.href,
          status,
        );
      }
      const body = await readBody(res.body, {
        url: url.href,
        contentEncoding: headers['content-encoding'],
        maxBytes,
        truncate: exchange.truncate,
        signal,
      });
      return { url: url.href, status, headers, body };
    } catch (err) {
      const error = this.toHttpError(err, url.href, deadline.signal, exchange.signal, status);
      errorCode = error.code;
      throw error;
    } finally {
      clearTimeout(timer);
      this.report({
        host: url.hostname,
        method,
        url: url.href,
        purpose: exchange.purpose,
        status,
        durationMs: this.clock.now() - started,
        errorCode,
        attempt: exchange.attempt,
      });
    }
  }

  /** robots.txt through the same pacing, timeouts and cap; its own redirects (RFC 9309 allows 5). */
  private async fetchRobots(robotsUrl: string): Promise<RobotsFetchOutcome> {
    let url = new URL(robotsUrl);
    for (let redirects = 0; redirects <= 5; redirects++) {
      let result: ExchangeResult;
      try {
        result = await this.pacer.run(url.hostname, () =>
          this.exchangeOnce({
            url,
            method: 'GET',
            headers: {
              accept: 'text/plain, */*',
              'accept-encoding': 'gzip, deflate, br',
              'user-agent': this.options.userAgent,
            },
            body: undefined,
            maxBytes: ROBOTS_MAX_BYTES,
            truncate: true,
            signal: undefined,
            purpose: 'robots',
            attempt: 1,
          }),
        );
      } catch (err) {
        // An internal address is refused for robots.txt as for the page: the page's request fails
        // with that, not with an unreachable robots.txt.
        if (err instanceof HttpError && err.code === 'BLOCKED_ADDRESS') throw err;
        return { kind: 'unreachable', reason: (err as Error).message };
      }
      if (result.status >= 200 && result.status < 300) {
        return {
          kind: 'body',
          body: decodeBody(result.body ?? Buffer.alloc(0), 'text/plain; charset=utf-8'),
        };
      }
      if (!REDIRECT_STATUSES.has(result.status)) return { kind: 'status', status: result.status };
      try {
        url = new URL(resolveRedirect(url.href, result.headers.location));
      } catch (err) {
        return { kind: 'unavailable', reason: (err as Error).message };
      }
    }
    return { kind: 'unavailable', reason: 'more than 5 redirects' };
  }

  private toHttpError(
    err: unknown,
    url: string,
    deadline: AbortSignal | undefined,
    callerSignal: AbortSignal | undefined,
    status?: number | null,
  ): HttpError {
    if (err instanceof HttpError) return err;
    const blocked = blockedAddressIn(err);
    if (blocked) {
      return new HttpError('BLOCKED_ADDRESS', `Not fetching ${url}: ${blocked.message}`, url, undefined, {
        cause: blocked,
      });
    }
    const code = (err as { code?: unknown } | null)?.code;
    const detail = err instanceof Error ? err.message : String(err);
    const make = (c: HttpError['code'], message: string): HttpError =>
      new HttpError(c, message, url, status ?? undefined, { cause: err });
    if (callerSignal?.aborted) return make('ABORTED', `Request to ${url} was aborted by the caller`);
    if (deadline?.aborted || err instanceof DeadlineExceeded) {
      return make('TIMEOUT', `${url} did not complete within ${this.options.totalTimeoutMs} ms`);
    }
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return make('TIMEOUT', `Could not connect to ${url} within ${this.options.connectTimeoutMs} ms`);
      case 'UND_ERR_HEADERS_TIMEOUT':
        return make('TIMEOUT', `${url} sent no response headers within ${this.options.readTimeoutMs} ms`);
      case 'UND_ERR_BODY_TIMEOUT':
        return make(
          'TIMEOUT',
          `${url} stopped sending its body for more than ${this.options.readTimeoutMs} ms`,
        );
      case 'UND_ERR_CLOSED':
      case 'UND_ERR_DESTROYED':
        return make('ABORTED', `Request to ${url} was cut short because the HTTP client closed`);
      default:
        return make(
          'NETWORK',
          `Request to ${url} failed: ${typeof code === 'string' ? `${code} ` : ''}${detail}`,
        );
    }
  }

  private report(event: HttpRequestEvent): void {
    if (!this.options.onRequest) return;
    try {
      this.options.onRequest(event);
    } catch {
      // A failing metrics hook must not fail the fetch it describes.
    }
  }
}

export type ClosableHttpClient = HttpClient & { close(): Promise<void> };

/** The one client every source fetch goes through; call close() at shutdown to free sockets. */
export function createHttpClient(options: HttpClientOptions): ClosableHttpClient {
  return new PoliteHttpClient(options);
}

/** The refusal behind a failed connection, however undici wrapped it. */
function blockedAddressIn(err: unknown): BlockedAddressError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof BlockedAddressError) return e;
  }
  return null;
}

function statusError(url: string, status: number): HttpError {
  const text = STATUS_CODES[status];
  return new HttpError('HTTP_STATUS', `HTTP ${status}${text ? ` ${text}` : ''} from ${url}`, url, status);
}

/** A JSON value becomes a JSON string; strings and bytes are sent as they are. */
function encodeBody(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return JSON.stringify(body);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  const kept = { ...headers };
  for (const name of names) delete kept[name];
  return kept;
}
