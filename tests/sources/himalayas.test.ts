import { HttpError } from '#http';
import { getAdapter, ParseError } from '#sources';
import { himalayasAdapter } from '#sources/testing';
import { JSON_TYPE, sourceFixture, useSourceHarness, WEB_CLIENT } from './source-harness';

// The Himalayas adapter against a real local HTTP server, through the real polite client.

const fixture = (name: string) => sourceFixture('himalayas', name);
const page = (offset: number) => `/jobs/api?limit=20&offset=${offset}`;

describe('himalayas source over HTTP', () => {
  const h = useSourceHarness(WEB_CLIENT);
  const config = h.localConfig(himalayasAdapter);
  const jobRequests = () =>
    h.server.requests.filter((r) => r.path.startsWith('/jobs/api')).map((r) => r.path);
  const serveAllPages = (opts: { etag?: string } = {}) => {
    h.server.serve(page(0), fixture('jobs-offset-0.json'), JSON_TYPE, opts);
    h.server.serve(page(3), fixture('jobs-offset-3.json'), JSON_TYPE);
    h.server.serve(page(6), fixture('jobs-offset-6.json'), JSON_TYPE);
  };

  it('is registered under its kind', () => {
    expect(getAdapter('himalayas')).toBe(himalayasAdapter);
  });

  it('pages by offset until totalCount and parses every page', async () => {
    serveAllPages();
    const outcome = await himalayasAdapter.fetch(config(), h.context());

    expect(jobRequests()).toEqual([page(0), page(3), page(6)]);
    expect(outcome).toMatchObject({ complete: true, notModified: false });
    const results = outcome.documents.map((d) => himalayasAdapter.parse(d.body, config(), d.url));
    expect(results.flatMap((r) => r.postings).map((p) => p.employer)).toEqual([
      'Brightwater Revenue Partners',
      'Cedar Valley Physician Group',
      'Northpine Health System',
      'Harborlight Health Plan',
      'Prairie Crossing Hospitals',
    ]);
    expect(results.flatMap((r) => r.skipped).map((s) => s.reason)).toEqual([
      'not a coding or billing job (keywords/categories filter)',
      'posting has no id',
    ]);
  });

  it('answers an unchanged first page with notModified, at the cost of one 304', async () => {
    serveAllPages({ etag: '"jobs-v1"' });
    const first = await himalayasAdapter.fetch(config(), h.context());
    expect(first.documents[0].etag).toBe('"jobs-v1"');

    const url = `${h.server.origin}${page(0)}`;
    const again = await himalayasAdapter.fetch(config(), h.contextWithEtag(page(0), '"jobs-v1"'));
    expect(again).toMatchObject({ notModified: true, complete: false });
    expect(again.documents).toEqual([expect.objectContaining({ url, notModified: true, body: '' })]);
    expect(h.server.requests.at(-1)?.headers['if-none-match']).toBe('"jobs-v1"');
    expect(jobRequests()).toEqual([page(0), page(3), page(6), page(0)]);
  });

  it('returns what it fetched, as partial, when a later page keeps failing', async () => {
    h.server.serve(page(0), fixture('jobs-offset-0.json'), JSON_TYPE);
    h.server.route('GET', page(3), (_req, res) => void res.writeHead(503).end('busy'));
    const outcome = await himalayasAdapter.fetch(config(), h.context());

    expect(outcome.complete).toBe(false);
    expect(outcome.documents.map((d) => d.url)).toEqual([`${h.server.origin}${page(0)}`]);
    expect(jobRequests()).toEqual([page(0), page(3), page(3)]);
  });

  it('stops at maxPages and says the run is partial', async () => {
    serveAllPages();
    const outcome = await himalayasAdapter.fetch({ ...config(), maxPages: 2 }, h.context());
    expect(outcome).toMatchObject({ complete: false });
    expect(jobRequests()).toEqual([page(0), page(3)]);
  });

  it('stops instead of looping when the server ignores the offset', async () => {
    h.server.route(
      'GET',
      '/jobs/api',
      (_req, res) =>
        void res.writeHead(200, { 'content-type': JSON_TYPE }).end(fixture('jobs-offset-0.json')),
    );
    const outcome = await himalayasAdapter.fetch(config(), h.context());
    expect(outcome.complete).toBe(false);
    expect(jobRequests()).toEqual([page(0), page(3)]);
  });

  it('throws when the first page cannot be fetched at all', async () => {
    h.server.route('GET', page(0), (_req, res) => void res.writeHead(404).end('gone'));
    await expect(himalayasAdapter.fetch(config(), h.context())).rejects.toBeInstanceOf(HttpError);
  });

  it('hands an HTML error page served with 200 to parse, which names it', async () => {
    h.server.serve(page(0), fixture('error-page.html'), 'text/html');
    const outcome = await himalayasAdapter.fetch(config(), h.context());
    expect(outcome).toMatchObject({ complete: false, notModified: false });
    expect(() => himalayasAdapter.parse(outcome.documents[0].body, config())).toThrow(ParseError);
    expect(() => himalayasAdapter.parse(outcome.documents[0].body, config())).toThrow(/response is HTML/);
  });

  it('names truncated JSON as malformed', async () => {
    h.server.serve(page(0), fixture('jobs-truncated.txt'), JSON_TYPE);
    const outcome = await himalayasAdapter.fetch(config(), h.context());
    expect(() => himalayasAdapter.parse(outcome.documents[0].body, config())).toThrow(/malformed JSON/);
  });
});
