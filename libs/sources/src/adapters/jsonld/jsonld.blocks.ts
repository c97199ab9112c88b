import type { CheerioAPI } from 'cheerio';
import { asRecord, asString, type JsonRecord } from '../shared/ats-json-fields';
import { hasType, type NodeIndex } from './jsonld.values';

// Finding JobPosting objects in a page's JSON-LD. They come as a single object, an array, inside
// "@graph", nested in an ItemList (listing pages: itemListElement -> ListItem -> item), or as one
// of several types ("@type": ["JobPosting", "Thing"]). Every node with an "@id" is indexed so
// references ({ "@id": "#org" }) can be followed.

export interface JsonLdScan {
  /** JobPosting nodes in page order. */
  postings: JsonRecord[];
  index: NodeIndex;
  /** Script blocks that were not JSON even after repair; the rest of the page is still read. */
  invalidBlocks: number;
}

/** Nesting deeper than this is not a real page's JSON-LD. */
const MAX_DEPTH = 16;

export function scanJsonLd($: CheerioAPI): JsonLdScan {
  const postings: JsonRecord[] = [];
  const index = new Map<string, JsonRecord>();
  let invalidBlocks = 0;

  $('script').each((_, element) => {
    const type = $(element).attr('type')?.trim().toLowerCase() ?? '';
    if (!type.startsWith('application/ld+json')) return;
    const data = readBlock($(element).text());
    if (data === undefined) {
      invalidBlocks++;
      return;
    }
    walk(data, 0, postings, index);
  });
  return { postings, index, invalidBlocks };
}

/** A block's JSON, tolerating the wrappers and raw line breaks that real pages put in it. */
function readBlock(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Control characters (a description pasted with its line breaks) are the common breakage;
    // outside strings they were whitespace anyway.
    try {
      // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function walk(value: unknown, depth: number, postings: JsonRecord[], index: Map<string, JsonRecord>): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, depth + 1, postings, index);
    return;
  }
  const node = asRecord(value);
  if (!node) return;
  const id = asString(node['@id']);
  if (id && Object.keys(node).some((key) => key !== '@id' && key !== '@type')) index.set(id, node);
  if (hasType(node, 'JobPosting')) {
    postings.push(node);
    // A posting's own properties are read by the mapper; only @id targets inside it are indexed.
    indexNested(node, depth + 1, index);
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key !== '@context') walk(child, depth + 1, postings, index);
  }
}

function indexNested(value: unknown, depth: number, index: Map<string, JsonRecord>): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  for (const child of Object.values(value)) {
    const node = asRecord(child);
    const id = asString(node?.['@id']);
    if (node && id && Object.keys(node).some((key) => key !== '@id' && key !== '@type')) index.set(id, node);
    indexNested(child, depth + 1, index);
  }
}
