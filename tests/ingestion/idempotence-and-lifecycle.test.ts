import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

const PATH = '/v1/boards/mercy/jobs';
const jobs: JobSpec[] = [
  { id: '1001', title: 'Inpatient Coder II', location: 'Dallas, TX' },
  { id: '1002', title: 'Medical Biller', location: 'Remote' },
  { id: '1003', title: 'Coding Auditor', location: 'Tulsa, OK' },
  { id: '1004', title: 'CDI Specialist', location: 'Remote' },
];

describe('ingestion: idempotent upsert and lifecycle (greenhouse feed over HTTP, real Postgres)', () => {
  let h: IngestionHarness;
  let board: JobSpec[];

  beforeEach(async () => {
    h = await createIngestionHarness();
    board = [...jobs];
    h.server.route('GET', PATH, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(board));
    });
    await h.addGreenhouse('gh-mercy', 'mercy');
  });
  afterEach(() => h.close());

  it('stores every posting as an open listing and leaves a run row with the counts', async () => {
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run).toMatchObject({
      status: 'succeeded',
      complete: true,
      fetched: 4,
      new: 4,
      unchanged: 0,
      closed: 0,
    });
    const [{ open }] = await h.ds.query("SELECT count(*)::int AS open FROM listings WHERE status = 'open'");
    expect(open).toBe(4);
    const rows = await h.ds.query('SELECT status, new_count, fetched, duration_ms FROM ingestion_runs');
    expect(rows).toEqual([
      { status: 'succeeded', new_count: 4, fetched: 4, duration_ms: expect.any(Number) },
    ]);
    const [source] = await h.ds.query(
      'SELECT last_success_at, consecutive_failures, next_run_at FROM sources',
    );
    expect(source.last_success_at).not.toBeNull();
    expect(source.next_run_at.getTime()).toBeGreaterThan(source.last_success_at.getTime());
  });

  it('marks a run left "running" by a killed process as interrupted on the next run', async () => {
    await h.ds.query(
      "INSERT INTO ingestion_runs (source_id, trigger, status, started_at) VALUES ('gh-mercy', 'schedule', 'running', now() - interval '1 hour')",
    );
    await h.service.runSource('gh-mercy', 'manual');
    const rows = await h.ds.query('SELECT status, error_code FROM ingestion_runs ORDER BY started_at');
    expect(rows).toEqual([
      { status: 'failed', error_code: 'INTERRUPTED' },
      { status: 'succeeded', error_code: null },
    ]);
  });

  it('ingesting the same feed twice leaves the index identical', async () => {
    await h.service.runSource('gh-mercy', 'manual');
    const before = await h.snapshot();
    const second = await h.service.runSource('gh-mercy', 'manual');
    expect(second).toMatchObject({ status: 'succeeded', new: 0, updated: 0, unchanged: 4, closed: 0 });
    expect(await h.snapshot()).toEqual(before);
  });

  it('updates a changed posting in place, keeping first seen and moving changed at', async () => {
    await h.service.runSource('gh-mercy', 'manual');
    const [before] = await h.ds.query(
      "SELECT id, first_seen_at, changed_at FROM listings WHERE title = 'Medical Biller'",
    );
    board = board.map((j) => (j.id === '1002' ? { ...j, title: 'Senior Medical Biller' } : j));
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run).toMatchObject({ new: 0, updated: 1, unchanged: 3 });
    const [after] = await h.ds.query(
      'SELECT id, title, first_seen_at, changed_at FROM listings WHERE id = $1',
      [before.id],
    );
    expect(after.title).toBe('Senior Medical Biller');
    expect(after.first_seen_at).toEqual(before.first_seen_at);
    expect(after.changed_at.getTime()).toBeGreaterThan(before.changed_at.getTime());
  });

  it('closes a posting absent from N consecutive complete snapshots, and reopens it when it returns', async () => {
    await h.service.runSource('gh-mercy', 'manual');
    board = board.filter((j) => j.id !== '1003');
    const miss1 = await h.service.runSource('gh-mercy', 'manual');
    expect(miss1.closed).toBe(0);
    const [{ status: afterOne }] = await h.ds.query(
      "SELECT status FROM listings WHERE title = 'Coding Auditor'",
    );
    expect(afterOne).toBe('open');

    const miss2 = await h.service.runSource('gh-mercy', 'manual');
    expect(miss2.closed).toBe(1);
    const [closed] = await h.ds.query(
      "SELECT status, closed_reason, closed_at FROM listings WHERE title = 'Coding Auditor'",
    );
    expect(closed).toMatchObject({ status: 'closed', closed_reason: 'missing' });
    expect(closed.closed_at).not.toBeNull();

    board = [...jobs];
    const back = await h.service.runSource('gh-mercy', 'manual');
    expect(back.reopened).toBe(1);
    const [reopened] = await h.ds.query(
      "SELECT status, closed_reason FROM listings WHERE title = 'Coding Auditor'",
    );
    expect(reopened).toEqual({ status: 'open', closed_reason: null });
  });

  it('a feed that suddenly lists nothing is not trusted to close anything', async () => {
    await h.service.runSource('gh-mercy', 'manual');
    board = [];
    for (let i = 0; i < 3; i++) {
      const run = await h.service.runSource('gh-mercy', 'manual');
      expect(run).toMatchObject({ status: 'partial', complete: false, closed: 0 });
    }
    const [{ open }] = await h.ds.query("SELECT count(*)::int AS open FROM listings WHERE status = 'open'");
    expect(open).toBe(4);
  });

  it('a failed fetch closes nothing, records the error and backs the source off', async () => {
    await h.service.runSource('gh-mercy', 'manual');
    h.server.route('GET', PATH, (_req, res) => {
      res.writeHead(500).end('upstream down');
    });
    for (let i = 0; i < 3; i++) {
      const run = await h.service.runSource('gh-mercy', 'manual');
      expect(run).toMatchObject({ status: 'failed', errorCode: 'HTTP_STATUS', closed: 0 });
    }
    const [{ open }] = await h.ds.query("SELECT count(*)::int AS open FROM listings WHERE status = 'open'");
    expect(open).toBe(4);
    const [{ missed }] = await h.ds.query('SELECT max(missed_runs)::int AS missed FROM source_postings');
    expect(missed).toBe(0);
    const [s] = await h.ds.query(
      'SELECT consecutive_failures, last_error_code, last_error_message, cooldown_until, last_run_at FROM sources',
    );
    expect(s.consecutive_failures).toBe(3);
    expect(s.last_error_code).toBe('HTTP_STATUS');
    expect(s.last_error_message).toContain('500');
    // Third failure: 15 * 2^2 = 60 minutes of cooldown.
    const cooldownMinutes = (s.cooldown_until.getTime() - s.last_run_at.getTime()) / 60_000;
    expect(cooldownMinutes).toBeCloseTo(60, 5);
    const scheduled = await h.service.runSource('gh-mercy', 'schedule');
    expect(scheduled).toMatchObject({ status: 'skipped', errorCode: 'COOLDOWN' });
  });

  it('an unchanged feed answered 304 costs one conditional request and closes nothing', async () => {
    h.server.serve(PATH, greenhouseBoard(board), 'application/json', { etag: '"v1"' });
    const first = await h.service.runSource('gh-mercy', 'manual');
    expect(first.new).toBe(4);
    const second = await h.service.runSource('gh-mercy', 'manual');
    expect(second).toMatchObject({ status: 'not_modified', closed: 0 });
    const conditional = h.server.requests.filter((r) => r.path.startsWith(PATH)).at(-1);
    expect(conditional?.headers['if-none-match']).toBe('"v1"');
  });

  it('closes a listing whose validThrough has passed', async () => {
    await h.service.runSource('gh-mercy', 'manual');
    await h.ds.query(
      "UPDATE listings SET valid_through = now() - interval '1 day' WHERE title = 'CDI Specialist'",
    );
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run.closed).toBe(1);
    const [row] = await h.ds.query(
      "SELECT status, closed_reason FROM listings WHERE title = 'CDI Specialist'",
    );
    expect(row).toEqual({ status: 'closed', closed_reason: 'expired' });
  });
});
