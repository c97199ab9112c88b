// npm run bench:ingest-costs — what each part of the listings write path costs. Ingests the same feed of
// new postings (realistic ~2 KiB bodies; BENCH_POSTINGS, default 3,000) into fresh databases that
// differ by one thing: everything as migrated ("as is"), then one index dropped or the trigger that
// builds the stored search document disabled. Variants run in alternating order over BENCH_ROUNDS
// rounds (default 2), so load from elsewhere on the machine falls on all of them alike; prints the best
// rate per variant and what removing that part gains. Wall time on a shared machine moves with other
// people's load, so each run also measures CPU time: this process's (fetch, parse, normalize, fold) and
// the Postgres backends' serving it (from /proc, the server being local), per 1,000 postings. The two
// sides run in parallel (a pipeline), so on two free cores the attainable rate is set by the larger.
// Also prints the normalizer's own rate on the same postings (one core, no database).
import os from 'node:os';
import { createHttpClient } from '#http';
import { IngestionService, upsertSources, validateSourceDefinition } from '#ingestion';
import { normalizePosting } from '#normalizer';
import { getAdapter } from '#sources';
import { greenhouseBoard } from '../support/feed-builders';
import { startFixtureServer } from '../support/fixture-server';
import { createTestDatabase } from '../support/test-database';
import { benchFeed } from './ingest-feed';
import { backendCpu, backendSecondsSince } from './backend-cpu';

const COUNT = Number(process.env.BENCH_POSTINGS ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Variant {
  name: string;
  sql: string[];
}

const dropIndex = (name: string): Variant => ({ name: `without ${name}`, sql: [`DROP INDEX "${name}"`] });

const VARIANTS: Variant[] = [
  { name: 'as is', sql: [] },
  {
    name: 'without the search document trigger',
    sql: ['ALTER TABLE listings DISABLE TRIGGER tr_listings_search_document'],
  },
  dropIndex('ix_listings_open_search_document'),
  dropIndex('ix_listings_open_title_employer_document'),
  dropIndex('ix_listings_open_employer_trgm'),
  {
    name: 'without the array GIN indexes (certs, coding systems, specialties, states)',
    sql: [
      'DROP INDEX "ix_listings_open_certs_all"',
      'DROP INDEX "ix_listings_open_coding_systems"',
      'DROP INDEX "ix_listings_open_specialties"',
      'DROP INDEX "ix_listings_open_states"',
    ],
  },
  {
    name: 'without the btree indexes (sort, pay, status, change, fingerprints)',
    sql: [
      'DROP INDEX "ix_listings_open_sort_at"',
      'DROP INDEX "ix_listings_open_pay"',
      'DROP INDEX "ix_listings_status_posted"',
      'DROP INDEX "ix_listings_change_xid"',
      'DROP INDEX "ix_listings_fingerprint"',
      'DROP INDEX "ix_listings_content_fingerprint"',
    ],
  },
  {
    name: 'without any search index or the trigger',
    sql: [
      'ALTER TABLE listings DISABLE TRIGGER tr_listings_search_document',
      'DROP INDEX "ix_listings_open_search_document"',
      'DROP INDEX "ix_listings_open_title_employer_document"',
      'DROP INDEX "ix_listings_open_employer_trgm"',
      'DROP INDEX "ix_listings_open_certs_all"',
      'DROP INDEX "ix_listings_open_coding_systems"',
      'DROP INDEX "ix_listings_open_specialties"',
      'DROP INDEX "ix_listings_open_states"',
    ],
  },
];

interface Measure {
  rate: number;
  /** CPU ms per 1,000 postings: this process, and the database backends. */
  nodeMs: number;
  pgMs: number;
}

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function ingestOnce(variant: Variant, origin: string, host: string): Promise<Measure> {
  const db = await createTestDatabase();
  const http = createHttpClient({
    userAgent: 'CoderJobsBot/bench',
    minIntervalMs: 0,
    maxBytes: 200 * 1024 * 1024,
    allowHosts: [host],
  });
  try {
    for (const statement of variant.sql) await db.ds.query(statement);
    await upsertSources(db.ds, [
      validateSourceDefinition({
        id: 'bench',
        kind: 'greenhouse',
        name: 'bench',
        config: { boardToken: 'bench', baseUrl: origin },
      }),
    ]);
    const service = new IngestionService(
      db.ds,
      http,
      { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 60 },
      quiet,
    );
    const pgBefore = await backendCpu(db.ds);
    const nodeBefore = process.cpuUsage();
    const run = await service.runSource('bench', 'manual');
    const node = process.cpuUsage(nodeBefore);
    const pgSeconds = await backendSecondsSince(db.ds, pgBefore);
    if (run.new !== COUNT) throw new Error(`${variant.name}: ingested ${run.new} of ${COUNT}`);
    const perThousand = 1000 / COUNT;
    return {
      rate: COUNT / (run.durationMs / 1000),
      nodeMs: ((node.user + node.system) / 1000) * perThousand,
      pgMs: pgSeconds * 1000 * perThousand,
    };
  } finally {
    await http.close();
    await db.drop();
  }
}

function normalizerRate(body: string): number {
  const adapter = getAdapter('greenhouse');
  const config = adapter.configSchema.parse({ boardToken: 'bench' });
  const { postings } = adapter.parse(body, config);
  for (const raw of postings.slice(0, 200)) normalizePosting(raw);
  const started = process.cpuUsage();
  for (const raw of postings) normalizePosting(raw);
  const used = process.cpuUsage(started);
  return postings.length / ((used.user + used.system) / 1e6);
}

async function main(): Promise<void> {
  const server = await startFixtureServer();
  const body = greenhouseBoard(benchFeed(COUNT, true));
  server.serve('/v1/boards/bench/jobs', body, 'application/json');
  try {
    console.log(`cpu: ${os.cpus().length} x ${os.cpus()[0]?.model}, node ${process.version}`);
    console.log(`feed: ${COUNT} new postings, ~${Math.round(body.length / COUNT / 1024)} KiB each`);
    console.log(`normalizer alone: ${normalizerRate(body).toFixed(0)} postings/s of CPU (one core)`);
    // One run first, not counted: the code is compiled and the caches warm before anything is timed.
    await ingestOnce(VARIANTS[0], server.origin, server.host);
    const best = new Map<string, Measure>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        const m = await ingestOnce(variant, server.origin, server.host);
        const kept = best.get(variant.name);
        // Per measure, the best round: the one least disturbed by the rest of the machine.
        best.set(variant.name, {
          rate: Math.max(kept?.rate ?? 0, m.rate),
          nodeMs: Math.min(kept?.nodeMs ?? Infinity, m.nodeMs),
          pgMs: Math.min(kept?.pgMs ?? Infinity, m.pgMs),
        });
      }
    }
    const base = best.get('as is')!;
    const pct = (v: number, b: number) => `${v >= b ? '+' : ''}${(((v - b) / b) * 100).toFixed(0)}%`;
    console.log(
      `best of ${ROUNDS} round(s): wall new/s | CPU ms per 1,000 postings: node, postgres | rate two free cores allow`,
    );
    for (const variant of VARIANTS) {
      const m = best.get(variant.name)!;
      const bound = 1_000_000 / Math.max(m.nodeMs, m.pgMs);
      const delta = variant.name === 'as is' ? '' : ` (postgres CPU ${pct(m.pgMs, base.pgMs)})`;
      console.log(
        `  ${m.rate.toFixed(0).padStart(5)} | ${m.nodeMs.toFixed(0).padStart(5)} ${m.pgMs.toFixed(0).padStart(5)} | ${bound.toFixed(0).padStart(5)}  ${variant.name}${delta}`,
      );
    }
  } finally {
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
