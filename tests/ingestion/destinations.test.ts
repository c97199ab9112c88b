import { isPermanentFailure } from '#ingestion';
import { greenhouseBoard } from '../support/feed-builders';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

// A source pointing at an internal address fails its run with BLOCKED_ADDRESS, visible on the run row
// and in the source's health, and is not retried. The harness allow-lists its own feed server only;
// the internal service is a second loopback server on 127.0.0.5.

let h: IngestionHarness;
let internal: FixtureServer;

beforeAll(async () => {
  h = await createIngestionHarness();
  internal = await startFixtureServer({ address: '127.0.0.5' });
  internal.serve(
    '/v1/boards/mercy/jobs',
    greenhouseBoard([{ id: '1', title: 'Medical Coder' }]),
    'application/json',
  );
});

afterAll(async () => {
  await internal?.close();
  await h?.close();
});

async function runRow(runId: string) {
  const [row] = await h.ds.query(
    'SELECT status, error_code, error_message FROM ingestion_runs WHERE id = $1',
    [runId],
  );
  return row as { status: string; error_code: string; error_message: string };
}

async function health(sourceId: string) {
  const [row] = await h.ds.query(
    'SELECT last_error_code, last_error_message, consecutive_failures FROM sources WHERE id = $1',
    [sourceId],
  );
  return row as { last_error_code: string; last_error_message: string; consecutive_failures: number };
}

it('a source on an internal address fails with BLOCKED_ADDRESS, on the run and in health, for good', async () => {
  await h.addSource({
    id: 'gh-internal',
    kind: 'greenhouse',
    config: { boardToken: 'mercy', baseUrl: internal.origin },
  });
  const summary = await h.service.runSource('gh-internal', 'manual');

  expect(summary).toMatchObject({ status: 'failed', errorCode: 'BLOCKED_ADDRESS', new: 0 });
  expect(isPermanentFailure(summary)).toBe(true);
  expect(await runRow(summary.runId)).toMatchObject({ status: 'failed', error_code: 'BLOCKED_ADDRESS' });
  const sourceHealth = await health('gh-internal');
  expect(sourceHealth).toMatchObject({ last_error_code: 'BLOCKED_ADDRESS', consecutive_failures: 1 });
  expect(sourceHealth.last_error_message).toContain('127.0.0.5 (loopback');
  expect(internal.requests).toEqual([]);
});

it('the allow-listed feed server of the same run is fetched as usual', async () => {
  h.server.serve(
    '/v1/boards/mercy/jobs',
    greenhouseBoard([{ id: '1', title: 'Medical Coder' }]),
    'application/json',
  );
  await h.addGreenhouse('gh-listed', 'mercy');
  const summary = await h.service.runSource('gh-listed', 'manual');
  expect(summary).toMatchObject({ status: 'succeeded', new: 1 });
});

it('a source URL with a user name and password is refused on import, without repeating them', async () => {
  const attempt = h.addSource({
    id: 'gh-creds',
    kind: 'greenhouse',
    config: { boardToken: 'mercy', baseUrl: `http://feeduser:s3cret-pass@${h.server.host}` },
  });
  await expect(attempt).rejects.toMatchObject({ code: 'INVALID_SOURCE' });
  const message = await attempt.catch((err: Error) => err.message);
  expect(message).toContain('config.baseUrl');
  expect(message).not.toMatch(/s3cret|feeduser/);
  expect(await h.ds.query(`SELECT id FROM sources WHERE id = 'gh-creds'`)).toEqual([]);
});

it('one stored before the check fails its run with CREDENTIALS_IN_URL, storing no secret', async () => {
  await h.addGreenhouse('gh-stored-creds', 'mercy');
  await h.ds.query(
    `UPDATE sources SET config = jsonb_set(config, '{baseUrl}', to_jsonb($1::text)) WHERE id = $2`,
    [`http://feeduser:s3cret-pass@${h.server.host}`, 'gh-stored-creds'],
  );
  const before = h.server.requests.length;
  const summary = await h.service.runSource('gh-stored-creds', 'manual');

  expect(summary).toMatchObject({ status: 'failed', errorCode: 'CREDENTIALS_IN_URL' });
  expect(isPermanentFailure(summary)).toBe(true);
  const stored = JSON.stringify([await runRow(summary.runId), await health('gh-stored-creds'), summary]);
  expect(stored).not.toMatch(/s3cret|feeduser/);
  expect(h.server.requests.length).toBe(before);
});
