import type { ParseResult, RawLocation, RawPosting, RawSalary } from '../../raw-posting';
import { ParseError, parseJsonDocument } from '../../parse-error';
import { collectPostings } from '../shared/ats-collect';
import { toIsoTimestamp } from '../shared/ats-dates';
import {
  asArray,
  asBoolean,
  asId,
  asNumber,
  asRecord,
  asString,
  compactRecord,
  type JsonRecord,
} from '../shared/ats-json-fields';
import type { AshbyParseConfig } from './ashby.config';

const KIND = 'ashby';
const WORKPLACE: Record<string, string> = { OnSite: 'onsite', Remote: 'remote', Hybrid: 'hybrid' };

/** Reads a job board response ({ apiVersion, jobs: [...] }) or one job object of it. */
export function parseAshby(body: string, config: AshbyParseConfig): ParseResult {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (!root) throw new ParseError(KIND, 'expected a job board object or one job object');
  const isSingleJob = root.id !== undefined && 'title' in root;
  const items = Array.isArray(root.jobs) ? root.jobs : isSingleJob ? [root] : null;
  if (!items) {
    throw new ParseError(KIND, 'expected a job board response ({ "jobs": [...] }) or one job object');
  }

  return collectPostings(
    items,
    { id: (job) => asId(job.id), title: (job) => asString(job.title) },
    (job, id, title) =>
      // An unlisted job is reachable by link but not advertised: it is not an opening to show.
      asBoolean(job.isListed) === false
        ? { skip: 'job is unlisted on the job board' }
        : toRawPosting(job, id, title, config.employerName ?? null),
  );
}

function toRawPosting(
  job: JsonRecord,
  externalId: string,
  title: string,
  employer: string | null,
): RawPosting {
  const html = asString(job.descriptionHtml);
  const workplaceType = asString(job.workplaceType);
  const compensation = asRecord(job.compensation);

  return {
    externalId,
    title,
    employer,
    url: asString(job.jobUrl),
    description: html ?? asString(job.descriptionPlain),
    descriptionFormat: html !== null ? 'html' : 'text',
    locations: [
      toLocation(asString(job.location), job.address),
      ...asArray(job.secondaryLocations).map((item) => {
        const secondary = asRecord(item);
        return toLocation(asString(secondary?.location), secondary?.address);
      }),
    ].filter((location): location is RawLocation => location !== null),
    remote: asBoolean(job.isRemote),
    workplaceType: workplaceType ? (WORKPLACE[workplaceType] ?? workplaceType) : null,
    salary: salary(compensation),
    employmentType: asString(job.employmentType),
    department: asString(job.department),
    postedAt: toIsoTimestamp(job.publishedAt),
    validThrough: null,
    extra: compactRecord({
      team: asString(job.team),
      applyUrl: asString(job.applyUrl),
      compensationTiers: asArray(compensation?.compensationTiers)
        .map((tier) => asString(asRecord(tier)?.tierSummary))
        .filter((summary) => summary !== null),
    }),
  };
}

/** Ashby addresses are schema.org PostalAddress objects, sometimes wrapped in { postalAddress }. */
function toLocation(text: string | null, address: unknown): RawLocation | null {
  const wrapper = asRecord(address);
  const postal = asRecord(wrapper?.postalAddress) ?? wrapper;
  const city = asString(postal?.addressLocality);
  const state = asString(postal?.addressRegion);
  if (!text && !city && !state) return null;
  return {
    text,
    city,
    state,
    postalCode: asString(postal?.postalCode),
    country: asString(postal?.addressCountry),
  };
}

/** The salary component of the summary (equity and bonus components are not pay ranges). */
function salary(compensation: JsonRecord | null): RawSalary | null {
  if (!compensation) return null;
  const text =
    asString(compensation.scrapeableCompensationSalarySummary) ??
    asString(compensation.compensationTierSummary);
  const component = asArray(compensation.summaryComponents)
    .map(asRecord)
    .find((c) => asString(c?.compensationType) === 'Salary');
  if (!component) return text ? { text } : null;
  return {
    min: asNumber(component.minValue),
    max: asNumber(component.maxValue),
    currency: asString(component.currencyCode),
    unit: asString(component.interval),
    text,
  };
}
