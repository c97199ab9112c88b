// npm run bench:digests: composes the daily digests of 100,000 confirmed subscriptions (searches and
// profiles) against 100,000 listings of which 3,000 are new, then sends 2,000 of them through the
// pooled SMTP mailer to a local SMTP server (loopback, in a process of its own). Prints the figures; BENCHMARKS.md keeps them.
// BENCH_SUBSCRIPTIONS, BENCH_LISTINGS, BENCH_NEW, BENCH_SEND, BENCH_CONCURRENCY change the sizes.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { DIGESTS_QUEUE, queueOptions } from '#jobs';
import { createMailer } from '#mail';
import { createDataSourceOptions, repositoriesOf } from '#persistence';
import { DigestComposer, type ComposeItem } from '../../apps/worker/src/digests/digest-composer';
import { COMPOSE_PAGE, DigestScheduler, SEND_PAGE } from '../../apps/worker/src/digests/digest-scheduler';
import { DigestSender } from '../../apps/worker/src/digests/digest-sender';
import { listingColumns, listingEntity } from '../support/listing-factory';
import { CpuMeter, describeCpu, loadAverage } from './cpu-meter';
import { RemoteSink } from './remote-sink';
import { generateListings, generateProfiles } from '../support/synthetic-listings';
import { createTestDatabase } from '../support/test-database';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const NEW = Number(process.env.BENCH_NEW ?? 3_000);
const SEND = Number(process.env.BENCH_SEND ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PROFILES = 2_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const STATES = ['TX', 'CA', 'FL', 'NY', 'OH', 'PA', 'IL', 'GA', 'NC', 'MI', 'AZ', 'WA'];
const CREDS = ['CPC', 'CCS', 'CRC', 'COC', 'CPB', 'RHIT'];

function cpuModel(): string {
  const line = readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('model name'));
  return `${line?.split(':')[1]?.trim() ?? 'unknown'} (${cpus().length} cores)`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function insertListings(ds: DataSource, count: number, seed: number): Promise<void> {
  let batch: Record<string, unknown>[] = [];
  const now = new Date();
  const flush = async () => {
    if (batch.length === 0) return;
    await ds.query(`INSERT INTO listings SELECT * FROM jsonb_populate_recordset(NULL::listings, $1::jsonb)`, [
      JSON.stringify(batch),
    ]);
    batch = [];
  };
  for (const synthetic of generateListings(seed, count, { referenceDate: now })) {
    const { id: _id, evidence: _evidence, ...facts } = synthetic;
    batch.push(listingColumns(ds, listingEntity({ ...facts, id: randomUUID(), status: 'open' }, now)));
    if (batch.length === 5_000) await flush();
  }
  await flush();
}

/** A realistic mix: most searches name a credential and remote eligibility; a few add words or pay. */
function searchCriteria(i: number): { criteria: Record<string, unknown>; query: string } {
  const state = STATES[i % STATES.length];
  const cred = CREDS[(i >> 3) % CREDS.length];
  switch (i % 5) {
    case 0:
      return {
        criteria: { credentials: [cred], workModes: ['remote'], remoteEligibleFor: state },
        query: `credential=${cred}&workMode=remote&remoteEligibleFor=${state}`,
      };
    case 1:
      return { criteria: { roles: ['coder'], states: [state] }, query: `role=coder&state=${state}` };
    case 2:
      return { criteria: { credentials: [cred], minPay: 50_000 }, query: `credential=${cred}&minPay=50000` };
    case 3:
      return {
        criteria: { roles: ['biller', 'coder_biller'], workModes: ['remote'] },
        query: 'role=biller,coder_biller&workMode=remote',
      };
    default:
      return {
        criteria: { q: 'risk adjustment', workModes: ['remote'] },
        query: 'q=risk+adjustment&workMode=remote',
      };
  }
}

async function main(): Promise<void> {
  // The worker logs at its configured level; here only problems, so printing costs nothing.
  Logger.overrideLogger(['error', 'warn']);
  console.log(`cpu: ${cpuModel()}`);
  console.log(
    `sizes: ${SUBSCRIPTIONS} subscriptions (30% profiles), ${LISTINGS} listings, ${NEW} new, ${SEND} sent`,
  );
  const db = await createTestDatabase();
  // A pool as large as the worker's default (DATABASE_POOL_SIZE 10), not the test helper's 4.
  const ds = await new DataSource(createDataSourceOptions(db.url, 10)).initialize();
  const sink = await new RemoteSink().start();
  const prefix = `bench-digests-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    SMTP_URL: sink.url,
    PUBLIC_URL: 'https://coderjobs.example',
    ...(process.env.MAIL_MAX_CONNECTIONS ? { MAIL_MAX_CONNECTIONS: process.env.MAIL_MAX_CONNECTIONS } : {}),
  });
  const mailer = createMailer(config);
  const queue = new Queue(DIGESTS_QUEUE, queueOptions(config));
  try {
    let t = Date.now();
    await insertListings(ds, LISTINGS - NEW, 1);
    const [{ snap }] = await ds.query(`SELECT pg_current_snapshot()::text AS snap`);
    console.log(`setup: ${LISTINGS - NEW} listings in ${seconds(Date.now() - t)}`);

    t = Date.now();
    const profiles = generateProfiles(7, PROFILES);
    const candidateIds: string[] = [];
    for (let i = 0; i < profiles.length; i += 500) {
      const rows = profiles.slice(i, i + 500).map((p) => {
        const { home, ...fields } = p;
        const id = randomUUID();
        candidateIds.push(id);
        return {
          id,
          profile: fields,
          home_lat: home?.lat ?? null,
          home_lon: home?.lon ?? null,
          state: p.stateOfResidence,
          token_hash: 'x'.repeat(64),
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        };
      });
      await ds.query(
        `INSERT INTO candidates SELECT * FROM jsonb_populate_recordset(NULL::candidates, $1::jsonb)`,
        [JSON.stringify(rows)],
      );
    }
    const due = new Date(Date.now() - 3600_000).toISOString().slice(0, 13) + ':00:00.000Z';
    for (let i = 0; i < SUBSCRIPTIONS; i += 10_000) {
      const rows = [];
      for (let j = i; j < Math.min(SUBSCRIPTIONS, i + 10_000); j++) {
        const profile = j % 10 < 3;
        const search = profile ? null : searchCriteria(j);
        const email = `coder${j}@example${j % 500}.org`;
        rows.push({
          id: randomUUID(),
          email,
          email_key: email,
          kind: profile ? 'profile' : 'search',
          criteria: search?.criteria ?? null,
          search_query: search?.query ?? '',
          candidate_id: profile ? candidateIds[j % candidateIds.length] : null,
          frequency: 'daily',
          send_hour: 7,
          send_weekday: 1,
          time_zone: 'UTC',
          status: 'confirmed',
          watermark: snap,
          next_due_at: due,
          confirmed_at: due,
          link_version: 1,
          created_at: due,
          updated_at: due,
        });
      }
      await ds.query(
        `INSERT INTO digest_subscriptions SELECT * FROM jsonb_populate_recordset(NULL::digest_subscriptions, $1::jsonb)`,
        [JSON.stringify(rows)],
      );
    }
    await insertListings(ds, NEW, 2);
    await ds.query('ANALYZE');
    console.log(
      `setup: ${PROFILES} profiles, ${SUBSCRIPTIONS} subscriptions, ${NEW} new listings in ${seconds(Date.now() - t)}`,
    );

    // The tick: one compose job per page of due subscriptions (Redis; the jobs are dropped afterwards).
    const scheduler = new DigestScheduler(config, ds, queue, mailer);
    const meter = new CpuMeter(ds);
    let cpu = await meter.sample();
    t = Date.now();
    const ticked = await scheduler.tick(new Date());
    const tickMs = Date.now() - t;
    console.log(
      `tick: ${ticked.due} due subscriptions in ${ticked.compose} compose jobs enqueued in ${seconds(tickMs)} (${Math.round(ticked.due / (tickMs / 1000))} subscriptions/s)`,
    );
    console.log(`tick: ${describeCpu(await meter.since(cpu), ticked.due)}`);
    await queue.obliterate({ force: true });

    // Compose: what the compose jobs do (pages of COMPOSE_PAGE), CONCURRENCY at a time as a worker runs them.
    const composer = new DigestComposer(config, ds);
    const dueSubs = await repositoriesOf(ds).digestSubscriptions.due(new Date(), SUBSCRIPTIONS + 1);
    const pages: ComposeItem[][] = [];
    for (let i = 0; i < dueSubs.length; i += COMPOSE_PAGE) {
      pages.push(
        dueSubs.slice(i, i + COMPOSE_PAGE).map((s) => ({
          subscriptionId: s.id,
          period: `daily:${s.nextDueAt.toISOString().slice(0, 10)}`,
        })),
      );
    }
    const counts: Record<string, number> = {};
    let next = 0;
    cpu = await meter.sample();
    t = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < pages.length) {
          const result = await composer.composePage(pages[next++]);
          for (const outcome of result.outcomes.values())
            counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
        }
      }),
    );
    const composeMs = Date.now() - t;
    console.log(
      `compose: ${dueSubs.length} subscriptions in ${pages.length} pages in ${seconds(composeMs)} (${Math.round(dueSubs.length / (composeMs / 1000))}/s): ${JSON.stringify(counts)}`,
    );
    console.log(`compose: ${describeCpu(await meter.since(cpu), dueSubs.length)}; load ${loadAverage()}`);
    const [size] = await ds.query(
      `SELECT round(avg(length(text_body))) AS text, round(avg(length(html_body))) AS html,
              round(avg(cardinality(listing_ids)), 1) AS listings FROM digest_outbox`,
    );
    console.log(
      `compose: digests hold ${size.listings} listings, ${size.text} chars of text and ${size.html} of HTML on average`,
    );
    console.log(`compose + tick, end to end: ${seconds(composeMs + tickMs)} (target 60 s)`);

    // Send: SEND composed digests through the pooled mailer to the local SMTP server.
    const sender = new DigestSender(config, ds, mailer);
    const ids: string[] = (
      await ds.query(`SELECT id FROM digest_outbox WHERE status = 'composed' LIMIT $1`, [SEND])
    ).map((r: { id: string }) => r.id);
    const sendPages: string[][] = [];
    for (let i = 0; i < ids.length; i += SEND_PAGE) sendPages.push(ids.slice(i, i + SEND_PAGE));
    next = 0;
    cpu = await meter.sample();
    t = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < sendPages.length) await sender.sendPage(sendPages[next++]);
      }),
    );
    const sendMs = Date.now() - t;
    const delivered = await sink.counts();
    console.log(
      `send: ${ids.length} digests in ${seconds(sendMs)} (${Math.round(ids.length / (sendMs / 1000))} mails/s, ${delivered.connections} SMTP connections, ${delivered.received} received; target 200/s)`,
    );
    console.log(`send: ${describeCpu(await meter.since(cpu), ids.length)}; load ${loadAverage()}`);
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await mailer.close();
    await sink.stop();
    await ds.destroy();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
