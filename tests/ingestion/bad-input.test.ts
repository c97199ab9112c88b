import type { ServerResponse } from 'node:http';
import { greenhouseBoard, leverPage, type JobSpec } from '../support/feed-builders';
import { createIngestionHarness, type IngestionHarness } from '../support/ingestion-harness';

const PATH = '/v1/boards/mercy/jobs';
const good: JobSpec[] = [
  { id: '1', title: 'Medical Coder', location: 'Remote' },
  { id: '2', title: 'Medical Biller', location: 'Austin, TX' },
];

type Responder = (res: ServerResponse) => void;

const FAILURES: [string, Responder, string][] = [
  [
    'malformed JSON',
    (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"jobs": [ {"id": 1,, }'),
    'PARSE_ERROR',
  ],
  [
    'a truncated body',
    (res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(good).slice(0, 300)),
    'PARSE_ERROR',
  ],
  [
    'a 200 with an HTML error page',
    (res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>'),
    'PARSE_ERROR',
  ],
  [
    'a 50 MB response',
    (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
    },
    'TOO_LARGE',
  ],
  ['a redirect loop', (res) => res.writeHead(302, { location: PATH }).end(), 'TOO_MANY_REDIRECTS'],
  [
    'a server that trickles bytes',
    (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    },
    'TIMEOUT',
  ],
];

describe('ingestion: bad input fails that source only and loses nothing', () => {
  let h: IngestionHarness;
  let respond: Responder;

  beforeEach(async () => {
    h = await createIngestionHarness();
    respond = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(greenhouseBoard(good));
    h.server.route('GET', PATH, (_req, res) => respond(res));
    h.server.serve(
      '/v0/postings/other',
      leverPage([{ id: 'x1', title: 'AR Specialist' }]),
      'application/json',
    );
    await h.addGreenhouse('gh-mercy', 'mercy');
    await h.addSource({
      id: 'lever-other',
      kind: 'lever',
      config: { site: 'other', employerName: 'Other Clinic', baseUrl: h.server.origin },
    });
    await h.service.runSource('gh-mercy', 'manual');
  });
  afterEach(() => h.close());

  it.each(FAILURES)(
    '%s: the run records %s, nothing is closed, other sources still ingest',
    async (_name, bad, code) => {
      const before = await h.snapshot();
      respond = bad;
      for (let i = 0; i < 2; i++) {
        const run = await h.service.runSource('gh-mercy', 'manual');
        expect(run).toMatchObject({ status: 'failed', errorCode: code, closed: 0 });
        expect(run.errorMessage).toBeTruthy();
      }
      expect(await h.snapshot()).toEqual(before);
      const [run] = await h.ds.query(
        "SELECT status, error_code, error_message FROM ingestion_runs WHERE source_id = 'gh-mercy' ORDER BY started_at DESC LIMIT 1",
      );
      expect(run).toMatchObject({ status: 'failed', error_code: code });

      const other = await h.service.runSource('lever-other', 'manual');
      expect(other).toMatchObject({ status: 'succeeded', new: 1 });
    },
  );

  it('skips a posting without a title or with a 1 MB title, counts why, and stores the rest', async () => {
    respond = (res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          greenhouseBoard([
            ...good,
            { id: '3', title: '' },
            { id: '4', title: 'Coder '.repeat(180_000) },
            { id: '5', title: 'Charge Entry Specialist' },
          ]),
        );
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run.status).toBe('succeeded');
    expect(run.new).toBe(1);
    expect(run.unchanged).toBe(2);
    expect(run.skipped).toBe(2);
    expect(Object.keys(run.skippedReasons).join(' ')).toMatch(/title/);
    expect(run.skippedReasons['title longer than 300 characters']).toBe(1);
    const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM listings');
    expect(n).toBe(3);
  });

  it('strips control characters a feed publishes in any field and stores the posting', async () => {
    respond = (res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        greenhouseBoard([
          ...good,
          {
            id: '6',
            title: 'Medical\u0000 Coder\u0007 II',
            company: 'Mercy\u0000 Valley Health',
            location: 'Austin\u001b, TX',
            html: '<p>Assign\u0000 ICD-10-CM codes.\u0000</p>',
          },
        ]),
      );
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run).toMatchObject({ status: 'succeeded', new: 1, skipped: 0 });
    const [listing] = await h.ds.query(
      "SELECT title, description_text FROM listings WHERE title LIKE 'Medical Coder II%'",
    );
    expect(listing.title).toBe('Medical Coder II');
    expect(listing.description_text).not.toContain('\u0000');
  });

  it('a source whose config is invalid fails with a clear code and message', async () => {
    await h.ds.query(`UPDATE sources SET config = '{"boardToken": "bad token!"}' WHERE id = 'gh-mercy'`);
    const run = await h.service.runSource('gh-mercy', 'manual');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'CONFIG_INVALID' });
    expect(run.errorMessage).toMatch(/boardToken/);
  });
});
