import request from 'supertest';
import { greenhouseBoard, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';
import { createTestApp } from '../support/test-app';

// A complete snapshot that loses most of a source's open postings at once (a broken page, a board
// that lists only its featured jobs) is held as suspect: recorded, nothing closed, until it repeats for
// longer than the close window or an operator confirms it.

const PATH = '/v1/boards/mercy/jobs';
const FULL = 300;
const TOKEN = 'test-admin-token-shrink-0123456789';

const jobs = (n: number, from = 0): JobSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(20_000 + from + i),
    title: `Medical Coder ${from + i + 1}`,
  }));

describe('a feed that shrinks sharply (real Postgres, local feed server)', () => {
  let h: IngestionHarness;
  let board: JobSpec[];

  beforeEach(async () => {
    h = await createIngestionHarness();
    board = jobs(FULL);
    h.server.route('GET', PATH, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(board));
    });
    await h.addGreenhouse('gh-mercy', 'mercy');
    expect(await h.service.runSource('gh-mercy', 'manual')).toMatchObject({ new: FULL });
  });
  afterEach(() => h.close());

  const open = async (): Promise<number> =>
    (await h.ds.query("SELECT count(*)::int AS n FROM listings WHERE status = 'open'"))[0].n;
  const source = async () =>
    (
      await h.ds.query(
        'SELECT suspect_since, suspect_runs, shrink_confirmed_at, last_error_code FROM sources',
      )
    )[0];

  it('300 postings to 10, again and again, closes nothing and says why', async () => {
    board = jobs(10);
    for (let i = 1; i <= 3; i++) {
      const run = await h.service.runSource('gh-mercy', 'manual');
      expect(run).toMatchObject({
        status: 'partial',
        complete: false,
        closed: 0,
        errorCode: 'SUSPECT_SNAPSHOT',
      });
      expect(run.errorMessage).toMatch(/dropped 290 of 300 open postings/);
      expect(await source()).toMatchObject({ suspect_runs: i, last_error_code: 'SUSPECT_SNAPSHOT' });
    }
    expect(await open()).toBe(FULL);
    const [{ missed }] = await h.ds.query('SELECT max(missed_runs)::int AS missed FROM source_postings');
    expect(missed).toBe(0);
  });

  it('a shrink that outlasts the close window is trusted, and closes after the usual misses', async () => {
    board = jobs(10);
    await h.service.runSource('gh-mercy', 'manual');
    await h.service.runSource('gh-mercy', 'manual');
    // Suspect for longer than CLOSE_AFTER_MISSES intervals (2 x 360 minutes).
    await h.ds.query("UPDATE sources SET suspect_since = now() - interval '13 hours'");
    const trusted = await h.service.runSource('gh-mercy', 'manual');
    expect(trusted).toMatchObject({ status: 'succeeded', complete: true, errorCode: null });
    expect((await source()).shrink_confirmed_at).toBeInstanceOf(Date);
    const closing = await h.service.runSource('gh-mercy', 'manual');
    expect(closing.closed).toBe(FULL - 10);
    expect(await open()).toBe(10);
    // Over: the next run finds nothing suspect.
    await h.service.runSource('gh-mercy', 'manual');
    expect(await source()).toMatchObject({ suspect_since: null, suspect_runs: 0, shrink_confirmed_at: null });
  });

  it('an operator confirming the shrink (admin API) lets the next run be trusted', async () => {
    board = jobs(10);
    await h.service.runSource('gh-mercy', 'manual');
    const t = await createTestApp(h.db.url, { ADMIN_TOKEN: TOKEN });
    try {
      const auth = { Authorization: `Bearer ${TOKEN}` };
      const before = await request(t.server).get('/api/v1/admin/sources/gh-mercy').set(auth).expect(200);
      expect(before.body.health).toMatchObject({ suspectRuns: 1, lastErrorCode: 'SUSPECT_SNAPSHOT' });
      expect(before.body.health.suspectSince).toBeTruthy();
      const confirmed = await request(t.server)
        .post('/api/v1/admin/sources/gh-mercy/shrink-confirmation')
        .set(auth)
        .expect(200);
      expect(confirmed.body.health.shrinkConfirmedAt).toBeTruthy();
    } finally {
      await t.close();
    }
    expect(await h.service.runSource('gh-mercy', 'manual')).toMatchObject({ status: 'succeeded' });
    expect((await h.service.runSource('gh-mercy', 'manual')).closed).toBe(FULL - 10);
    await h.service.runSource('gh-mercy', 'manual');
    expect(await source()).toMatchObject({ suspect_since: null, shrink_confirmed_at: null });
  });

  it('a source with nothing suspect cannot be confirmed', async () => {
    const t = await createTestApp(h.db.url, { ADMIN_TOKEN: TOKEN });
    try {
      const res = await request(t.server)
        .post('/api/v1/admin/sources/gh-mercy/shrink-confirmation')
        .set({ Authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    } finally {
      await t.close();
    }
  });

  it('a feed that comes back whole clears the suspicion', async () => {
    board = jobs(10);
    await h.service.runSource('gh-mercy', 'manual');
    board = jobs(FULL);
    expect(await h.service.runSource('gh-mercy', 'manual')).toMatchObject({ status: 'succeeded', closed: 0 });
    expect(await source()).toMatchObject({ suspect_since: null, suspect_runs: 0, last_error_code: null });
  });

  it('a shrink within the guard (40% gone, or all replaced by half as many) is judged as usual', async () => {
    board = jobs(180);
    await h.service.runSource('gh-mercy', 'manual');
    const second = await h.service.runSource('gh-mercy', 'manual');
    expect(second).toMatchObject({ status: 'succeeded', closed: 120 });
    // Replacing most postings is a loss too: 180 open, a feed of 150 new ones loses all 180.
    board = jobs(150, 5000);
    expect(await h.service.runSource('gh-mercy', 'manual')).toMatchObject({
      errorCode: 'SUSPECT_SNAPSHOT',
      new: 150,
      closed: 0,
    });
  });
});
