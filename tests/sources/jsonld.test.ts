import { HttpError } from '#http';
import { getAdapter, ParseError } from '#sources';
import { jsonldAdapter } from '#sources/testing';
import { sourceFixture, useSourceHarness, WEB_CLIENT } from './source-harness';

// The JSON-LD adapter against a real local HTTP server, through the real polite client: sitemap
// index -> sitemaps -> job pages, conditional requests, partial runs.

const FIXTURE_ORIGIN = 'https://careers.northpine.example.org';
const HTML = 'text/html; charset=utf-8';
const XML = 'application/xml';

describe('jsonld source over HTTP', () => {
  const h = useSourceHarness(WEB_CLIENT);
  /** Fixture text with its absolute links pointed at the local server. */
  const fixture = (name: string) => sourceFixture('jsonld', name).replaceAll(FIXTURE_ORIGIN, h.server.origin);
  const sitemapConfig = (extra: Record<string, unknown> = {}) =>
    jsonldAdapter.configSchema.parse({
      sitemapUrl: `${h.server.origin}/sitemap.xml`,
      urlPattern: '/jobs/\\d+$',
      ...extra,
    });
  const serveSite = (opts: { sitemapEtag?: string } = {}) => {
    h.server.serve('/sitemap.xml', fixture('sitemap-index.xml'), XML, { etag: opts.sitemapEtag });
    h.server.serve('/sitemaps/jobs-1.xml', fixture('sitemap-jobs-1.xml'), XML);
    h.server.serve('/sitemaps/archive-index.xml', fixture('sitemap-archive-index.xml'), XML);
    h.server.serve('/sitemaps/jobs-2.xml', fixture('sitemap-jobs-2.xml'), XML);
    h.server.serve('/jobs/1001', fixture('job-detail.html'), HTML);
    h.server.serve('/jobs/1002', fixture('job-1002.html'), HTML);
    h.server.serve('/jobs/1003', fixture('job-1003.html'), HTML);
  };

  it('is registered under its kind', () => {
    expect(getAdapter('jsonld')).toBe(jsonldAdapter);
  });

  it('follows a sitemap index through nested sitemaps to the job pages matching the pattern', async () => {
    serveSite();
    const config = sitemapConfig();
    const outcome = await jsonldAdapter.fetch(config, h.context());

    expect(h.sourcePaths()).toEqual([
      '/sitemap.xml',
      '/sitemaps/jobs-1.xml',
      '/sitemaps/archive-index.xml',
      '/sitemaps/jobs-2.xml',
      '/jobs/1001',
      '/jobs/1002',
      '/jobs/1003',
    ]);
    expect(outcome).toMatchObject({ complete: true, notModified: false });
    expect(outcome.documents.map((d) => d.url)).toEqual(
      ['/sitemap.xml', '/jobs/1001', '/jobs/1002', '/jobs/1003'].map((p) => `${h.server.origin}${p}`),
    );

    const results = outcome.documents.map((d) => jsonldAdapter.parse(d.body, config, d.url));
    expect(results.flatMap((r) => r.postings).map((p) => p.externalId)).toEqual([
      'REQ-1001',
      'REQ-1002',
      `${h.server.origin}/jobs/1003#0`,
    ]);
    expect(results.flatMap((r) => r.skipped)).toEqual([
      { externalId: null, reason: 'invalid JSON-LD block' },
    ]);
  });

  it('reports an unchanged sitemap as notModified after one conditional request', async () => {
    serveSite({ sitemapEtag: '"sm-7"' });
    const config = sitemapConfig();
    const validators = new Map([[config.sitemapUrl!, { etag: '"sm-7"', lastModified: null }]]);
    const outcome = await jsonldAdapter.fetch(config, h.context(validators));

    expect(outcome).toMatchObject({ notModified: true, complete: false });
    expect(h.sourcePaths()).toEqual(['/sitemap.xml']);
    expect(h.server.requests.at(-1)?.headers['if-none-match']).toBe('"sm-7"');
  });

  it('re-reads unchanged pages in full when another page of the source changed', async () => {
    serveSite();
    h.server.serve('/jobs/1001', fixture('job-detail.html'), HTML, { etag: '"p1"' });
    h.server.serve('/jobs/1002', fixture('job-1002.html'), HTML, { etag: '"p2-new"' });
    const config = jsonldAdapter.configSchema.parse({
      urls: [`${h.server.origin}/jobs/1001`, `${h.server.origin}/jobs/1002`],
    });
    const validators = new Map([
      [`${h.server.origin}/jobs/1001`, { etag: '"p1"', lastModified: null }],
      [`${h.server.origin}/jobs/1002`, { etag: '"p2-old"', lastModified: null }],
    ]);
    const outcome = await jsonldAdapter.fetch(config, h.context(validators));

    expect(h.sourcePaths()).toEqual(['/jobs/1001', '/jobs/1002', '/jobs/1001']);
    expect(outcome).toMatchObject({ notModified: false, complete: true });
    expect(outcome.documents.every((d) => !d.notModified && d.body.includes('JobPosting'))).toBe(true);
  });

  it('returns the other pages as a partial run when one job page keeps failing', async () => {
    serveSite();
    h.server.route('GET', '/jobs/1002', (_req, res) => void res.writeHead(500).end('oops'));
    const outcome = await jsonldAdapter.fetch(sitemapConfig(), h.context());

    expect(outcome.complete).toBe(false);
    expect(outcome.documents.map((d) => new URL(d.url).pathname)).toEqual([
      '/sitemap.xml',
      '/jobs/1001',
      '/jobs/1003',
    ]);
    expect(h.sourcePaths().filter((p) => p === '/jobs/1002')).toHaveLength(2);
  });

  it('makes the run partial when a nested sitemap is malformed or maxPages cuts the list', async () => {
    serveSite();
    h.server.serve('/sitemaps/jobs-2.xml', fixture('sitemap-malformed.xml'), XML);
    expect((await jsonldAdapter.fetch(sitemapConfig(), h.context())).complete).toBe(false);

    const capped = await jsonldAdapter.fetch(sitemapConfig({ maxPages: 1 }), h.context());
    expect(capped.complete).toBe(false);
    expect(capped.documents.map((d) => new URL(d.url).pathname)).toEqual(['/sitemap.xml', '/jobs/1001']);
  });

  it('throws a ParseError when the sitemap it starts from is malformed', async () => {
    h.server.serve('/sitemap.xml', fixture('sitemap-malformed.xml'), XML);
    await expect(jsonldAdapter.fetch(sitemapConfig(), h.context())).rejects.toThrow(ParseError);
    await expect(jsonldAdapter.fetch(sitemapConfig(), h.context())).rejects.toThrow(
      /malformed XML in the XML sitemap at line 5/,
    );
  });

  it('throws when no page could be fetched at all', async () => {
    const config = jsonldAdapter.configSchema.parse({ urls: [`${h.server.origin}/jobs/404`] });
    await expect(jsonldAdapter.fetch(config, h.context())).rejects.toBeInstanceOf(HttpError);
  });

  it('hands an error page served with 200 to parse, which names it', async () => {
    h.server.serve('/jobs/1001', fixture('error-page.html'), HTML);
    const config = jsonldAdapter.configSchema.parse({ urls: [`${h.server.origin}/jobs/1001`] });
    const [document] = (await jsonldAdapter.fetch(config, h.context())).documents;
    expect(() => jsonldAdapter.parse(document.body, config, document.url)).toThrow(
      /error page \("404 Not Found"\)/,
    );
  });
});
