import { Logger } from '@nestjs/common';
import { IngestionService } from '#ingestion';
import { createLogger } from '#observability';
import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

// A batch insert that Postgres refuses, with posting bodies full of e-mail addresses, logged through
// the service's real logger (as the worker sets it up) in both formats. Postgres puts the failing
// row in the error's DETAIL and TypeORM's own logger printed the whole statement with its
// parameters: the lines written must hold the statement's name and the SQLSTATE, and no body, no
// full address, no line longer than a few KB.

const POSTINGS = 400;
const ADDRESS = /[A-Za-z0-9._%+-]{2,}@[A-Za-z0-9-]+\.[A-Za-z]{2,}/;

const jobs: JobSpec[] = Array.from({ length: POSTINGS }, (_, i) => ({
  id: String(5000 + i),
  title: `Medical Coder ${i}`,
  html:
    `<p>Assign ICD-10-CM and CPT codes for clinic visits. CPC required.</p>` +
    `<p>Questions? Write to recruiter.number${i}@mercyvalley-health.org or hr.team${i}@mercyvalley-health.org.</p>` +
    `<p>${'Our coders work remote with a weekly audit and quarterly education. '.repeat(20)}</p>`,
}));

let h: IngestionHarness;

beforeAll(async () => {
  h = await createIngestionHarness();
  h.server.serve('/v1/boards/mercy/jobs', greenhouseBoard(jobs), 'application/json');
  await h.addGreenhouse('gh-mercy', 'mercy');
  // A rule the rows break: the insert of the whole batch fails in Postgres itself.
  await h.ds.query(
    `ALTER TABLE listings ADD CONSTRAINT listings_without_addresses CHECK (description_text NOT LIKE '%@%')`,
  );
});

afterAll(async () => {
  Logger.overrideLogger(false);
  await h?.close();
});

/** Everything written to stdout, stderr or the console while `work` runs. */
async function capture(work: () => Promise<unknown>): Promise<string> {
  const written: string[] = [];
  const streams = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  // Libraries log through console too (jest's console does not reach the streams above).
  const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(`${args.map(String).join(' ')}\n`);
    }),
  );
  const spies = [...streams, ...consoles];
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written.join('');
}

/** The log records: one per line in JSON; in text, a record may span lines (Nest prints objects so). */
function recordsOf(output: string, format: 'json' | 'text'): string[] {
  return format === 'json'
    ? output.split('\n').filter(Boolean)
    : output.split(/(?=\[Nest\] )/).filter(Boolean);
}

describe.each(['json', 'text'] as const)('LOG_FORMAT=%s', (format) => {
  let output: string;
  let records: string[];
  let summary: Awaited<ReturnType<IngestionService['runSource']>>;

  beforeAll(async () => {
    Logger.overrideLogger(createLogger('log', format));
    const service = new IngestionService(
      h.ds,
      h.http,
      { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 240 },
      new Logger('Ingestion'),
    );
    output = await capture(async () => {
      summary = await service.runSource('gh-mercy', 'manual');
    });
    records = recordsOf(output, format);
  });

  it('the batch insert really failed in Postgres, and the run says so without the row', async () => {
    expect(summary.status).toBe('failed');
    expect(summary.errorCode).toBe('DATABASE_ERROR');
    expect(summary.errorMessage).toMatch(/^database error 23514 in INSERT listings #[0-9a-f]{8}: /);
    expect(summary.errorMessage).not.toMatch(ADDRESS);
    const [run] = await h.ds.query('SELECT error_code, error_message FROM ingestion_runs WHERE id = $1', [
      summary.runId,
    ]);
    expect(run).toEqual({ error_code: 'DATABASE_ERROR', error_message: summary.errorMessage });
  });

  it('logs the failed statement by name, with its SQLSTATE and its parameters by size only', () => {
    const line = records.find((l) => l.includes('database statement failed'));
    expect(line).toBeDefined();
    expect(line).toMatch(/INSERT listings #[0-9a-f]{8}/);
    expect(line).toContain('23514');
    expect(line).toContain('listings_without_addresses');
    expect(line).toMatch(/string\(\d{6,}\)/); // the one JSON parameter, a few hundred KB
    expect(line).not.toContain('json_populate_recordset'); // the statement's text
    if (format === 'json') {
      const record = JSON.parse(line as string) as Record<string, unknown>;
      expect(record).toMatchObject({ level: 'error', context: 'Database' });
    }
  });

  it('no record carries a posting body, a full e-mail address or more than a few KB', () => {
    expect(records.length).toBeGreaterThan(0);
    expect(output).not.toMatch(ADDRESS);
    expect(output).not.toContain('weekly audit');
    expect(output).not.toContain('Failing row contains');
    for (const record of records) expect(record.length).toBeLessThanOrEqual(4096);
    // The run's own line says what happened.
    expect(records.some((l) => l.includes('ingest gh-mercy failed'))).toBe(true);
  });
});
