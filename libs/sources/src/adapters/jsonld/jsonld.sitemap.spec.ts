import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { jsonldAdapter } from './index';
import { looksLikeSitemap, parseSitemap } from './jsonld.sitemap';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/jsonld', name), 'utf8');

describe('parseSitemap', () => {
  it('reads a sitemap index', () => {
    expect(parseSitemap(fixture('sitemap-index.xml'))).toEqual({
      kind: 'index',
      sitemaps: [
        {
          loc: 'https://careers.northpine.example.org/sitemaps/jobs-1.xml',
          lastmod: '2026-05-12T06:00:00+00:00',
        },
        { loc: 'https://careers.northpine.example.org/sitemaps/archive-index.xml', lastmod: null },
      ],
    });
  });

  it('reads a urlset with one or many urls', () => {
    expect(parseSitemap(fixture('sitemap-jobs-1.xml'))).toMatchObject({
      kind: 'urlset',
      pages: [
        { loc: 'https://careers.northpine.example.org/jobs/1001', lastmod: '2026-05-04' },
        { loc: 'https://careers.northpine.example.org/jobs/1002', lastmod: '2026-05-06' },
        { loc: 'https://careers.northpine.example.org/about-us', lastmod: null },
      ],
    });
    expect(parseSitemap(fixture('sitemap-jobs-2.xml'))).toEqual({
      kind: 'urlset',
      pages: [{ loc: 'https://careers.northpine.example.org/jobs/1003', lastmod: null }],
    });
  });

  it('resolves relative locations and drops unusable ones', () => {
    const body =
      '<urlset><url><loc>/jobs/7</loc></url><url><loc>mailto:hr@x.example</loc></url><url/></urlset>';
    expect(parseSitemap(body, 'https://x.example/sitemap.xml')).toEqual({
      kind: 'urlset',
      pages: [{ loc: 'https://x.example/jobs/7', lastmod: null }],
    });
  });

  it('throws a ParseError for malformed XML, an HTML page and another XML document', () => {
    expect(() => parseSitemap(fixture('sitemap-malformed.xml'))).toThrow(ParseError);
    expect(() => parseSitemap(fixture('sitemap-malformed.xml'))).toThrow(
      /malformed XML in the XML sitemap at line/,
    );
    expect(() => parseSitemap(fixture('error-page.html'))).toThrow(/response is an HTML page/);
    expect(() => parseSitemap('<rss version="2.0"><channel/></rss>')).toThrow(/root element is <rss>/);
  });

  it('tells a sitemap from a page', () => {
    expect(looksLikeSitemap(fixture('sitemap-index.xml'))).toBe(true);
    expect(looksLikeSitemap('<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?><urlset>')).toBe(true);
    expect(looksLikeSitemap(fixture('job-detail.html'))).toBe(false);
  });
});

describe('jsonld config', () => {
  it('needs urls or a sitemap and a valid urlPattern', () => {
    expect(jsonldAdapter.configSchema.safeParse({}).success).toBe(false);
    const bad = jsonldAdapter.configSchema.safeParse({
      sitemapUrl: 'https://x.example/s.xml',
      urlPattern: '/jobs/(',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['urlPattern']);
    expect(jsonldAdapter.configSchema.parse({ sitemapUrl: 'https://x.example/s.xml' })).toMatchObject({
      urls: [],
      maxPages: 500,
    });
  });
});
