import { load, type CheerioAPI } from 'cheerio';
import { ParseError } from '../../parse-error';
import { looksBinary, looksLikeJson, xmlRootName } from './web-document-sniff';
import { cleanText } from './web-text';

// HTML pages from the open web: career pages and pages that embed JSON-LD. HTML parsers accept
// anything, so "malformed" here means the body is not a page at all (empty, binary, JSON, a feed) or
// is an error page served with status 200.

/** Loads an HTML page, or throws a ParseError naming what the body is instead. */
export function loadHtmlPage(kind: string, body: string): CheerioAPI {
  if (body.trim() === '') throw new ParseError(kind, 'expected an HTML page but the response is empty');
  if (looksBinary(body)) throw new ParseError(kind, 'expected an HTML page but the response is binary');
  if (looksLikeJson(body)) throw new ParseError(kind, 'expected an HTML page but the response is JSON');
  const root = xmlRootName(body);
  if (root && /^(rss|feed|rdf:RDF|urlset|sitemapindex)$/i.test(root)) {
    throw new ParseError(kind, `expected an HTML page but the response is an XML <${root}> document`);
  }
  return load(body);
}

// Words that title an error, block or challenge page. Only consulted when a page has none of the
// content we came for, so a job titled "Billing Error Resolution Specialist" is never mistaken.
const ERROR_TITLE =
  /\b(?:40[0-9]|50[0-9])\b|not found|page (?:does not|doesn't) exist|no longer (?:exists|available)|access denied|forbidden|unauthori[sz]ed|service unavailable|temporarily unavailable|internal server error|bad gateway|gateway time-?out|just a moment|attention required|are you a robot|captcha|^error\b|an error (?:has )?occurred/i;

/** The page's title when it reads like an error, block or challenge page; otherwise null. */
export function errorPageTitle($: CheerioAPI): string | null {
  const candidates = [$('title').first().text(), $('h1').first().text()];
  for (const candidate of candidates) {
    const text = cleanText(candidate);
    if (text && ERROR_TITLE.test(text)) return text;
  }
  return null;
}
