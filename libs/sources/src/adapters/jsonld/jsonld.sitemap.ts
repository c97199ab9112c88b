import { ParseError } from '../../parse-error';
import { resolveUrl } from '../shared/web-url';
import { asXmlList, localName, parseXmlDocument, xmlRoot, xmlText, type XmlRecord } from '../shared/web-xml';

// Sitemaps (sitemaps.org 0.9): a <urlset> lists pages, a <sitemapindex> lists further sitemaps.
// Pure reading only; following the index is the fetch step's job.

const KIND = 'jsonld';

export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

export type Sitemap = { kind: 'index'; sitemaps: SitemapEntry[] } | { kind: 'urlset'; pages: SitemapEntry[] };

/** Reads a sitemap or sitemap index; locations are resolved against the sitemap's own URL. */
export function parseSitemap(body: string, sitemapUrl?: string): Sitemap {
  const document = parseXmlDocument(KIND, body, 'XML sitemap', {
    removeNSPrefix: true,
    isArray: (name) => name === 'url' || name === 'sitemap',
  });
  const root = xmlRoot(document);
  const node = (typeof root?.node === 'object' && root.node !== null ? root.node : {}) as XmlRecord;
  switch (root ? localName(root.name) : null) {
    case 'sitemapindex':
      return { kind: 'index', sitemaps: entries(node.sitemap, sitemapUrl) };
    case 'urlset':
      return { kind: 'urlset', pages: entries(node.url, sitemapUrl) };
    default:
      throw new ParseError(
        KIND,
        `expected a sitemap (<urlset> or <sitemapindex>) but the root element is <${root?.name ?? 'none'}>`,
      );
  }
}

/** True when a body is a sitemap rather than a page (the fetch step returns the sitemap too). */
export function looksLikeSitemap(body: string): boolean {
  return /^(?:\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:[\w-]+:)?(?:urlset|sitemapindex)[\s>]/.test(
    body.slice(0, 4096),
  );
}

function entries(list: unknown, base?: string): SitemapEntry[] {
  const out: SitemapEntry[] = [];
  for (const item of asXmlList(list)) {
    const record = (typeof item === 'object' && item !== null ? item : {}) as XmlRecord;
    const loc = resolveUrl(xmlText(record.loc), base);
    if (loc) out.push({ loc, lastmod: xmlText(record.lastmod) });
  }
  return out;
}
