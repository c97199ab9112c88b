// The shared polite HTTP client. Create one per process and pass it to every source fetch:
//
//   const http = createHttpClient({ userAgent: 'CoderJobsBot/0.1 (+https://example.org/bot)' });
//   const page = await http.request({ url, etag, lastModified });   // rejects with HttpError
//   await http.close();
//
// robots.txt, per-host pacing, timeouts, the size cap, redirects and retries are applied inside, and
// every connection is refused when it would reach an internal address (loopback, private, link-local,
// cloud metadata...) that `allowHosts` does not name; adapters only say what to fetch.
export * from './http-client.types';
export { createHttpClient, PoliteHttpClient, type ClosableHttpClient } from './polite-http-client';
export {
  HTTP_CLIENT_DEFAULTS,
  robotsProductToken,
  type HttpClientOptions,
  type HttpRequestEvent,
} from './http-client.options';
export { parseAllowHosts, AllowHostsError, type AllowEntry } from './allow-hosts';
export { classifyAddress, type AddressRangeName, type SpecialRange } from './address-ranges';
export { BlockedAddressError, type LookupFunction } from './destination-guard';
export { withoutCredentials } from './redirects';
