import type { ParseResult, RawPosting, SkippedPosting } from '../../raw-posting';
import { ParseError } from '../../parse-error';
import { errorPageTitle, loadHtmlPage } from '../shared/web-html-page';
import { resolveUrl, withoutFragment } from '../shared/web-url';
import type { JsonLdParseConfig } from './jsonld.config';
import { scanJsonLd } from './jsonld.blocks';
import { identifierOf, titleOf, toRawPosting } from './jsonld.posting';
import { looksLikeSitemap, parseSitemap } from './jsonld.sitemap';

const KIND = 'jsonld';

export const INVALID_BLOCK_REASON = 'invalid JSON-LD block';

/**
 * Reads the schema.org JobPosting objects a page embeds as JSON-LD. `url` is the page's URL: it
 * resolves relative links and names postings that carry no identifier of their own.
 * A page without any JobPosting yields no postings (the job was taken down, or the page is not a
 * job page); a page that is not HTML, or is an error page, throws. The sitemap a run started from
 * is returned by fetch as well, so its validators are kept; it yields no postings.
 */
export function parseJsonLd(body: string, config: JsonLdParseConfig, url?: string): ParseResult {
  if (looksLikeSitemap(body)) {
    parseSitemap(body, url);
    return { postings: [], skipped: [] };
  }
  const $ = loadHtmlPage(KIND, body);
  const pageUrl = url ? (resolveUrl(url) ?? url) : null;
  const scan = scanJsonLd($);

  const skipped: SkippedPosting[] = Array.from({ length: scan.invalidBlocks }, () => ({
    externalId: null,
    reason: INVALID_BLOCK_REASON,
  }));
  if (scan.postings.length === 0) {
    const errorTitle = errorPageTitle($);
    if (errorTitle) throw new ParseError(KIND, `the page is an error page ("${errorTitle}"), not a job page`);
    return { postings: [], skipped };
  }

  const postings: RawPosting[] = [];
  const seen = new Set<string>();
  scan.postings.forEach((node, position) => {
    const externalId = identifierOf(node, scan.index) ?? fallbackId(node.url, pageUrl, position);
    const title = titleOf(node);
    if (!externalId) {
      skipped.push({ externalId: null, reason: 'JobPosting has no identifier, url or page URL' });
    } else if (!title) {
      skipped.push({ externalId, reason: 'JobPosting has no title' });
    } else if (seen.has(externalId)) {
      skipped.push({ externalId, reason: 'JobPosting repeats an identifier on the page' });
    } else {
      seen.add(externalId);
      postings.push(
        toRawPosting(node, externalId, title, {
          index: scan.index,
          pageUrl,
          employerName: config.employerName,
        }),
      );
    }
  });
  return { postings, skipped };
}

/**
 * Without an identifier, the posting's own url names it; failing that, the page URL and the
 * posting's position on the page ("https://.../jobs/123#0").
 */
function fallbackId(postingUrl: unknown, pageUrl: string | null, position: number): string | null {
  const own = typeof postingUrl === 'string' ? resolveUrl(postingUrl, pageUrl) : null;
  if (own) return own;
  return pageUrl ? `${withoutFragment(pageUrl)}#${position}` : null;
}
