// Sitemaps (sitemaps.org 0.9) written as text: a handful of elements, every value escaped.

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

export function urlSet(urls: SitemapUrl[]): string {
  const items = urls.map(
    (u) =>
      `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlEscape(u.lastmod)}</lastmod>` : ''}</url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</urlset>\n`
  );
}

export function sitemapIndex(locs: string[]): string {
  const items = locs.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`
  );
}

/** Listing sitemaps are split by the first hex digit of the id: 16 stable parts, each well under 50,000. */
export const LISTING_SITEMAP_PARTS = '0123456789abcdef'.split('');

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    // Personal pages and the API are not for search engines; filtered searches carry noindex.
    'Disallow: /profile',
    'Disallow: /matches',
    'Disallow: /api/',
    'Allow: /',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
