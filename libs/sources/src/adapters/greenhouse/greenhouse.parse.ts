import type { ParseResult, RawPosting, RawSalary } from '../../raw-posting';
import { ParseError, parseJsonDocument } from '../../parse-error';
import { collectPostings } from '../shared/ats-collect';
import { toIsoTimestamp } from '../shared/ats-dates';
import { looksEscapedHtml, unescapeHtml } from '../shared/ats-html';
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
import type { GreenhouseParseConfig } from './greenhouse.config';

const KIND = 'greenhouse';

/**
 * Reads a Job Board API response: the board's job list ({ jobs: [...], meta }) or one job object
 * (GET /v1/boards/{token}/jobs/{id}).
 */
export function parseGreenhouse(body: string, config: GreenhouseParseConfig): ParseResult {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (!root) throw new ParseError(KIND, 'expected a JSON object with a "jobs" array or one job');
  const items = Array.isArray(root.jobs) ? root.jobs : isSingleJob(root) ? [root] : null;
  if (!items) throw new ParseError(KIND, 'expected a board response ({ "jobs": [...] }) or one job object');

  return collectPostings(
    items,
    { id: (job) => asId(job.id), title: (job) => asString(job.title) },
    (job, id, title) => toRawPosting(job, id, title, config),
  );
}

function isSingleJob(root: JsonRecord): boolean {
  return root.id !== undefined && (root.title !== undefined || root.absolute_url !== undefined);
}

function toRawPosting(
  job: JsonRecord,
  externalId: string,
  title: string,
  config: GreenhouseParseConfig,
): RawPosting {
  const metadata = readMetadata(job.metadata);
  const offices = asArray(job.offices).map(asRecord);
  const departments = asArray(job.departments)
    .map((d) => asString(asRecord(d)?.name))
    .filter((name): name is string => name !== null);
  const content = asString(job.content);

  return {
    externalId,
    title,
    employer: config.employerName ?? asString(job.company_name),
    url: asString(job.absolute_url),
    description: content === null ? null : looksEscapedHtml(content) ? unescapeHtml(content) : content,
    descriptionFormat: 'html',
    locations: locationsFromTexts(
      locationTexts(
        asString(asRecord(job.location)?.name),
        offices.map((office) => asString(office?.location) ?? asString(office?.name)),
      ),
    ),
    remote: metadataFlag(metadata, /remote/i),
    workplaceType: metadataText(metadata, /workplace|remote|work (arrangement|model|location type)/i),
    applicantLocations: metadataList(metadata, /states|residen/i),
    salary: payRange(job.pay_input_ranges) ?? metadataSalary(metadata),
    employmentType: metadataText(metadata, /employment type|job type|time type|schedule/i),
    department: departments[0] ?? null,
    postedAt: toIsoTimestamp(job.first_published) ?? toIsoTimestamp(job.updated_at),
    validThrough: null,
    extra: compactRecord({
      requisitionId: asString(job.requisition_id),
      internalJobId: asId(job.internal_job_id),
      updatedAt: toIsoTimestamp(job.updated_at),
      departments,
      offices: offices.map((office) => asString(office?.name)).filter((name) => name !== null),
      metadata: metadata.length > 0 ? Object.fromEntries(metadata.map((m) => [m.name, m.value])) : null,
      payRanges: asArray(job.pay_input_ranges).length > 1 ? job.pay_input_ranges : null,
      language: asString(job.language),
    }),
  };
}

/**
 * location.name is the board's headline ("Dallas, TX", "Remote - must reside in TX or OK"); offices
 * name each site. A headline that lists sites ("Tulsa, OK; Little Rock, AR") gives way to the offices;
 * otherwise it leads, and offices it already mentions are not repeated.
 */
function locationTexts(headline: string | null, officeTexts: (string | null)[]): (string | null)[] {
  const offices = officeTexts.filter((text): text is string => text !== null);
  if (!headline) return offices;
  if (/[;|]/.test(headline) && offices.length > 0) return offices;
  const lower = headline.toLowerCase();
  return [headline, ...offices.filter((text) => !lower.includes(text.toLowerCase()))];
}

interface MetadataField {
  name: string;
  value: unknown;
}

/** Custom fields the employer defined ("Employment Type", "Pay Range"...), with their values. */
function readMetadata(value: unknown): MetadataField[] {
  const out: MetadataField[] = [];
  for (const item of asArray(value)) {
    const field = asRecord(item);
    const name = asString(field?.name);
    if (!field || !name || field.value === null || field.value === undefined || field.value === '') continue;
    out.push({ name, value: field.value });
  }
  return out;
}

/** A text or select field's value; yes/no fields say nothing about a type, so they are left out. */
function metadataText(metadata: MetadataField[], name: RegExp): string | null {
  const field = metadata.find((m) => name.test(m.name) && typeof m.value !== 'boolean');
  if (!field) return null;
  if (Array.isArray(field.value)) return asStringList(field.value).join(', ') || null;
  return asString(field.value);
}

/** A yes/no field such as "Remote Eligible". */
function metadataFlag(metadata: MetadataField[], name: RegExp): boolean | null {
  const field = metadata.find((m) => name.test(m.name) && typeof m.value === 'boolean');
  return field ? (field.value as boolean) : null;
}

/** A multi-select field such as "Eligible States": where applicants may live. */
function metadataList(metadata: MetadataField[], name: RegExp): string[] {
  const field = metadata.find((m) => name.test(m.name) && Array.isArray(m.value));
  return field ? asStringList(field.value) : [];
}

/** Pay-transparency ranges come in cents; the first range is the headline one. */
function payRange(value: unknown): RawSalary | null {
  const range = asRecord(asArray(value)[0]);
  if (!range) return null;
  const min = asNumber(range.min_cents);
  const max = asNumber(range.max_cents);
  if (min === null && max === null) return null;
  return {
    min: min === null ? null : min / 100,
    max: max === null ? null : max / 100,
    currency: asString(range.currency_type),
    unit: null,
    text: asString(range.title),
  };
}

/** A currency or currency_range custom field named like pay, salary or compensation. */
function metadataSalary(metadata: MetadataField[]): RawSalary | null {
  const field = metadata.find((m) => /pay|salary|compensation|wage/i.test(m.name));
  if (!field) return null;
  const value = asRecord(field.value);
  if (value) {
    const min = asNumber(value.min_value) ?? asNumber(value.amount);
    const max = asNumber(value.max_value) ?? (value.amount !== undefined ? min : null);
    if (min === null && max === null) return null;
    return { min, max, currency: asString(value.unit), unit: null, text: field.name };
  }
  const text = asString(field.value);
  return text ? { text } : null;
}
