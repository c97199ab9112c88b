import type { ParseResult, RawPosting, RawSalary } from '../../raw-posting';
import { ParseError, parseJsonDocument } from '../../parse-error';
import { collectPostings } from '../shared/ats-collect';
import { toIsoTimestamp } from '../shared/ats-dates';
import { escapeHtmlText } from '../shared/ats-html';
import {
  asArray,
  asId,
  asNumber,
  asRecord,
  asString,
  asStringList,
  compactRecord,
  type JsonRecord,
} from '../shared/ats-json-fields';
import { locationsFromTexts } from '../shared/ats-location';
import type { LeverParseConfig } from './lever.config';

const KIND = 'lever';

/** Reads a postings page (a JSON array) or one posting (GET /v0/postings/{site}/{id}). */
export function parseLever(body: string, config: LeverParseConfig): ParseResult {
  const root = parseJsonDocument(KIND, body);
  const single = asRecord(root);
  const isSinglePosting = single !== null && single.id !== undefined && 'text' in single;
  const items = Array.isArray(root) ? root : isSinglePosting ? [single] : null;
  if (!items) throw new ParseError(KIND, 'expected a postings array or one posting object');

  return collectPostings(
    items,
    { id: (posting) => asId(posting.id), title: (posting) => asString(posting.text) },
    (posting, id, title) => toRawPosting(posting, id, title, config.employerName ?? null),
  );
}

function toRawPosting(
  posting: JsonRecord,
  externalId: string,
  title: string,
  employer: string | null,
): RawPosting {
  const categories = asRecord(posting.categories) ?? {};
  const country = asString(posting.country);
  const allLocations = asStringList(categories.allLocations);
  const workplaceType = asString(posting.workplaceType);
  const known = workplaceType && workplaceType !== 'unspecified' ? workplaceType : null;
  const description = describe(posting);

  return {
    externalId,
    title,
    employer,
    url: asString(posting.hostedUrl),
    description: description.text,
    descriptionFormat: description.format,
    locations: locationsFromTexts(
      allLocations.length > 0 ? allLocations : [asString(categories.location)],
      country,
    ),
    remote: known === null ? null : known === 'remote',
    workplaceType: known,
    salary: salary(posting),
    employmentType: asString(categories.commitment),
    department: asString(categories.department) ?? asString(categories.team),
    postedAt: toIsoTimestamp(posting.createdAt),
    validThrough: null,
    extra: compactRecord({
      team: asString(categories.team),
      country,
      applyUrl: asString(posting.applyUrl),
    }),
  };
}

/**
 * Lever splits the ad into the description, titled lists (where requirements such as "CPC required"
 * usually sit) and a closing section; the normalizer needs all of it, in the order a reader sees it.
 */
function describe(posting: JsonRecord): { text: string | null; format: 'html' | 'text' } {
  const html = asString(posting.description);
  if (html === null) return { text: asString(posting.descriptionPlain), format: 'text' };
  const parts = [html];
  for (const item of asArray(posting.lists)) {
    const list = asRecord(item);
    const heading = asString(list?.text);
    const content = asString(list?.content);
    if (heading) parts.push(`<h3>${escapeHtmlText(heading)}</h3>`);
    if (content) parts.push(`<ul>${content}</ul>`);
  }
  const additional = asString(posting.additional);
  if (additional) parts.push(additional);
  return { text: parts.join('\n'), format: 'html' };
}

function salary(posting: JsonRecord): RawSalary | null {
  const range = asRecord(posting.salaryRange);
  const text = asString(posting.salaryDescriptionPlain);
  const min = asNumber(range?.min);
  const max = asNumber(range?.max);
  if (min === null && max === null && text === null) return null;
  return { min, max, currency: asString(range?.currency), unit: asString(range?.interval), text };
}
