import type { ParseResult, RawPosting, SkippedPosting } from '../../raw-posting';
import { ParseError } from '../../parse-error';
import { asXmlList, localName, parseXmlDocument, xmlRoot, type XmlRecord } from '../shared/web-xml';
import type { RssConfig } from './rss.config';
import type { FeedFormat } from './rss.fields';
import { readFeedItem } from './rss.item';

const KIND = 'rss';

// Elements that may repeat inside an item or entry are always arrays, so one item reads like many.
const REPEATABLE = new Set(['item', 'entry', 'category', 'link', 'location', 'joblocation', 'region']);

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed. `url` is the feed's own URL, for relative links.
 * A body that is not a well-formed feed (broken XML, an HTML page, another XML document) throws.
 */
export function parseRss(
  body: string,
  config: Pick<RssConfig, 'employerName' | 'titleFormat'>,
  url?: string,
): ParseResult {
  const document = parseXmlDocument(KIND, body, 'RSS or Atom feed', {
    isArray: (name) => REPEATABLE.has(localName(name)),
  });
  const { format, items } = feedItems(document);

  const postings: RawPosting[] = [];
  const skipped: SkippedPosting[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const read = readFeedItem(item, format, config, url ?? null);
    if ('reason' in read) {
      skipped.push(read);
    } else if (seen.has(read.externalId)) {
      skipped.push({ externalId: read.externalId, reason: 'item repeats an earlier guid in the feed' });
    } else {
      seen.add(read.externalId);
      postings.push(read);
    }
  }
  return { postings, skipped };
}

function feedItems(document: XmlRecord): { format: FeedFormat; items: unknown[] } {
  const root = xmlRoot(document);
  if (!root) throw new ParseError(KIND, 'expected an RSS or Atom feed but the XML has no root element');
  const node = asNode(root.node);
  switch (localName(root.name)) {
    case 'rss': {
      if (node.channel === undefined) throw new ParseError(KIND, 'the <rss> document has no <channel>');
      return { format: 'rss', items: asXmlList(asNode(asXmlList(node.channel)[0]).item) };
    }
    case 'RDF':
      return { format: 'rss', items: asXmlList(node.item) };
    case 'feed':
      return { format: 'atom', items: asXmlList(node.entry) };
    default:
      throw new ParseError(KIND, `expected an RSS or Atom feed but the root element is <${root.name}>`);
  }
}

function asNode(value: unknown): XmlRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlRecord) : {};
}
