// npm run bench:ingest — ingests a local feed of 10,000 postings end to end into Postgres (HTTP fetch,
// parse, normalize, fold, upsert), then re-ingests it unchanged. Prints postings/s for both passes.
// BENCH_POSTINGS overrides the size. Uses its own throwaway database on the local server.
import os from 'node:os';
import { createHttpClient } from '#http';
import { IngestionService, upsertSources, validateSourceDefinition } from '#ingestion';
import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { startFixtureServer } from '../support/fixture-server';
import { createTestDatabase } from '../support/test-database';

const COUNT = Number(process.env.BENCH_POSTINGS ?? 10_000);
/** BENCH_BODY=short: one-paragraph bodies (~0.5 KiB); realistic (default): ~2 KiB like real postings. */
const REALISTIC = (process.env.BENCH_BODY ?? 'realistic') !== 'short';
const TITLES = [
  'Medical Coder',
  'Inpatient Coder',
  'Medical Biller',
  'Coding Auditor',
  'CDI Specialist',
  'AR Specialist',
];
const CITIES = [
  'Dallas, TX',
  'Tulsa, OK',
  'Remote',
  'Phoenix, AZ',
  'Columbus, OH',
  'Atlanta, GA',
  'Denver, CO',
];
const BODIES = [
  '<p>Assign ICD-10-CM and CPT codes for physician office visits.</p><ul><li>CPC required (CPC-A welcome)</li><li>2+ years of profee coding</li></ul><p>Remote - must reside in TX, OK or AR. $24.00 - $29.00 per hour.</p>',
  '<p>Code acute inpatient stays with ICD-10-CM, ICD-10-PCS and MS-DRG.</p><ul><li>CCS or CIC required; RHIT preferred</li><li>3 years of inpatient coding</li></ul><p>Hybrid, two days on site. $62,000 - $74,000 per year.</p>',
  '<p>Work denials and AR follow-up for a multi-specialty group; post ERA/835 payments.</p><p>CPB or CRCR preferred. Full-time, onsite. Pay $19 - $23/hr.</p>',
];

// Real postings carry 2-6 KB of HTML (duties, requirements, benefits, EEO text); a bench with one-line
// bodies would measure rows that real feeds never produce.
const BOILERPLATE =
  '<h3>What you will do</h3><ul><li>Review clinical documentation and assign accurate diagnosis and procedure codes.</li>' +
  '<li>Query providers when documentation is incomplete, conflicting or ambiguous.</li>' +
  '<li>Meet productivity and quality standards and take part in internal audits.</li>' +
  '<li>Keep current with coding guidelines, payer policies and NCCI edits.</li></ul>' +
  '<h3>What we offer</h3><p>Medical, dental and vision coverage from day one, a 401(k) with a company match, ' +
  'paid time off that grows with tenure, CEU reimbursement and paid membership in a professional association. ' +
  'Remote team members receive a laptop, two monitors and a monthly internet stipend.</p>' +
  '<h3>Equal opportunity</h3><p>We are an equal opportunity employer. All qualified applicants will receive ' +
  'consideration for employment without regard to race, color, religion, sex, sexual orientation, gender identity, ' +
  'national origin, disability or protected veteran status. If you need an accommodation during the application ' +
  'process, contact our recruiting team and we will work with you.</p>';

function feed(n: number): JobSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(100_000 + i),
    // Unique titles per employer keep every posting its own listing: this measures the write path.
    title: `${TITLES[i % TITLES.length]} ${Math.floor(i / TITLES.length) + 1}`,
    company: `Employer ${i % 400}`,
    location: CITIES[i % CITIES.length],
    html: `${BODIES[i % BODIES.length]}${REALISTIC ? BOILERPLATE : ''}<p>Requisition ${i}.</p>`,
  }));
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const server = await startFixtureServer();
  const body = greenhouseBoard(feed(COUNT));
  server.serve('/v1/boards/bench/jobs', body, 'application/json');
  const http = createHttpClient({
    userAgent: 'CoderJobsBot/bench',
    minIntervalMs: 0,
    maxBytes: 200 * 1024 * 1024,
    allowHosts: [server.host],
  });
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const service = new IngestionService(
    db.ds,
    http,
    { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 60 },
    quiet,
  );
  try {
    await upsertSources(db.ds, [
      validateSourceDefinition({
        id: 'bench',
        kind: 'greenhouse',
        name: 'bench',
        config: { boardToken: 'bench', baseUrl: server.origin },
      }),
    ]);
    console.log(
      `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    );
    console.log(
      `feed: ${COUNT} postings, ${(body.length / 2 ** 20).toFixed(1)} MiB of JSON, ~${Math.round(body.length / COUNT / 1024)} KiB per posting`,
    );

    const first = await service.runSource('bench', 'manual');
    const firstRate = COUNT / (first.durationMs / 1000);
    console.log(
      `new:       ${first.new} postings in ${(first.durationMs / 1000).toFixed(2)} s = ${firstRate.toFixed(0)} postings/s (status ${first.status})`,
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
