import { HttpError } from './http-client.types';

// Redirect rules: which statuses redirect, where a Location points, and what the next request is.

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The URL a redirect leads to, resolved against the current one; only http(s) is followed. */
export function resolveRedirect(from: string, location: string | null | undefined): string {
  if (!location || location.trim() === '') {
    throw new HttpError('BAD_REDIRECT', `Redirect from ${from} has no Location header`, from);
  }
  let next: URL;
  try {
    next = new URL(location.trim(), from);
  } catch (cause) {
    throw new HttpError(
      'BAD_REDIRECT',
      `Redirect from ${from} has an invalid Location "${location}"`,
      from,
      undefined,
      {
        cause,
      },
    );
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new HttpError(
      'UNSUPPORTED_PROTOCOL',
      `Redirect from ${from} to ${withoutCredentials(next)} uses ${next.protocol}; only http and https are followed`,
      from,
    );
  }
  refuseCredentials(next, `Redirect from ${from} to ${withoutCredentials(next)}`, from);
  next.hash = '';
  return next.href;
}

/**
 * 303, and 301/302 after a POST, turn into a GET without a body (what every browser does);
 * 307 and 308 repeat the request as it was.
 */
export function methodAfterRedirect(status: number, method: 'GET' | 'POST'): 'GET' | 'POST' {
  if (status === 303) return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

/** Parses a request URL, rejecting anything but absolute http(s) URLs with a message naming it. */
export function parseRequestUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not echoed: an unparseable URL may still hold a password.
    throw new HttpError('UNSUPPORTED_PROTOCOL', 'the URL to fetch is not an absolute http(s) URL', '');
  }
  const shown = withoutCredentials(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError(
      'UNSUPPORTED_PROTOCOL',
      `${shown} uses ${url.protocol}; only http and https are fetched`,
      shown,
    );
  }
  refuseCredentials(url, shown, shown);
  url.hash = '';
  return url;
}

/** The URL as it may be shown: any user name and password replaced by "***". */
export function withoutCredentials(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '***';
  copy.password = '';
  return copy.href;
}

/**
 * A user name or password in a URL would be sent as Basic credentials to whoever the URL names, and
 * end up in run rows and logs with the URL: refused, as API keys in source configs are.
 */
function refuseCredentials(url: URL, what: string, reported: string): void {
  if (!url.username && !url.password) return;
  throw new HttpError(
    'CREDENTIALS_IN_URL',
    `${what}: a URL must not carry a user name or password; a source that needs credentials names an environment variable instead`,
    reported,
  );
}
