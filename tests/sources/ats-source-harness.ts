import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHttpClient, type ClosableHttpClient } from '#http';
import type { RawPosting } from '#normalizer';
import type { FetchContext, FetchOutcome, SourceAdapter, Validators } from '#sources';
import { startFixtureServer, type FixtureServer, type RouteHandler } from '../support/fixture-server';

// What the ATS adapter suites share: the committed fixtures served by a real local server, the real
// polite client in front of it, and a parse of every fetched document as the ingestion does it.

export const TEST_USER_AGENT = 'CoderJobsBot/0.1 (+https://coderjobs.example/bot)';

export function sourceFixture(kind: string, name: string): string {
  return readFileSync(resolve(__dirname, '../fixtures/sources', kind, name), 'utf8');
}

export interface AtsHarness {
  server: FixtureServer;
  http: ClosableHttpClient;
  /** A fetch context with the given stored validators, by URL. */
  context(validators?: Record<string, Validators>): FetchContext;
  /** Requests the adapter made, robots.txt lookups left out. */
  sourceRequests(): FixtureServer['requests'];
  close(): Promise<void>;
}

export async function startAtsHarness(): Promise<AtsHarness> {
  const server = await startFixtureServer();
  // No pacing and one quick retry: the rules themselves are tested with the client.
  const http = createHttpClient({
    userAgent: TEST_USER_AGENT,
    minIntervalMs: 0,
    maxRetries: 1,
    retryBaseMs: 1,
    readTimeoutMs: 2_000,
    totalTimeoutMs: 5_000,
  });
  return {
    server,
    http,
    context: (validators = {}) => ({ http, validators: new Map(Object.entries(validators)) }),
    sourceRequests: () => server.requests.filter((r) => r.path !== '/robots.txt'),
    async close() {
      await http.close();
      await server.close();
    },
  };
}

/** Every posting of every fresh document, in document order, as the ingestion reads a snapshot. */
export function parseOutcome<C>(adapter: SourceAdapter<C>, outcome: FetchOutcome, config: C): RawPosting[] {
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
