import { createHttpClient, HttpError, type ClosableHttpClient, type HttpClientOptions } from '#http';

// The polite client as the HTTP suites make it: no pacing, quick retries, short timeouts, each one
// closed after its test.

export const TEST_BOT = 'CoderJobsBot/0.1 (+https://example.org/coderjobs/bot)';

/** A client maker for the calling suite; `defaults` apply to every client, a test's overrides last. */
export function useTestHttpClients(
  defaults: Partial<HttpClientOptions> = {},
): (overrides?: Partial<HttpClientOptions>) => ClosableHttpClient {
  const clients: ClosableHttpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  return (overrides = {}) => {
    const created = createHttpClient({
      userAgent: TEST_BOT,
      minIntervalMs: 0,
      retryBaseMs: 10,
      maxRetries: 2,
      readTimeoutMs: 2_000,
      totalTimeoutMs: 5_000,
      ...defaults,
      ...overrides,
    });
    clients.push(created);
    return created;
  };
}

/** The HttpError a request fails with (anything else, or success, fails the test). */
export async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}
