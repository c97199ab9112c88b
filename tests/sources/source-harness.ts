import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHttpClient, type ClosableHttpClient, type HttpClientOptions } from '#http';
import type { RawPosting } from '#sources';
import type { FetchContext, FetchOutcome, SourceAdapter, Validators } from '#sources';
import { startFixtureServer, type FixtureServer, type RouteHandler } from '../support/fixture-server';

// What the source adapter suites share: the committed fixtures served by a real local server, the real
// polite client in front of it, and a parse of every fetched document as the ingestion does it.

export const TEST_USER_AGENT = 'CoderJobsBot/0.1 (+https://coderjobs.example/bot)';

export function sourceFixture(kind: string, name: string): string {
  return readFileSync(resolve(__dirname, '../fixtures/sources', kind, name), 'utf8');
}

export type ClientTimeouts = Pick<HttpClientOptions, 'connectTimeoutMs' | 'readTimeoutMs' | 'totalTimeoutMs'>;

export interface SourceHarnessOptions {
  /** The client's User-Agent. Default TEST_USER_AGENT. */
  userAgent?: string;
  /** The client's timeouts, all of them: one left out here is the client's own default. Default 2 s read, 5 s total. */
  timeouts?: ClientTimeouts;
}

/** The client the web suites (himalayas, jsonld, rss, html) run with. */
export const WEB_CLIENT: SourceHarnessOptions = {
  userAgent: 'CoderJobsTest/1.0 (+https://coderjobs.example.org/bot)',
  timeouts: { connectTimeoutMs: 2_000, readTimeoutMs: 2_000 },
};

/** Stored validators by URL, as a plain object or as the Map a FetchContext holds. */
export type StoredValidators = Record<string, Validators> | ReadonlyMap<string, Validators>;

export type ConfigBuilder<C> = (extra?: Record<string, unknown>) => C;

export interface SourceHarness {
  server: FixtureServer;
  http: ClosableHttpClient;
  /** A fetch context with the given stored validators, by URL. */
  context(validators?: StoredValidators): FetchContext;
  /** A fetch context holding one stored ETag, for this path (with query) on the local server. */
  contextWithEtag(path: string, etag: string): FetchContext;
  /**
   * A config builder for an adapter that takes a baseUrl: the suite's fields, baseUrl pointed at the
   * local server, then whatever a test adds (or overrides).
   */
  localConfig<C, P>(adapter: SourceAdapter<C, P>, fields?: Record<string, unknown>): ConfigBuilder<C>;
  /** Requests the adapter made, robots.txt lookups left out. */
  sourceRequests(): FixtureServer['requests'];
  /** The paths (with query) of sourceRequests(), in order. */
  sourcePaths(): string[];
  close(): Promise<void>;
}

export async function startSourceHarness(options: SourceHarnessOptions = {}): Promise<SourceHarness> {
  const server = await startFixtureServer();
  // No pacing and one quick retry: the rules themselves are tested with the client.
  const http = createHttpClient({
    userAgent: options.userAgent ?? TEST_USER_AGENT,
    minIntervalMs: 0,
    maxRetries: 1,
    retryBaseMs: 1,
    allowHosts: [server.host],
    ...(options.timeouts ?? { readTimeoutMs: 2_000, totalTimeoutMs: 5_000 }),
  });
  const context = (validators: StoredValidators = {}): FetchContext => ({
    http,
    validators: validators instanceof Map ? validators : new Map(Object.entries(validators)),
  });
  const sourceRequests = () => server.requests.filter((r) => r.path !== '/robots.txt');
  return {
    server,
    http,
    context,
    contextWithEtag: (path, etag) => context({ [`${server.origin}${path}`]: { etag, lastModified: null } }),
    localConfig: (adapter, fields = {}) => buildLocalConfig(adapter, fields, () => server.origin),
    sourceRequests,
    sourcePaths: () => sourceRequests().map((r) => r.path),
    async close() {
      await http.close();
      await server.close();
    },
  };
}

/**
 * A harness started before each test of the calling suite (or describe block) and closed after it.
 * The handle it returns always speaks for the harness of the running test.
 */
export function useSourceHarness(options: SourceHarnessOptions = {}): SourceHarness {
  let current: SourceHarness | null = null;
  const live = (): SourceHarness => {
    if (!current) throw new Error('the source harness runs only inside a test');
    return current;
  };
  beforeEach(async () => {
    current = await startSourceHarness(options);
  });
  afterEach(async () => {
    const closing = current;
    current = null;
    await closing?.close();
  });
  return {
    get server() {
      return live().server;
    },
    get http() {
      return live().http;
    },
    context: (validators) => live().context(validators),
    contextWithEtag: (path, etag) => live().contextWithEtag(path, etag),
    // Built now, at the top of a suite; the server's origin is read when a test calls the builder.
    localConfig: (adapter, fields = {}) => buildLocalConfig(adapter, fields, () => live().server.origin),
    sourceRequests: () => live().sourceRequests(),
    sourcePaths: () => live().sourcePaths(),
    close: () => live().close(),
  };
}

function buildLocalConfig<C, P>(
  adapter: SourceAdapter<C, P>,
  fields: Record<string, unknown>,
  origin: () => string,
): ConfigBuilder<C> {
  return (extra = {}) => adapter.configSchema.parse({ ...fields, baseUrl: origin(), ...extra });
}

/** Every posting of every fresh document, in document order, as the ingestion reads a snapshot. */
export function parseOutcome<C extends P, P>(
  adapter: SourceAdapter<C, P>,
  outcome: FetchOutcome,
  config: C,
): RawPosting[] {
  return outcome.documents
    .filter((d) => !d.notModified)
    .flatMap((d) => adapter.parse(d.body, config, d.url).postings);
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** A route that answers every request with this status (and JSON body, if given). */
export function answerWith(status: number, jsonBody = ''): RouteHandler {
  return (_req, res) => {
    res.writeHead(status, jsonBody ? { 'content-type': JSON_TYPE } : {}).end(jsonBody);
  };
}
