import { IngestionService, isPermanentFailure } from '#ingestion';
import { normalizePosting } from '#normalizer';
import type { RawPosting } from '#sources';
import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

// What a run row and a source's health say: counts as the run goes, a cleared error after a success,
// and a permanent failure (a board that is gone) that stops the schedule instead of backing off.

const PATH = '/v1/boards/mercy/jobs';
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const SETTINGS = { closeAfterMisses: 2, backoffBaseMinutes: 15, backoffMaxMinutes: 240, batchSize: 100 };

const jobs = (n: number): JobSpec[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(1000 + i), title: `Medical Coder ${i + 1}` }));

describe('run accounting (real Postgres, local feed server)', () => {
  let h: IngestionHarness;
  let board: JobSpec[];
  let status: number;

  beforeEach(async () => {
    h = await createIngestionHarness();
    board = jobs(4);
    status = 200;
    h.server.route('GET', PATH, (_req, res) => {
      if (status !== 200) res.writeHead(status, { 'content-type': 'text/plain' }).end('no');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(board));
    });
    await h.addGreenhouse('gh-mercy', 'mercy');
  });
  afterEach(() => h.close());

  const runRow = async (runId: string) =>
    (
      await h.ds.query('SELECT status, new_count, fetched, error_code FROM ingestion_runs WHERE id = $1', [
        runId,
      ])
    )[0];
  const source = async () =>
    (
      await h.ds.query(
        'SELECT last_error_code, last_error_message, consecutive_failures, cooldown_until, halted_at FROM sources',
      )
    )[0];

  it('writes counts on the run row as batches commit, and a run failing midway reports what it wrote', async () => {
    board = jobs(650);
    const seen: Array<Promise<{ status: string; new_count: number }>> = [];
    let normalized = 0;
    const service = new IngestionService(
      h.ds,
      h.http,
      SETTINGS,
      silent,
      {
        // While the run is still going: what does its row say?
        onProgress: () => {
          seen.push(
            h.ds
              .query("SELECT status, new_count FROM ingestion_runs WHERE source_id = 'gh-mercy'")
              .then((rows: Array<{ status: string; new_count: number }>) => rows[0]),
          );
        },
      },
      (raw: RawPosting) => {
        if (++normalized === 550) throw new Error('normalizer fell over');
        return normalizePosting(raw);
      },
    );
    const run = await service.runSource('gh-mercy', 'manual');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'INTERNAL', new: 500, fetched: 650 });
    expect(await runRow(run.runId)).toMatchObject({ status: 'failed', new_count: 500, fetched: 650 });
    const during = await Promise.all(seen);
    expect(during[0]).toEqual({ status: 'running', new_count: 100 });
    const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM listings');
    expect(n).toBe(500);
  });

  it('a run interrupted after writing keeps its counts when the next run marks it', async () => {
    board = jobs(250);
    let midway: Promise<{ id: string; status: string; new_count: number }> | undefined;
    const service = new IngestionService(h.ds, h.http, SETTINGS, silent, {
      onProgress: (_source, done) => {
        if (done === 200)
          midway = h.ds
            .query("SELECT id, status, new_count FROM ingestion_runs WHERE source_id = 'gh-mercy'")
            .then((rows: Array<{ id: string; status: string; new_count: number }>) => rows[0]);
      },
    });
    await service.runSource('gh-mercy', 'manual');
    const row = await midway!;
    expect(row).toMatchObject({ status: 'running', new_count: 200 });
    // As a process killed at that moment leaves it: still running, with what its row said then.
    await h.ds.query("UPDATE ingestion_runs SET status = 'running', new_count = $2 WHERE id = $1", [
      row.id,
      row.new_count,
    ]);
    await h.service.runSource('gh-mercy', 'manual');
    expect(await runRow(row.id)).toMatchObject({
      status: 'failed',
      error_code: 'INTERRUPTED',
      new_count: 200,
    });
  });

  it('clears the last error after a successful run', async () => {
    status = 500;
    const failed = await h.service.runSource('gh-mercy', 'manual');
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'HTTP_STATUS' });
    expect(await source()).toMatchObject({ last_error_code: 'HTTP_STATUS', consecutive_failures: 1 });
    status = 200;
    const ok = await h.service.runSource('gh-mercy', 'manual');
    expect(ok).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(await source()).toMatchObject({
      last_error_code: null,
      last_error_message: null,
      consecutive_failures: 0,
      cooldown_until: null,
    });
  });

  it.each([
    [404, 'HTTP_NOT_FOUND'],
    [410, 'HTTP_NOT_FOUND'],
    [403, 'HTTP_DENIED'],
  ])(
    'a board answering %i fails for good (%s): no cooldown, the schedule halts, a manual run resumes it',
    async (code, errorCode) => {
      await h.service.runSource('gh-mercy', 'manual');
      status = code;
      const failed = await h.service.runSource('gh-mercy', 'manual');
      expect(failed).toMatchObject({ status: 'failed', errorCode, closed: 0 });
      // The queue is told not to retry it.
      expect(isPermanentFailure(failed)).toBe(true);
      const health = await source();
      expect(health).toMatchObject({
        last_error_code: errorCode,
        consecutive_failures: 1,
        cooldown_until: null,
      });
      expect(health.halted_at).toBeInstanceOf(Date);

      const scheduled = await h.service.runSource('gh-mercy', 'schedule');
      expect(scheduled).toMatchObject({ status: 'skipped', errorCode: 'HALTED' });
      const requests = h.server.requests.length;
      await h.service.runSource('gh-mercy', 'schedule');
      expect(h.server.requests.length).toBe(requests);

      status = 200;
      const manual = await h.service.runSource('gh-mercy', 'manual');
      expect(manual.status).toBe('succeeded');
      expect(await source()).toMatchObject({ halted_at: null, last_error_code: null });
      expect(await h.service.runSource('gh-mercy', 'schedule')).toMatchObject({ status: 'succeeded' });
    },
  );

  it('a halted source is tried again on schedule once its config changes', async () => {
    status = 404;
    await h.service.runSource('gh-mercy', 'manual');
    expect((await source()).halted_at).toBeInstanceOf(Date);
    await h.addSource({
      id: 'gh-mercy',
      kind: 'greenhouse',
      config: { boardToken: 'mercy', baseUrl: h.server.origin, employerName: 'Mercy Valley Health' },
    });
    expect((await source()).halted_at).toBeNull();
  });

  it('a server error is not permanent: it backs off and the queue retries', async () => {
    status = 503;
    const failed = await h.service.runSource('gh-mercy', 'manual');
    expect(failed.errorCode).toBe('HTTP_STATUS');
    expect(isPermanentFailure(failed)).toBe(false);
    const health = await source();
    expect(health.halted_at).toBeNull();
    expect(health.cooldown_until).toBeInstanceOf(Date);
  });
});
