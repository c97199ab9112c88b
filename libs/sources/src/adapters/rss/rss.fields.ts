import { XMLBuilder } from 'fast-xml-parser';
import {
  asXmlList,
  localName,
  XML_ATTRIBUTE_PREFIX,
  xmlAttribute,
  xmlText,
  type XmlRecord,
} from '../shared/web-xml';

// Reading item elements by local name, whatever namespace prefix a feed chose: "content:encoded",
// "job:location" and a bare "location" are found alike. An unprefixed element wins over a prefixed
// one of the same name (an RSS <link> over an <atom:link>).

/** RSS 2.0 and RSS 1.0 items read alike; Atom entries name a few things differently (id, link href). */
export type FeedFormat = 'rss' | 'atom';

export function asItem(node: unknown): XmlRecord | null {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as XmlRecord) : null;
}

/** Every value of the first of `names` present in the item (names are local, case-insensitive). */
export function itemValues(item: XmlRecord, ...names: string[]): unknown[] {
  for (const name of names) {
    const wanted = name.toLowerCase();
    const keys = Object.keys(item).filter((key) => localName(key).toLowerCase() === wanted);
    keys.sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
    const values = keys.flatMap((key) => asXmlList(item[key]));
    if (values.length > 0) return values;
  }
  return [];
}

/** The text of the first of `names` that has any. */
export function itemText(item: XmlRecord, ...names: string[]): string | null {
  for (const name of names) {
    for (const value of itemValues(item, name)) {
      const text = xmlText(value);
      if (text !== null) return text;
    }
  }
  return null;
}

/** Texts of every element named by any of `names` (repeated <job:location>, <region>...). */
export function itemTexts(item: XmlRecord, ...names: string[]): string[] {
  const texts: string[] = [];
  for (const name of names) {
    for (const value of itemValues(item, name)) {
      const text = xmlText(value);
      if (text !== null && !texts.includes(text)) texts.push(text);
    }
  }
  return texts;
}

/** RSS <link>text</link>, or the Atom <link href> that is the entry's page (rel alternate or none). */
export function itemLink(item: XmlRecord): string | null {
  const links = itemValues(item, 'link');
  for (const link of links) {
    if (typeof link === 'string' && link.trim() !== '') return link.trim();
  }
  for (const link of links) {
    const rel = xmlAttribute(link, 'rel');
    const href = xmlAttribute(link, 'href');
    if (href && (rel === null || rel === 'alternate')) return href;
  }
  return null;
}

export interface ItemContent {
  text: string;
  format: 'html' | 'text';
}

const xhtmlWriter = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: XML_ATTRIBUTE_PREFIX });

/**
 * The fullest body an item has: content:encoded, then description (RSS), then content and summary
 * (Atom). Atom says how its text is encoded: type="text" is plain, "html" is escaped markup the XML
 * reader has already unescaped, "xhtml" is inline markup, written back out here.
 */
export function itemContent(item: XmlRecord): ItemContent | null {
  for (const name of ['encoded', 'description', 'content', 'summary']) {
    for (const value of itemValues(item, name)) {
      const type = xmlAttribute(value, 'type');
      const text = xmlText(value) ?? (type === 'xhtml' ? writeXhtml(value) : null);
      if (text === null) continue;
      return { text, format: type === 'text' ? 'text' : 'html' };
    }
  }
  return null;
}

function writeXhtml(node: unknown): string | null {
  const element = asItem(node);
  if (!element) return null;
  const children = Object.fromEntries(
    Object.entries(element).filter(([key]) => !key.startsWith(XML_ATTRIBUTE_PREFIX)),
  );
  const markup = String(xhtmlWriter.build(children)).trim();
  return markup === '' ? null : markup;
}
