import { HttpError } from '#http';
import { getAdapter, ParseError } from '#sources';
import { rssAdapter } from '#sources/testing';
import { sourceFixture, useSourceHarness, WEB_CLIENT } from './source-harness';

// The RSS/Atom adapter against a real local HTTP server, through the real polite client.

const fixture = (name: string) => sourceFixture('rss', name);

describe('rss source over HTTP', () => {
  const h = useSourceHarness(WEB_CLIENT);
  const configFor = (path: string, extra: Record<string, unknown> = {}) =>
    rssAdapter.configSchema.parse({ url: `${h.server.origin}${path}`, ...extra });

  it('is registered under its kind', () => {
    expect(getAdapter('rss')).toBe(rssAdapter);
  });

  it('fetches an RSS feed in one request and resolves relative links against the served URL', async () => {
    h.server.serve(
      '/feeds/coding.rss',
      fixture('coding-board.rss.xml'),
      'application/rss+xml; charset=utf-8',
    );
    const config = configFor('/feeds/coding.rss', { titleFormat: 'employer-colon-title' });
    const outcome = await rssAdapter.fetch(config, h.context());

    expect(outcome).toMatchObject({ complete: true, notModified: false });
    expect(h.sourceRequests().map((r) => r.path)).toEqual(['/feeds/coding.rss']);
    expect(h.sourceRequests()[0].headers.accept).toMatch(/application\/rss\+xml/);
    const [document] = outcome.documents;
    const { postings, skipped } = rssAdapter.parse(document.body, config, document.url);
    expect(postings).toHaveLength(4);
    expect(skipped).toHaveLength(3);
    expect(postings.find((p) => p.externalId === 'cb-48199')?.url).toBe(
      `${h.server.origin}/jobs/48199-oasis-coding-specialist`,
    );
  });

  it('reads an Atom feed', async () => {
    h.server.serve('/feeds/him.atom', fixture('employer-careers.atom.xml'), 'application/atom+xml');
    const config = configFor('/feeds/him.atom', { employerName: 'Prairie Crossing Hospitals' });
    const [document] = (await rssAdapter.fetch(config, h.context())).documents;
    const { postings } = rssAdapter.parse(document.body, config, document.url);
    expect(postings.map((p) => p.url)).toEqual([
      `${h.server.origin}/jobs/HIM-2291`,
      'https://careers.prairiecrossing.example.org/jobs/HIM-2288',
      `${h.server.origin}/jobs/HIM-2279`,
    ]);
  });

  it('sends the stored validators and reports an unchanged feed as notModified', async () => {
    h.server.serve('/feeds/coding.rss', fixture('coding-board.rss.xml'), 'application/rss+xml', {
      etag: 'W/"feed-42"',
    });
    const config = configFor('/feeds/coding.rss');
    const validators = new Map([[config.url, { etag: 'W/"feed-42"', lastModified: null }]]);
    const outcome = await rssAdapter.fetch(config, h.context(validators));

    expect(outcome).toMatchObject({ notModified: true, complete: false });
    expect(outcome.documents).toEqual([
      expect.objectContaining({ notModified: true, body: '', etag: 'W/"feed-42"' }),
    ]);
    expect(h.sourceRequests()[0].headers['if-none-match']).toBe('W/"feed-42"');
  });

  it('fetches malformed XML and an HTML page, and parse names what is wrong with each', async () => {
    h.server.serve('/feeds/broken.rss', fixture('malformed.rss.xml'), 'application/rss+xml');
    h.server.serve('/feeds/moved.rss', fixture('error-page.html'), 'text/html; charset=utf-8');

    const broken = configFor('/feeds/broken.rss');
    const [brokenDoc] = (await rssAdapter.fetch(broken, h.context())).documents;
    expect(() => rssAdapter.parse(brokenDoc.body, broken, brokenDoc.url)).toThrow(ParseError);
    expect(() => rssAdapter.parse(brokenDoc.body, broken, brokenDoc.url)).toThrow(
      /at line 9, column 5: Expected closing tag 'description'/,
    );

    const moved = configFor('/feeds/moved.rss');
    const [movedDoc] = (await rssAdapter.fetch(moved, h.context())).documents;
    expect(() => rssAdapter.parse(movedDoc.body, moved, movedDoc.url)).toThrow(/response is an HTML page/);
  });

  it('throws when the feed cannot be fetched', async () => {
    const outcome = rssAdapter.fetch(configFor('/feeds/missing.rss'), h.context());
    await expect(outcome).rejects.toBeInstanceOf(HttpError);
    await expect(outcome).rejects.toMatchObject({ status: 404 });
  });
});
