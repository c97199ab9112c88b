import type { ParseResult, RawPosting, RawSalary } from '../../raw-posting';
import { ParseError, parseJsonDocument } from '../../parse-error';
import { collectPostings } from '../shared/ats-collect';
import { toIsoTimestamp } from '../shared/ats-dates';
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
import { resolveUrl } from '../shared/web-url';
import type { HimalayasConfig } from './himalayas.config';
import { buildJobFilter } from './himalayas.filter';

const KIND = 'himalayas';

export const FILTERED_OUT_REASON = 'not a coding or billing job (keywords/categories filter)';

/** Reads one page of GET /jobs/api: { jobs: [...], totalCount, offset, limit }. */
export function parseHimalayas(
  body: string,
  config: Pick<HimalayasConfig, 'keywords' | 'categories'>,
): ParseResult {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (!root || !Array.isArray(root.jobs)) {
    const got = root
      ? `an object with keys ${Object.keys(root).slice(0, 8).join(', ') || '(none)'}`
      : 'no object';
    throw new ParseError(KIND, `expected a job list page with a "jobs" array, got ${got}`);
  }
  const keep = buildJobFilter(config);
  return collectPostings(
    asArray(root.jobs),
    { id: (job) => asId(job.guid), title: (job) => asString(job.title) },
    (job, externalId, title) =>
      keep({ title, categories: [...namesOf(job.categories), ...namesOf(job.parentCategories)] })
        ? toRawPosting(job, externalId, title)
        : { skip: FILTERED_OUT_REASON },
  );
}

function toRawPosting(job: JsonRecord, externalId: string, title: string): RawPosting {
  const description = asString(job.description);
  const excerpt = asString(job.excerpt);
  return {
    externalId,
    title,
    employer: asString(job.companyName),
    url: resolveUrl(asString(job.applicationLink)) ?? resolveUrl(externalId),
    description: description ?? excerpt,
    descriptionFormat: description ? 'html' : 'text',
    // Every Himalayas job is remote; where the candidate may live is the restriction list.
    locations: [],
    remote: true,
    workplaceType: 'remote',
    applicantLocations: namesOf(job.locationRestrictions),
    salary: salaryOf(job),
    employmentType: asString(job.employmentType),
    postedAt: epochToIso(job.pubDate),
    validThrough: epochToIso(job.expiryDate),
    extra: compactRecord({
      companySlug: asString(job.companySlug),
      seniority: asStringList(job.seniority),
      timezoneRestrictions: asArray(job.timezoneRestrictions)
        .map((tz) => (typeof tz === 'number' ? String(tz) : asString(tz)))
        .filter((tz): tz is string => tz !== null),
      categories: asStringList(job.categories),
      parentCategories: asStringList(job.parentCategories),
      excerpt: description ? excerpt : null,
    }),
  };
}

/** Names from a list of strings or of objects with a name ({ alpha2: "US", name: "United States" }). */
function namesOf(value: unknown): string[] {
  const names: string[] = [];
  for (const item of asArray(value)) {
    const name = asString(item) ?? asString(asRecord(item)?.name);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Pay is documented as annual; a salaryPeriod, when the API sends one, says otherwise. */
function salaryOf(job: JsonRecord): RawSalary | null {
  const min = asNumber(job.minSalary);
  const max = asNumber(job.maxSalary);
  if ((min === null || min <= 0) && (max === null || max <= 0)) return null;
  return {
    min: min !== null && min > 0 ? min : null,
    max: max !== null && max > 0 ? max : null,
    currency: asString(job.currency),
    unit: asString(job.salaryPeriod) ?? 'YEAR',
  };
}

/** Epoch seconds or milliseconds (both have been served); values below 1e11 cannot be milliseconds of this era. */
function epochToIso(value: unknown): string | null {
  const n = asNumber(value);
  if (n === null || n <= 0) return null;
  return toIsoTimestamp(n < 1e11 ? n * 1000 : n);
}
