// The shared polite HTTP client. Create one per process and pass it to every source fetch:
//
//   const http = createHttpClient({ userAgent: 'CoderJobsBot/0.1 (+https://example.org/bot)' });
//   const page = await http.request({ url, etag, lastModified });   // rejects with HttpError
//   await http.close();
//
// robots.txt, per-host pacing, timeouts, the size cap, redirects and retries are applied inside;
// adapters only say what to fetch.
export * from './http-client.types';
export { createHttpClient, PoliteHttpClient, type ClosableHttpClient } from './polite-http-client';
export {
  HTTP_CLIENT_DEFAULTS,
  robotsProductToken,
  type HttpClientOptions,
  type HttpRequestEvent,
} from './http-client.options';
