import { HttpError } from '#http';
import { getAdapter, ParseError } from '#sources';
import { htmlAdapter } from '#sources/testing';
import { sourceFixture, useSourceHarness, WEB_CLIENT } from './source-harness';

// The career-page adapter against a real local HTTP server, through the real polite client: list
// paging, detail pages, conditional requests, partial runs.

const fixture = (name: string) => sourceFixture('html', name);
const HTML = 'text/html; charset=utf-8';
const DETAIL_IDS = ['HIM-2291', 'HIM-2302', 'HIM-2288', 'HIM-2279', 'HIM-2270', 'HIM-2265'];

describe('html source over HTTP', () => {
  const h = useSourceHarness(WEB_CLIENT);
  const listConfig = (extra: Record<string, unknown> = {}) =>
    htmlAdapter.configSchema.parse({
      url: `${h.server.origin}/careers/openings`,
      employerName: 'Prairie Crossing Hospitals',
      list: {
        item: 'ul.openings > li',
        title: 'a.job-title',
        url: 'a.job-title@href',
        id: '@data-req',
        location: '.job-location',
      },
      next: 'a[rel=next]@href',
      ...extra,
    });
  const detailConfig = (extra: Record<string, unknown> = {}) =>
    htmlAdapter.configSchema.parse({
      url: `${h.server.origin}/careers/openings`,
      list: { item: 'ul.openings > li', url: 'a.job-title@href' },
      next: 'a[rel=next]@href',
      detail: {
        description: '.job-description',
        id: 'article.job@data-req',
        location: '.job-meta .location',
        salary: '.job-meta .pay',
      },
      ...extra,
    });
  const serveSite = (opts: { etag?: string } = {}) => {
    h.server.serve('/careers/openings', fixture('openings-page-1.html'), HTML, opts);
    h.server.serve('/careers/openings?page=2', fixture('openings-page-2.html'), HTML);
    for (const id of DETAIL_IDS) h.server.serve(`/openings/${id}`, fixture(`opening-${id}.html`), HTML);
  };

  it('is registered under its kind', () => {
    expect(getAdapter('html')).toBe(htmlAdapter);
  });

  it('follows the next link and reads list items as postings', async () => {
    serveSite();
    const config = listConfig();
    const outcome = await htmlAdapter.fetch(config, h.context());

    expect(h.sourcePaths()).toEqual(['/careers/openings', '/careers/openings?page=2']);
    expect(outcome).toMatchObject({ complete: true, notModified: false });
    const results = outcome.documents.map((d) => htmlAdapter.parse(d.body, config, d.url));
    expect(results.flatMap((r) => r.postings).map((p) => p.externalId)).toEqual([
      'HIM-2291',
      'HIM-2302',
      'HIM-2288',
      `${h.server.origin}/openings/HIM-2279`,
      'HIM-2270',
    ]);
    expect(results.flatMap((r) => r.postings)[0].url).toBe(`${h.server.origin}/openings/HIM-2291`);
    expect(results.flatMap((r) => r.skipped)).toHaveLength(2);
  });

  it('fetches every job page once when detail pages are configured', async () => {
    serveSite();
    const config = detailConfig();
    const outcome = await htmlAdapter.fetch(config, h.context());

    expect(h.sourcePaths()).toEqual([
      '/careers/openings',
      '/careers/openings?page=2',
      ...DETAIL_IDS.map((id) => `/openings/${id}`),
    ]);
    expect(outcome.complete).toBe(true);
    const postings = outcome.documents.flatMap((d) => htmlAdapter.parse(d.body, config, d.url).postings);
    expect(postings.map((p) => p.externalId)).toEqual(DETAIL_IDS);
    expect(postings.find((p) => p.externalId === 'HIM-2265')).toMatchObject({
      title: 'Inpatient Coder',
      url: `${h.server.origin}/openings/HIM-2265`,
      salary: { text: '$29 - $36 hourly' },
    });
  });

  it('marks the run partial, keeping the rest, when a detail page keeps failing', async () => {
    serveSite();
    h.server.route('GET', '/openings/HIM-2288', (_req, res) => void res.writeHead(502).end('bad gateway'));
    const config = detailConfig();
    const outcome = await htmlAdapter.fetch(config, h.context());

    expect(outcome.complete).toBe(false);
    expect(h.sourcePaths().filter((p) => p === '/openings/HIM-2288')).toHaveLength(2);
    const ids = outcome.documents.flatMap((d) =>
      htmlAdapter.parse(d.body, config, d.url).postings.map((p) => p.externalId),
    );
    expect(ids).toEqual(DETAIL_IDS.filter((id) => id !== 'HIM-2288'));
  });

  it('throws when every detail page fails', async () => {
    h.server.serve('/careers/openings', fixture('openings-page-1.html'), HTML);
    h.server.serve('/careers/openings?page=2', fixture('openings-page-2.html'), HTML);
    await expect(htmlAdapter.fetch(detailConfig(), h.context())).rejects.toBeInstanceOf(HttpError);
  });

  it('answers an unchanged first list page with notModified', async () => {
    serveSite({ etag: '"list-3"' });
    const config = listConfig();
    const outcome = await htmlAdapter.fetch(
      config,
      h.context(new Map([[config.url, { etag: '"list-3"', lastModified: null }]])),
    );
    expect(outcome).toMatchObject({ notModified: true, complete: false });
    expect(h.sourcePaths()).toEqual(['/careers/openings']);
  });

  it('stops at maxPages with a next link left, and does not follow a next link back to a read page', async () => {
    serveSite();
    const capped = await htmlAdapter.fetch(listConfig({ maxPages: 1 }), h.context());
    expect(capped).toMatchObject({ complete: false });
    expect(capped.documents).toHaveLength(1);

    h.server.serve(
      '/careers/openings?page=2',
      fixture('openings-page-1.html').replace('/careers/openings?page=2', '/careers/openings'),
      HTML,
    );
    const looped = await htmlAdapter.fetch(listConfig(), h.context());
    expect(looped).toMatchObject({ complete: true });
    expect(looped.documents).toHaveLength(2);
  });

  it('throws when the first list page is missing, and parse names an error page served with 200', async () => {
    await expect(htmlAdapter.fetch(listConfig(), h.context())).rejects.toMatchObject({ status: 404 });

    h.server.serve('/careers/openings', fixture('error-page.html'), HTML);
    const config = listConfig();
    const [document] = (await htmlAdapter.fetch(config, h.context())).documents;
    expect(() => htmlAdapter.parse(document.body, config, document.url)).toThrow(ParseError);
    expect(() => htmlAdapter.parse(document.body, config, document.url)).toThrow(
      /error page \("Access Denied"\)/,
    );
  });
});
