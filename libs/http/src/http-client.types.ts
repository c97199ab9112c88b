// The one HTTP client every source fetch goes through. Politeness (robots.txt, per-host pacing),
// safety (timeouts, size cap, redirects) and retries live behind this interface, so adapters only say
// what to fetch.

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON-serialisable body for POST (sent as application/json) or a raw string. */
  body?: unknown;
  /** Validators from the previous fetch of the same URL; a 304 comes back as notModified. */
  etag?: string | null;
  lastModified?: string | null;
  /** Override the configured response size cap for this request, in bytes. */
  maxBytes?: number;
  signal?: AbortSignal;
  /**
   * Only for APIs that require the caller's registered identity as the User-Agent (USAJOBS wants the
   * registered e-mail). Everything else is sent under CoderJobs' own name.
   */
  userAgent?: string;
}

export interface HttpResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Decoded as UTF-8 (or the charset the response names); empty on 304. */
  body: string;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
}

export interface HttpClient {
  /** Resolves for 2xx and 304; rejects with an HttpError for anything else. */
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** Stable codes recorded on source runs and in metrics. */
export type HttpErrorCode =
  | 'ROBOTS_DISALLOWED'
  | 'HTTP_STATUS'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'UNSUPPORTED_PROTOCOL'
  /** The destination is loopback, private, link-local or another internal address, and not allow-listed. */
  | 'BLOCKED_ADDRESS'
  /** The URL carries a user name or password; they are never sent, stored or shown. */
  | 'CREDENTIALS_IN_URL'
  | 'NETWORK'
  | 'ABORTED';

const PERMANENT_CODES: ReadonlySet<HttpErrorCode> = new Set<HttpErrorCode>([
  'ROBOTS_DISALLOWED',
  'UNSUPPORTED_PROTOCOL',
  'BAD_REDIRECT',
  'TOO_MANY_REDIRECTS',
  'BLOCKED_ADDRESS',
  'CREDENTIALS_IN_URL',
]);

export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly url: string,
    readonly status?: number,
    /** `cause` keeps the underlying error (socket, zlib, undici) for logs. */
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpError';
  }

  /** 4xx other than 408/429, robots, protocol and destination errors will not get better by retrying. */
  get permanent(): boolean {
    if (this.code === 'HTTP_STATUS' && this.status !== undefined) {
      return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
    }
    return PERMANENT_CODES.has(this.code);
  }
}
