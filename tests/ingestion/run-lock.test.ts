import { IngestionService, type RunSummary } from '#ingestion';
import { normalizePosting } from '#normalizer';
import type { RawPosting } from '#sources';
import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

// A run owns its source through an advisory lock on one connection. When that connection drops, the
// run must stop writing (at once, and surely once another run has taken the source), so two runs never
// interleave their writes; a worker shutting down stops its run the same way.

const PATH = '/v1/boards/mercy/jobs';
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const SETTINGS = { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 240, batchSize: 100 };
const POSTINGS = 600;

/** Slow enough (about 1 ms a posting) that the test can act between batches. */
function slowNormalize(raw: RawPosting) {
  const until = Date.now() + 1;
  while (Date.now() < until);
  return normalizePosting(raw);
}

describe('run lock: a run that loses it stops writing (real Postgres)', () => {
  let h: IngestionHarness;

  beforeEach(async () => {
    h = await createIngestionHarness();
    const board: JobSpec[] = Array.from({ length: POSTINGS }, (_, i) => ({
      id: String(5000 + i),
      title: `Medical Coder ${i + 1}`,
    }));
    h.server.route('GET', PATH, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(board));
    });
    await h.addGreenhouse('gh-mercy', 'mercy');
  });
  afterEach(() => h.close());

  /**
   * Ends the database session holding the source's run lock (this database's: other suites' locks
   * share the server), as a network drop or a restart would.
   */
  async function dropLockConnection(): Promise<void> {
    const rows: { pid: number }[] = await h.ds.query(
      `SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND classid = 7301 AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(rows).toHaveLength(1);
    await h.ds.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
  }

  /** A service whose first progress report (one batch committed) runs `then`. */
  function serviceActingAfterFirstBatch(then: () => Promise<unknown>): {
    service: IngestionService;
    acted: () => Promise<unknown>;
  } {
    let action: Promise<unknown> | undefined;
    const service = new IngestionService(
      h.ds,
      h.http,
      SETTINGS,
      silent,
      {
        onProgress: () => {
          action ??= then();
        },
      },
      slowNormalize,
    );
    return { service, acted: () => action ?? Promise.resolve() };
  }

  const count = async (sql: string): Promise<number> => (await h.ds.query(sql))[0].n;

  it('a second run taking over a source whose lock connection dropped never interleaves with the first', async () => {
    let second: Promise<RunSummary> | undefined;
    const { service, acted } = serviceActingAfterFirstBatch(async () => {
      await dropLockConnection();
      second = new IngestionService(h.ds, h.http, SETTINGS, silent).runSource('gh-mercy', 'manual');
      return second;
    });
    const first = await service.runSource('gh-mercy', 'manual');
    await acted();
    const secondRun = await second!;

    expect(first).toMatchObject({ status: 'failed', errorCode: 'LOCK_LOST' });
    expect(secondRun).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(await count('SELECT count(*)::int AS n FROM listings')).toBe(POSTINGS);
    expect(await count('SELECT count(*)::int AS n FROM source_postings')).toBe(POSTINGS);
    expect(
      await count("SELECT count(*)::int AS n FROM ingestion_runs WHERE error_code = 'DATABASE_ERROR'"),
    ).toBe(0);
    const [run] = await h.ds.query('SELECT status, error_code, new_count FROM ingestion_runs WHERE id = $1', [
      first.runId,
    ]);
    expect(run).toMatchObject({ status: 'failed', error_code: 'LOCK_LOST' });
    // The source's health is the second run's: a success.
    const [source] = await h.ds.query('SELECT consecutive_failures, last_error_code FROM sources');
    expect(source).toEqual({ consecutive_failures: 0, last_error_code: null });
  });

  it('a run whose lock connection dropped stops at its next write even when no other run comes', async () => {
    const { service, acted } = serviceActingAfterFirstBatch(dropLockConnection);
    const run = await service.runSource('gh-mercy', 'manual');
    await acted();
    expect(run).toMatchObject({ status: 'failed', errorCode: 'LOCK_LOST' });
    expect(run.errorMessage).toMatch(/connection/);
    expect(run.new).toBeLessThan(POSTINGS);
    expect(await count('SELECT count(*)::int AS n FROM listings')).toBe(run.new);
    // The next run takes the source and finishes the job.
    const next = await h.service.runSource('gh-mercy', 'manual');
    expect(next).toMatchObject({ status: 'succeeded', new: POSTINGS - run.new });
  });

  it('a run told to stop (a worker shutting down) ends at its next write, marked interrupted with its counts', async () => {
    const controller = new AbortController();
    const service = new IngestionService(
      h.ds,
      h.http,
      SETTINGS,
      silent,
      { onProgress: () => controller.abort() },
      slowNormalize,
    );
    const run = await service.runSource('gh-mercy', 'manual', controller.signal);
    expect(run).toMatchObject({ status: 'failed', errorCode: 'INTERRUPTED', new: 100 });
    const [row] = await h.ds.query('SELECT status, error_code, new_count FROM ingestion_runs WHERE id = $1', [
      run.runId,
    ]);
    expect(row).toEqual({ status: 'failed', error_code: 'INTERRUPTED', new_count: 100 });
    // Not the source's failure: its health is untouched, and the lock is free again.
    const [source] = await h.ds.query('SELECT consecutive_failures FROM sources');
    expect(source.consecutive_failures).toBe(0);
    expect(await h.service.runSource('gh-mercy', 'manual')).toMatchObject({ status: 'succeeded' });
  });
});
