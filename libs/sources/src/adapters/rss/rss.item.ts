import type { RawPosting, RawSalary, SkippedPosting } from '../../raw-posting';
import { toIsoTimestamp } from '../shared/ats-dates';
import { asBoolean, compactRecord } from '../shared/ats-json-fields';
import { locationsFromTexts } from '../shared/ats-location';
import { cleanInlineText, containsMarkup } from '../shared/web-text';
import { resolveUrl } from '../shared/web-url';
import { xmlAttribute, xmlText, type XmlRecord } from '../shared/web-xml';
import type { RssConfig } from './rss.config';
import {
  asItem,
  itemContent,
  itemLink,
  itemText,
  itemTexts,
  itemValues,
  type FeedFormat,
} from './rss.fields';
import { locationInTitle, splitTitle } from './rss.title';

// Job feeds extend RSS and Atom with their own elements, under any prefix. These local names are
// the ones seen in job feeds for the facts a posting needs.
const EMPLOYER_ELEMENTS = ['company', 'companyName', 'hiringOrganization', 'employer'];
const LOCATION_ELEMENTS = ['location', 'jobLocation', 'region'];
const EMPLOYMENT_TYPE_ELEMENTS = ['employmentType', 'jobType', 'type'];
const SALARY_ELEMENTS = ['salary', 'compensation', 'pay'];
const EXPIRY_ELEMENTS = ['validThrough', 'expires', 'expiryDate', 'expirationDate', 'closingDate'];
const POSTED_ELEMENTS = ['pubDate', 'published', 'date', 'updated'];

/** One feed item as a posting, or why it cannot be one. */
export function readFeedItem(
  node: unknown,
  format: FeedFormat,
  config: Pick<RssConfig, 'employerName' | 'titleFormat'>,
  feedUrl: string | null,
): RawPosting | SkippedPosting {
  const item = asItem(node);
  if (!item) return { externalId: null, reason: 'item is empty' };

  const link = resolveUrl(itemLink(item), feedUrl);
  const guid = itemText(item, format === 'atom' ? 'id' : 'guid');
  const externalId = guid ?? link;
  if (!externalId) return { externalId: null, reason: 'item has no guid, id or link' };
  const rawTitle = cleanInlineText(itemText(item, 'title'));
  if (!rawTitle) return { externalId, reason: 'item has no title' };

  const { title, employer: employerInTitle } = splitTitle(rawTitle, config.titleFormat);
  const content = itemContent(item);
  const locationTexts = itemTexts(item, ...LOCATION_ELEMENTS);
  const titleLocation = locationInTitle(title);

  return {
    externalId,
    title,
    employer: config.employerName ?? cleanInlineText(itemText(item, ...EMPLOYER_ELEMENTS)) ?? employerInTitle,
    url: link ?? permalinkGuid(item, guid),
    description: content?.text ?? null,
    descriptionFormat: content && content.format === 'html' && containsMarkup(content.text) ? 'html' : 'text',
    locations: [
      ...locationsFromTexts(locationTexts),
      ...(locationTexts.length === 0 ? addressLocation(item) : []),
      ...(locationTexts.length === 0 && titleLocation ? [{ text: titleLocation }] : []),
    ],
    remote: asBoolean(itemText(item, 'remote')),
    salary: salaryText(itemText(item, ...SALARY_ELEMENTS)),
    employmentType: itemText(item, ...EMPLOYMENT_TYPE_ELEMENTS),
    postedAt: toIsoTimestamp(itemText(item, ...POSTED_ELEMENTS)),
    validThrough: toIsoTimestamp(itemText(item, ...EXPIRY_ELEMENTS)),
    extra: compactRecord({
      categories: categories(item),
      author: cleanInlineText(itemText(item, 'creator') ?? authorName(itemValues(item, 'author')[0])),
      updatedAt: toIsoTimestamp(itemText(item, 'updated')),
    }),
  };
}

/** An RSS guid is the item's page unless it says isPermaLink="false". */
function permalinkGuid(item: XmlRecord, guid: string | null): string | null {
  const node = itemValues(item, 'guid')[0];
  if (xmlAttribute(node, 'isPermaLink') === 'false') return null;
  return resolveUrl(guid);
}

/** Separate <city>, <state>, <country> elements, as some job feeds write them. */
function addressLocation(item: XmlRecord): NonNullable<RawPosting['locations']> {
  const city = itemText(item, 'city');
  const state = itemText(item, 'state');
  const country = itemText(item, 'country');
  if (!city && !state && !country) return [];
  return [{ text: [city, state, country].filter(Boolean).join(', '), city, state, country }];
}

/** Atom <author><name>, or RSS <author> text ("jobs@example.org (Talent Team)"). */
function authorName(node: unknown): string | null {
  return xmlText(asItem(node)?.name) ?? (typeof node === 'string' ? xmlText(node) : null);
}

function salaryText(text: string | null): RawSalary | null {
  return text ? { text } : null;
}

/** Category texts (RSS) or terms (Atom); "-" and blanks, which aggregators emit, are dropped. */
function categories(item: XmlRecord): string[] {
  const out: string[] = [];
  for (const node of itemValues(item, 'category')) {
    const text = cleanInlineText(xmlText(node) ?? xmlAttribute(node, 'term') ?? xmlAttribute(node, 'label'));
    if (text && /[A-Za-z0-9]/.test(text) && !out.includes(text)) out.push(text);
  }
  return out;
}
