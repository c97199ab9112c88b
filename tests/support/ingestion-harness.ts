import type { DataSource } from 'typeorm';
import { createHttpClient, type HttpClient } from '#http';
import {
  IngestionService,
  upsertSources,
  validateSourceDefinition,
  type IngestionSettings,
} from '#ingestion';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { createTestDatabase, type TestDatabase } from './test-database';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

export interface IngestionHarness {
  db: TestDatabase;
  ds: DataSource;
  server: FixtureServer;
  /** The polite client the service fetches with (allow-listing the fixture server). */
  http: HttpClient;
  service: IngestionService;
  addSource(def: { id: string; kind: string; config: Record<string, unknown>; name?: string }): Promise<void>;
  /** A Greenhouse source whose board is served by this harness's fixture server. */
  addGreenhouse(id: string, boardToken: string): Promise<void>;
  /** Every listing row, ordered, with the columns that must not move when nothing changed. */
  snapshot(): Promise<unknown[]>;
  close(): Promise<void>;
}

/** A fresh database, a local feed server and an ingestion service with small timeouts and no pacing. */
export async function createIngestionHarness(
  settings: Partial<IngestionSettings> = {},
): Promise<IngestionHarness> {
  const db = await createTestDatabase();
  const server = await startFixtureServer();
  const http = createHttpClient({
    userAgent: 'CoderJobsBot/test (+https://example.org/bot)',
    minIntervalMs: 0,
    maxRetries: 1,
    retryBaseMs: 10,
    connectTimeoutMs: 1000,
    readTimeoutMs: 1000,
    totalTimeoutMs: 3000,
    maxBytes: 5 * 1024 * 1024,
    allowHosts: [server.host],
  });
  const service = new IngestionService(
    db.ds,
    http,
    { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 240, ...settings },
    silent,
  );
  const addSource: IngestionHarness['addSource'] = async ({ id, kind, config, name }) => {
    await upsertSources(db.ds, [validateSourceDefinition({ id, kind, name: name ?? id, config })]);
  };
  return {
    db,
    ds: db.ds,
    server,
    http,
    service,
    addSource,
    addGreenhouse: (id, boardToken) =>
      addSource({ id, kind: 'greenhouse', config: { boardToken, baseUrl: server.origin } }),
    async snapshot() {
      return db.ds.query(
        `SELECT l.id, l.status, l.closed_reason, l.title, l.employer_name, l.role, l.certs_required, l.certs_any_of,
                l.work_mode, l.remote_states, l.locations, l.pay_annual_min, l.pay_annual_max, l.fingerprint,
                l.content_fingerprint, l.description_html, l.first_seen_at, l.changed_at, l.closed_at,
                (SELECT json_agg(json_build_object('s', sp.source_id, 'e', sp.external_id, 'h', sp.content_hash,
                                                   'st', sp.status, 'm', sp.missed_runs) ORDER BY sp.source_id, sp.external_id)
                   FROM source_postings sp WHERE sp.listing_id = l.id) AS postings,
                (SELECT count(*) FROM listing_locations ll WHERE ll.listing_id = l.id) AS location_rows
           FROM listings l ORDER BY l.title, l.id`,
      );
    },
    async close() {
      await http.close();
      await server.close();
      await db.drop();
    },
  };
}
