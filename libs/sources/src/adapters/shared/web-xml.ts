import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { ParseError } from '../../parse-error';
import { looksBinary, looksLikeHtml, looksLikeJson } from './web-document-sniff';

// XML documents from the open web (feeds, sitemaps) are checked before they are read: the XML
// parser is lenient and would turn a truncated or broken feed into a plausible, partial object, and
// a partial feed read as complete would close every posting it lost.

export type XmlRecord = Record<string, unknown>;

/** Attribute keys carry this prefix in the parsed object ("@_href"). */
export const XML_ATTRIBUTE_PREFIX = '@_';

const BASE_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: XML_ATTRIBUTE_PREFIX,
  textNodeName: '#text',
  // Ids, zip codes and salaries stay strings exactly as written ("00123" is not 123).
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Feeds use HTML entities (&rsquo;, &nbsp;) that XML itself does not define.
  htmlEntities: true,
};

/**
 * Validates and parses an XML document, or throws a ParseError that says what the body was instead:
 * empty, binary, HTML (an error or login page), JSON, or XML broken at a given line.
 * `what` names the expected document in messages ("RSS or Atom feed", "sitemap").
 */
export function parseXmlDocument(
  kind: string,
  body: string,
  what: string,
  options: Partial<X2jOptions> = {},
): XmlRecord {
  if (body.trim() === '') throw new ParseError(kind, `expected an ${what} but the response is empty`);
  if (looksBinary(body)) throw new ParseError(kind, `expected an ${what} but the response is binary`);
  if (looksLikeHtml(body)) {
    throw new ParseError(
      kind,
      `expected an ${what} but the response is an HTML page (an error or login page?)`,
    );
  }
  if (looksLikeJson(body)) throw new ParseError(kind, `expected an ${what} but the response is JSON`);

  const text = body.replace(/^\uFEFF/, '');
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new ParseError(kind, `malformed XML in the ${what} at line ${line}, column ${col}: ${msg}`);
  }
  const parsed: unknown = new XMLParser({ ...BASE_OPTIONS, ...options }).parse(text);
  if (typeof parsed !== 'object' || parsed === null) {
    throw new ParseError(kind, `expected an ${what} but the XML has no root element`);
  }
  return parsed as XmlRecord;
}

/** The root element's name and content, skipping the XML declaration and processing instructions. */
export function xmlRoot(document: XmlRecord): { name: string; node: unknown } | null {
  for (const [name, node] of Object.entries(document)) {
    if (!name.startsWith('?') && !name.startsWith('#')) return { name, node };
  }
  return null;
}

/** The local part of a possibly prefixed element name: "content:encoded" -> "encoded". */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A node's text: the string itself, the text beside attributes, or the first of repeated elements. */
export function xmlText(node: unknown): string | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const text = xmlText(item);
      if (text !== null) return text;
    }
    return null;
  }
  if (typeof node === 'string') return node.trim() === '' ? null : node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (typeof node === 'object' && node !== null) return xmlText((node as XmlRecord)['#text']);
  return null;
}

export function xmlAttribute(node: unknown, name: string): string | null {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const value = (node as XmlRecord)[`${XML_ATTRIBUTE_PREFIX}${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function asXmlList(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}
