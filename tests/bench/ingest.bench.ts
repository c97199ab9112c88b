// npm run bench:ingest — ingests a local feed of 10,000 postings end to end into Postgres (HTTP fetch,
// parse, normalize, fold, upsert), then re-ingests it unchanged. Prints postings/s for both passes.
// BENCH_POSTINGS overrides the size. Uses its own throwaway database on the local server. Besides
// wall time it prints the CPU time per 1,000 new postings of this process and of the Postgres
// backends, and the load average, since wall time on a shared machine mostly measures the neighbours.
// The normalizer's gazetteer is loaded first, as a worker does just after it starts. BENCH_WARMUP=n
// first ingests n other postings into a database of their own, so the timed runs measure a worker
// that has been running a while (code compiled and optimized) rather than a process's first run.
import os from 'node:os';
import { createHttpClient } from '#http';
import { IngestionService, upsertSources, validateSourceDefinition } from '#ingestion';
import { preloadUsPlaces } from '#normalizer';
import { greenhouseBoard } from '../support/feed-builders';
import { benchFeed } from './ingest-feed';
import { startFixtureServer } from '../support/fixture-server';
import { createTestDatabase } from '../support/test-database';
import { backendCpu, backendSecondsSince } from './backend-cpu';

const COUNT = Number(process.env.BENCH_POSTINGS ?? 10_000);
/** BENCH_BODY=short: one-paragraph bodies (~0.5 KiB); realistic (default): ~2 KiB like real postings. */
const REALISTIC = (process.env.BENCH_BODY ?? 'realistic') !== 'short';
const WARMUP = Number(process.env.BENCH_WARMUP ?? 0);
const SETTINGS = { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 60 };
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function benchSource(id: string, origin: string) {
  return validateSourceDefinition({
    id,
    kind: 'greenhouse',
    name: id,
    config: { boardToken: id, baseUrl: origin },
  });
}

async function warmUp(
  server: Awaited<ReturnType<typeof startFixtureServer>>,
  http: ReturnType<typeof createHttpClient>,
): Promise<void> {
  const db = await createTestDatabase();
  try {
    server.serve('/v1/boards/warm/jobs', greenhouseBoard(benchFeed(WARMUP, REALISTIC)), 'application/json');
    await upsertSources(db.ds, [benchSource('warm', server.origin)]);
    await new IngestionService(db.ds, http, SETTINGS, quiet).runSource('warm', 'manual');
  } finally {
    await db.drop();
  }
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const server = await startFixtureServer();
  const body = greenhouseBoard(benchFeed(COUNT, REALISTIC));
  server.serve('/v1/boards/bench/jobs', body, 'application/json');
  const http = createHttpClient({
    userAgent: 'CoderJobsBot/bench',
    minIntervalMs: 0,
    maxBytes: 200 * 1024 * 1024,
    allowHosts: [server.host],
  });
  const service = new IngestionService(db.ds, http, SETTINGS, quiet);
  try {
    await upsertSources(db.ds, [benchSource('bench', server.origin)]);
    console.log(
      `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    );
    console.log(
      `feed: ${COUNT} postings, ${(body.length / 2 ** 20).toFixed(1)} MiB of JSON, ~${Math.round(body.length / COUNT / 1024)} KiB per posting`,
    );

    preloadUsPlaces();
    if (WARMUP > 0) {
      await warmUp(server, http);
      console.log(`warm-up: ${WARMUP} other postings ingested first (not timed)`);
    }
    const pgBefore = await backendCpu(db.ds);
    const nodeBefore = process.cpuUsage();
    const first = await service.runSource('bench', 'manual');
    const node = process.cpuUsage(nodeBefore);
    const pgSeconds = await backendSecondsSince(db.ds, pgBefore);
    const firstRate = COUNT / (first.durationMs / 1000);
    console.log(
      `new:       ${first.new} postings in ${(first.durationMs / 1000).toFixed(2)} s = ${firstRate.toFixed(0)} postings/s (status ${first.status})`,
    );
    const perThousand = (ms: number) => ((ms * 1000) / COUNT).toFixed(0);
    console.log(
      `           CPU per 1,000: node ${perThousand((node.user + node.system) / 1000)} ms, postgres ${perThousand(pgSeconds * 1000)} ms; load average ${os.loadavg()[0].toFixed(1)}`,
    );

    const second = await service.runSource('bench', 'manual');
    const secondRate = COUNT / (second.durationMs / 1000);
    console.log(
      `unchanged: ${second.unchanged} postings in ${(second.durationMs / 1000).toFixed(2)} s = ${secondRate.toFixed(0)} postings/s (status ${second.status})`,
    );
    console.log(
      `heap used after: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    );
    if (first.new !== COUNT || second.unchanged !== COUNT) {
      console.error('unexpected counts: the benchmark did not ingest what it served');
      process.exitCode = 1;
    }
  } finally {
    await http.close();
    await server.close();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
