import { robotsTxt, sitemapIndex, urlSet, xmlEscape } from './sitemap-xml';

describe('sitemaps', () => {
  it('escapes every value', () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(
      urlSet([{ loc: 'https://x.example/jobs?a=1&b=2', lastmod: '2026-12-01T00:00:00.000Z' }]),
    ).toContain(
      '<url><loc>https://x.example/jobs?a=1&amp;b=2</loc><lastmod>2026-12-01T00:00:00.000Z</lastmod></url>',
    );
  });

  it('writes an index of sitemaps and a robots.txt naming it', () => {
    expect(sitemapIndex(['https://x.example/sitemaps/pages.xml'])).toContain(
      '<sitemap><loc>https://x.example/sitemaps/pages.xml</loc></sitemap>',
    );
    expect(robotsTxt('https://x.example')).toContain('Sitemap: https://x.example/sitemap.xml');
  });
});
