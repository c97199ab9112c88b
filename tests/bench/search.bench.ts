// npm run bench:search — search and matching latency at scale, over real HTTP.
//
// For each size in BENCH_SIZES (default 10000,100000,1000000) it loads that many synthetic listings
// (one in four open) into its own database on the local server, once: a later run finds the data and
// skips the load. Then it starts the built API as a child process on loopback and fires requests from
// 8 concurrent keep-alive clients at: /health (the HTTP floor), a mix of filtered searches, and a mix
// of match requests. It prints p50/p95/p99, requests per second, the ratio of each p50 to the floor,
// and the API's resident memory.
//
// Other knobs: BENCH_CLIENTS (8), BENCH_REQUESTS per scenario (2000), BENCH_SECONDS per scenario
// (30), BENCH_SEED (42), BENCH_LOAD_ONLY=1 (load and exit), BENCH_RELOAD=1 (drop and load again),
// BENCH_SCENARIOS (e.g. "search,matches"; the floor always runs), BENCH_API_NODE_ARGS (node flags
// for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_PROFILES (40 candidate profiles for the
// matches scenario; more makes nearly every request a new candidate), BENCH_WRITES (listings changed per
// second while the scenarios run, as ingestion would; 0).
//
// BENCH_SCENARIOS=pages (what `npm run bench:web` runs at 100,000 listings) compares the server-rendered
// pages with the JSON they are made from: the search mix through GET /api/v1/listings (without and with
// facets) and through the /jobs page (the same words taken as text, literal=1, with the facet counts its
// filter form shows, rendered to HTML), then listing pages against GET /api/v1/listings/:id.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, startEmbeddedServer, type EmbeddedServer } from '#persistence';
import { listingColumns, listingEntity } from '../support/listing-factory';
import { generateListings, generateProfiles } from '../support/synthetic-listings';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const MAX_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SEED = Number(process.env.BENCH_SEED ?? 42);
/** Listings changed per second while the scenarios run (0: none), as ingestion would. */
const WRITES = Number(process.env.BENCH_WRITES ?? 0);
/** Distinct candidate profiles the matches scenario cycles through. */
const PROFILES = Number(process.env.BENCH_PROFILES ?? 40);
/**
 * The server the bench loads and queries: BENCH_DATABASE_SERVER (e.g. the machine's,
 * postgres://postgres@127.0.0.1:5432/postgres), or else an embedded PostgreSQL of the bench's own in
 * .data/bench-postgres, kept between runs like the data in it.
 */
let SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? '';
const BATCH = 2000;

// ---------------------------------------------------------------------------------------------------
// Data

const databaseUrl = (name: string) => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function onServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (or reuses) the database for one size; returns its URL once it holds exactly `size` listings. */
async function prepareDatabase(size: number): Promise<string> {
  const name = `coderjobs_bench_search_${size}_seed${SEED}`;
  const exists = await onServer(async (c) => {
    if (process.env.BENCH_RELOAD === '1') await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
    return r.rowCount !== 0;
  });
  const url = databaseUrl(name);
  const ds = await new DataSource(createDataSourceOptions(url, 4)).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM listings WHERE origin = 'feed' AND fingerprint LIKE 'bench-%'`,
    )) as { n: number }[];
    if (exists && n === size) {
      console.log(`  ${size} listings already loaded in ${name}; skipping the load`);
      return url;
    }
    await ds.query('TRUNCATE listings, listing_locations, source_postings, candidates CASCADE');
    await loadListings(ds, size);
    return url;
  } finally {
    await ds.destroy();
  }
}

async function loadListings(ds: DataSource, size: number): Promise<void> {
  const started = Date.now();
  const now = new Date();
  // Secondary indexes are dropped for the load and rebuilt after it: building a GIN index once is far
  // cheaper than growing it row by row.
  const indexes: { indexname: string; indexdef: string }[] = await ds.query(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('listings', 'listing_locations')
        AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const ix of indexes) await ds.query(`DROP INDEX "${ix.indexname}"`);

  let listings: Record<string, unknown>[] = [];
  let locations: Record<string, unknown>[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  let index = 0;
  // One batch is written while the next is generated: the generator and Postgres each keep a core busy.
  const flush = async () => {
    if (listings.length === 0) return;
    const listingJson = JSON.stringify(listings);
    const locationJson = JSON.stringify(locations);
    listings = [];
    locations = [];
    await inFlight;
    inFlight = ds
      .query(`INSERT INTO listings SELECT * FROM jsonb_populate_recordset(NULL::listings, $1::jsonb)`, [
        listingJson,
      ])
      .then(() =>
        ds.query(
          `INSERT INTO listing_locations SELECT * FROM jsonb_populate_recordset(NULL::listing_locations, $1::jsonb)`,
          [locationJson],
        ),
      );
  };
  for (const synthetic of generateListings(SEED, size, { referenceDate: now })) {
    const { id: _syntheticId, evidence: _evidence, ...facts } = synthetic;
    const row = listingEntity(
      { ...facts, id: randomUUID(), status: index % 4 === 0 ? 'open' : 'closed' },
      now,
    );
    // Marks rows this loader wrote, so a rerun can tell a complete load from an interrupted one.
    row.fingerprint = `bench-${row.fingerprint.slice(0, 40)}`;
    listings.push(listingColumns(ds, row));
    for (const l of row.locations) {
      locations.push({
        id: randomUUID(),
        listing_id: row.id,
        city: l.city,
        state: l.state,
        postal_code: l.postalCode,
        lat: l.lat,
        lon: l.lon,
      });
    }
    index++;
    if (listings.length >= BATCH) await flush();
    if (index % 100_000 === 0) console.log(`  generated ${index} of ${size}...`);
  }
  await flush();
  await inFlight;
  console.log(`  rows written in ${((Date.now() - started) / 1000).toFixed(1)} s; building indexes...`);
  const runner = ds.createQueryRunner();
  try {
    // A session setting, so one connection builds them all.
    await runner.query(`SET maintenance_work_mem = '512MB'`);
    for (const ix of indexes) await runner.query(ix.indexdef);
  } finally {
    await runner.release();
  }
  await ds.query('VACUUM ANALYZE listings');
  await ds.query('VACUUM ANALYZE listing_locations');
  console.log(`  loaded ${size} listings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------------
// The API under test

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

interface RunningApi {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function startApi(url: string): Promise<RunningApi> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, resolve(__dirname, '../../apps/api/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: String(port),
      QUEUE_PREFIX: `bench-search-${process.pid}`,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Ready, not just live: the in-memory search index must have loaded (SEARCH_INDEX=sql skips it).
  const started = Date.now();
  const deadline = started + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode}`);
    try {
      const r = await request(agentFor(1), port, 'GET', '/health/ready');
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('API was not ready within 10 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `  API ready in ${((Date.now() - started) / 1000).toFixed(1)} s (SEARCH_INDEX=${process.env.SEARCH_INDEX ?? 'memory'}),` +
      ` RSS ${(rssOf(child.pid as number) / 2 ** 20).toFixed(0)} MiB`,
  );
  return {
    child,
    port,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU time a process has used so far, user and system, in ms (Linux /proc, clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process in bytes (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Load generation

const agentFor = (clients: number) => new http.Agent({ keepAlive: true, maxSockets: clients });

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

interface ScenarioResult {
  name: string;
  count: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  peakRss: number;
  /** API process CPU time (user + system) per request: steadier than latency on a shared machine. */
  cpuMs: number;
  /** Median per distinct call, slowest first: which queries of a mix cost the most. */
  slowest: { call: string; median: number }[];
  /** Mean size of a response body. */
  bytes: number;
  /** Mean time the API spent on a request, from its own request histogram (no client or network). */
  serverMs: number;
}

/** Sum and count of the API's request-duration histogram, every route together. */
async function serverTime(api: RunningApi): Promise<{ sum: number; count: number }> {
  const res = await request(agentFor(1), api.port, 'GET', '/metrics');
  let sum = 0;
  let count = 0;
  for (const line of res.body.split('\n')) {
    const m =
      /^coderjobs_http_request_duration_seconds_(sum|count)\{[^}]*route="([^"]*)"[^}]*\} ([0-9.e+-]+)$/.exec(
        line,
      );
    if (!m || m[2] === '/metrics') continue;
    if (m[1] === 'sum') sum += Number(m[3]);
    else count += Number(m[3]);
  }
  return { sum, count };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function runScenario(api: RunningApi, name: string, calls: Call[]): Promise<ScenarioResult> {
  const agent = agentFor(CLIENTS);
  // Warm-up: every call once, so plans and caches are as a running service would have them.
  for (const call of calls) await request(agent, api.port, call.method, call.path, call.body);
  const latencies: number[] = [];
  const perCall = new Map<string, number[]>();
  let errors = 0;
  let bytes = 0;
  let next = 0;
  let peakRss = rssOf(api.child.pid as number);
  const timeBefore = await serverTime(api);
  const cpuBefore = cpuMsOf(api.child.pid as number);
  const started = process.hrtime.bigint();
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(api.child.pid as number))), 200);
  const client = async () => {
    while (next < MAX_REQUESTS && Date.now() < deadline) {
      const call = calls[next++ % calls.length];
      const t0 = process.hrtime.bigint();
      const res = await request(agent, api.port, call.method, call.path, call.body);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      latencies.push(ms);
      bytes += Buffer.byteLength(res.body);
      const label = call.body === undefined ? call.path : `${call.path} #${calls.indexOf(call)}`;
      perCall.set(label, [...(perCall.get(label) ?? []), ms]);
      if (res.status !== 200) {
        errors++;
        if (errors <= 3)
          console.log(`  ${name}: ${res.status} for ${call.method} ${call.path}: ${res.body.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const cpuUsed = cpuMsOf(api.child.pid as number) - cpuBefore;
  clearInterval(sampler);
  const timeAfter = await serverTime(api);
  agent.destroy();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    count: latencies.length,
    errors,
    seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: latencies.length / seconds,
    peakRss: Math.max(peakRss, rssOf(api.child.pid as number)),
    cpuMs: cpuUsed / Math.max(1, latencies.length),
    slowest: [...perCall]
      .map(([call, ms]) => ({
        call,
        median: percentile(
          [...ms].sort((a, b) => a - b),
          50,
        ),
      }))
      .sort((a, b) => b.median - a.median)
      .slice(0, 3),
    bytes: bytes / Math.max(1, latencies.length),
    serverMs: ((timeAfter.sum - timeBefore.sum) * 1000) / Math.max(1, timeAfter.count - timeBefore.count),
  };
}

// ---------------------------------------------------------------------------------------------------
// What real clients ask

const q = (params: Record<string, string | number>) =>
  `/api/v1/listings?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`;

/** A mix of searches a job seeker's screen makes: filters, free text, typos, sorts. */
const SEARCHES: Call[] = [
  { method: 'GET', path: q({ role: 'coder', workMode: 'remote' }) },
  { method: 'GET', path: q({ q: 'inpatient coder', remoteEligibleFor: 'TX' }) },
  { method: 'GET', path: q({ credential: 'CPC', state: 'TX', sort: 'newest' }) },
  { method: 'GET', path: q({ near: '75201', radiusMiles: 25, role: 'biller' }) },
  { method: 'GET', path: q({ q: '"risk adjustment" -hospital' }) },
  { method: 'GET', path: q({ specialty: 'cardiology', minPay: 60000, sort: 'pay' }) },
  { method: 'GET', path: q({ employer: 'Lakeside', role: 'coder' }) },
  { method: 'GET', path: q({ q: 'medcal codr', workMode: 'remote' }) },
  { method: 'GET', path: q({ postedWithinDays: 7, employmentType: 'full_time', role: 'coder' }) },
  { method: 'GET', path: q({ role: 'auditor', credential: 'CPMA' }) },
  { method: 'GET', path: q({ remoteEligibleFor: 'OH', specialty: 'profee', sort: 'pay' }) },
  { method: 'GET', path: q({ near: 'Atlanta, GA', radiusMiles: 30, workMode: 'onsite,hybrid' }) },
  { method: 'GET', path: q({ q: 'denials specialist', minPay: 45000 }) },
  { method: 'GET', path: q({ codingSystem: 'HCC', workMode: 'remote', sort: 'newest' }) },
];

const FACETED: Call[] = [
  { method: 'GET', path: q({ role: 'coder', workMode: 'remote', facets: 'true' }) },
  { method: 'GET', path: q({ q: 'coder', remoteEligibleFor: 'TX', facets: 'true' }) },
  { method: 'GET', path: q({ near: '75201', radiusMiles: 25, facets: 'true' }) },
  { method: 'GET', path: q({ facets: 'true' }) },
];

/** The search mix as JSON (optionally with facets) and as the /jobs page, the words taken as text. */
function searchesAs(kind: 'json' | 'json+facets' | 'page'): Call[] {
  return SEARCHES.map((call) => {
    const query = new URLSearchParams(call.path.split('?')[1]);
    if (kind === 'json+facets') query.set('facets', 'true');
    if (kind === 'page' && query.has('q')) query.set('literal', '1');
    return { method: 'GET', path: `${kind === 'page' ? '/jobs' : '/api/v1/listings'}?${query}` };
  });
}

/** Listing pages and the JSON of the same listings: 40 open ones. */
async function listingCalls(url: string): Promise<{ json: Call[]; page: Call[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM listings WHERE status = 'open' ORDER BY id LIMIT 40`,
    );
    return {
      json: rows.map((r) => ({ method: 'GET', path: `/api/v1/listings/${r.id}` })),
      // The id alone: the page answers with a redirect to its address with words; measure the page itself.
      page: rows.map((r) => ({ method: 'GET', path: `/jobs/${r.id}` })),
    };
  } finally {
    await client.end();
  }
}

function matchCalls(): Call[] {
  return generateProfiles(SEED, PROFILES).map(({ home: _home, ...profile }) => ({
    method: 'POST' as const,
    path: '/api/v1/matches',
    body: { profile, limit: 20 },
  }));
}

// ---------------------------------------------------------------------------------------------------

const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms.toFixed(1));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function benchSize(size: number): Promise<void> {
  console.log(`\n== ${size.toLocaleString('en-US')} listings (${(size / 4).toLocaleString('en-US')} open)`);
  const url = await prepareDatabase(size);
  if (process.env.BENCH_LOAD_ONLY === '1') return;
  const api = await startApi(url);
  const writer = WRITES > 0 ? await startWriter(url, WRITES) : null;
  try {
    const results: ScenarioResult[] = [];
    const wanted = (name: string) =>
      !process.env.BENCH_SCENARIOS || process.env.BENCH_SCENARIOS.includes(name);
    results.push(await runScenario(api, 'health (floor)', [{ method: 'GET', path: '/health' }]));
    if (wanted('search')) results.push(await runScenario(api, 'filtered search', SEARCHES));
    if (wanted('facets')) results.push(await runScenario(api, 'search + facets', FACETED));
    if (wanted('matches')) results.push(await runScenario(api, 'matches', matchCalls()));
    if (wanted('pages')) {
      // Pages answer at one address per search or listing (others redirect there): measure the pages
      // themselves, as a browser lands on them after the redirect. The bench's client follows none.
      const addressOf = (call: Call) =>
        new Promise<Call>((done) =>
          http.get({ host: '127.0.0.1', port: api.port, path: call.path }, (r) => {
            r.resume();
            done({ method: 'GET', path: r.headers.location ?? call.path });
          }),
        );
      const listings = await listingCalls(url);
      listings.page = await Promise.all(listings.page.map(addressOf));
      const pages = await Promise.all(searchesAs('page').map(addressOf));
      results.push(await runScenario(api, 'search JSON', searchesAs('json')));
      results.push(await runScenario(api, 'search JSON + facets', searchesAs('json+facets')));
      results.push(await runScenario(api, '/jobs page', pages));
      results.push(await runScenario(api, 'listing JSON', listings.json));
      results.push(await runScenario(api, 'listing page', listings.page));
    }
    const floor = results[0].p50;
    console.log(
      '| scenario | requests | errors | p50 ms | p95 ms | p99 ms | req/s | p50 / floor | API CPU ms/req | API ms/req | API RSS peak | bytes |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.name} | ${r.count} | ${r.errors} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.rps.toFixed(0)} | ${(r.p50 / floor).toFixed(1)}x | ${r.cpuMs.toFixed(2)} | ${r.serverMs.toFixed(2)} | ${mib(r.peakRss)} | ${Math.round(r.bytes)} |`,
      );
    }
    const named = (name: string) => results.find((r) => r.name === name);
    const [json, page] = [named('search JSON'), named('/jobs page')];
    if (json && page) {
      console.log(
        `  /jobs page p95 / search JSON p95: ${(page.p95 / json.p95).toFixed(2)}x` +
          ` (target 2x); CPU ${(page.cpuMs / json.cpuMs).toFixed(2)}x; time in the API ${(page.serverMs / json.serverMs).toFixed(2)}x`,
      );
    }
    for (const r of results.slice(1)) {
      console.log(
        `  slowest in ${r.name}: ${r.slowest.map((s) => `${fmt(s.median)} ms ${s.call}`).join('; ')}`,
      );
    }
  } finally {
    if (writer) console.log(`  ${await writer.stop()} listings changed while the scenarios ran`);
    await api.stop();
  }
}

/**
 * Changes `perSecond` open listings a second, a quarter of them every 250 ms, picked at random among
 * 20,000: an update that leaves the row as it was but, like any write, stamps change_xid, so the
 * API's index takes it in again. Returns how many were changed when stopped.
 */
async function startWriter(url: string, perSecond: number): Promise<{ stop(): Promise<number> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const ids = (
    await client.query<{ id: string }>(`SELECT id FROM listings WHERE status = 'open' LIMIT 20000`)
  ).rows.map((r) => r.id);
  const batch = Math.max(1, Math.round(perSecond / 4));
  let changed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const pick = Array.from({ length: batch }, () => ids[Math.floor(Math.random() * ids.length)]);
      await client.query('UPDATE listings SET title = title WHERE id = ANY($1::uuid[])', [pick]);
      changed += batch;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      return changed;
    },
  };
}

async function main(): Promise<void> {
  let embedded: EmbeddedServer | null = null;
  if (!SERVER_URL) {
    embedded = await startEmbeddedServer({ dataDir: resolve(__dirname, '../../../.data/bench-postgres') });
    SERVER_URL = embedded.urlFor('postgres');
    console.log(`server: embedded PostgreSQL in ${embedded.dataDir} (BENCH_DATABASE_SERVER names another)`);
  }
  try {
    await runBench();
  } finally {
    await embedded?.stop();
  }
}

async function runBench(): Promise<void> {
  const pg = await onServer((c) => c.query<{ server_version: string }>('SHOW server_version'));
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}, PostgreSQL ${pg.rows[0].server_version}`,
  );
  console.log(
    `clients: ${CLIENTS} concurrent, at most ${MAX_REQUESTS} requests or ${MAX_SECONDS} s per scenario` +
      (WRITES > 0 ? `; ${WRITES} listings changed per second meanwhile` : ''),
  );
  for (const size of SIZES) await benchSize(size);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
