import type { ParseResult, RawLocation, RawPosting, RawSalary, SkippedPosting } from '../../raw-posting';
import { ParseError, parseJsonDocument } from '../../parse-error';
import { toIsoTimestamp } from '../shared/ats-dates';
import { escapeHtmlText } from '../shared/ats-html';
import {
  asArray,
  asBoolean,
  asId,
  asNumber,
  asRecord,
  asString,
  compactRecord,
  readPostingKey,
  type JsonRecord,
} from '../shared/ats-json-fields';
import type { SmartRecruitersParseConfig } from './smartrecruiters.config';

const KIND = 'smartrecruiters';
const PUBLIC_HOST = 'https://jobs.smartrecruiters.com';
/** The order the job ad's sections read in on the careers site. */
const SECTION_ORDER = ['companyDescription', 'jobDescription', 'qualifications', 'additionalInformation'];

type Config = SmartRecruitersParseConfig;

/**
 * Reads a postings list page ({ totalFound, content: [...] }) or one posting's detail.
 *
 * A list page yields no postings, only the entries it cannot use: its entries lack the job ad, and
 * the ingestion keeps the first posting it sees per externalId, so a thin list copy would both hide
 * the detail fetched after it and, when that detail failed, overwrite the full version stored by an
 * earlier run. Each entry's detail document carries the posting.
 */
export function parseSmartRecruiters(body: string, config: Config): ParseResult {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (!root) throw new ParseError(KIND, 'expected a postings list or one posting object');
  if (Array.isArray(root.content)) return { postings: [], skipped: unusableListEntries(root.content) };
  if (root.id === undefined || !('name' in root)) {
    throw new ParseError(KIND, 'expected a postings list ({ "content": [...] }) or one posting object');
  }
  const key = readPostingKey(root, asId(root.id), asString(root.name));
  if (!key.ok) return { postings: [], skipped: [key.skip] };
  return { postings: [toRawPosting(key.record, key.externalId, key.title, config)], skipped: [] };
}

/**
 * The entries of a postings list page as thin postings (no job ad): what the company lists, for an
 * operator reading a saved page. Null for a detail document. Never ingested (see
 * parseSmartRecruiters).
 */
export function smartrecruitersListEntries(body: string, config: Config): RawPosting[] | null {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (!root || !Array.isArray(root.content)) return null;
  return root.content.flatMap((entry) => {
    const record = asRecord(entry);
    const key = readPostingKey(record, asId(record?.id), asString(record?.name));
    return key.ok ? [toRawPosting(key.record, key.externalId, key.title, config)] : [];
  });
}

/** List entries without an id never get a detail request, so they are counted here. */
function unusableListEntries(entries: unknown[]): SkippedPosting[] {
  const skipped: SkippedPosting[] = [];
  for (const entry of entries) {
    const record = asRecord(entry);
    if (!record) skipped.push({ externalId: null, reason: 'posting is not an object' });
    else if (!asId(record.id)) skipped.push({ externalId: null, reason: 'posting has no id' });
  }
  return skipped;
}

function toRawPosting(posting: JsonRecord, externalId: string, title: string, config: Config): RawPosting {
  const company = asRecord(posting.company);
  const location = asRecord(posting.location);
  const remote = asBoolean(location?.remote);
  const hybrid = asBoolean(location?.hybrid);
  const customFields = readCustomFields(posting.customField);
  const companyId = asString(company?.identifier) ?? config.companyId;
  const active = asBoolean(posting.active);

  return {
    externalId,
    title,
    employer: config.employerName ?? asString(company?.name),
    url:
      asString(posting.postingUrl) ??
      (companyId
        ? `${PUBLIC_HOST}/${encodeURIComponent(companyId)}/${encodeURIComponent(externalId)}`
        : null),
    description: jobAdHtml(posting.jobAd),
    descriptionFormat: 'html',
    locations: location ? [toLocation(location)] : [],
    remote,
    workplaceType: remote ? 'remote' : hybrid ? 'hybrid' : remote === false ? 'onsite' : null,
    salary: customFieldSalary(customFields),
    employmentType: label(posting.typeOfEmployment),
    department: label(posting.department) ?? label(posting.function),
    postedAt: toIsoTimestamp(posting.releasedDate),
    validThrough: null,
    ...(active === false ? { closed: true } : {}),
    extra: compactRecord({
      refNumber: asString(posting.refNumber),
      uuid: asString(posting.uuid),
      function: label(posting.function),
      experienceLevel: label(posting.experienceLevel),
      industry: label(posting.industry),
      applyUrl: asString(posting.applyUrl),
      visibility: asString(posting.visibility),
      language: asString(asRecord(posting.language)?.code),
      customFields: Object.keys(customFields).length > 0 ? customFields : null,
    }),
  };
}

/** A remote posting's city is often the word "Remote"; that is not a place. */
function toLocation(location: JsonRecord): RawLocation {
  const city = asString(location.city);
  const country = asString(location.country);
  return {
    text: asString(location.fullLocation),
    city: city && !/^remote$/i.test(city) ? city : null,
    state: asString(location.region),
    postalCode: asString(location.postalCode),
    country: country ? country.toUpperCase() : null,
    lat: asNumber(location.latitude),
    lon: asNumber(location.longitude),
  };
}

/** The job ad's sections as one HTML document, each under its own heading. */
function jobAdHtml(jobAd: unknown): string | null {
  const sections = asRecord(asRecord(jobAd)?.sections);
  if (!sections) return null;
  const keys = [...SECTION_ORDER, ...Object.keys(sections).filter((k) => !SECTION_ORDER.includes(k))];
  const parts: string[] = [];
  for (const key of keys) {
    const section = asRecord(sections[key]);
    const text = asString(section?.text);
    if (!text) continue;
    const heading = asString(section?.title);
    parts.push(heading ? `<h3>${escapeHtmlText(heading)}</h3>\n${text}` : text);
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

function label(value: unknown): string | null {
  const record = asRecord(value);
  return asString(record?.label) ?? asString(record?.id);
}

function readCustomFields(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of asArray(value)) {
    const field = asRecord(item);
    const name = asString(field?.fieldLabel);
    const text = asString(field?.valueLabel);
    if (name && text) out[name] = text;
  }
  return out;
}

/** Employers that publish pay on SmartRecruiters do it in a custom field ("Pay Range": "$24 - $29/hr"). */
function customFieldSalary(fields: Record<string, string>): RawSalary | null {
  const name = Object.keys(fields).find((key) => /pay|salary|compensation|wage/i.test(key));
  return name ? { text: fields[name] } : null;
}
