import type { ParseResult, RawPosting, SkippedPosting } from '../../raw-posting';
import { ParseError, parseJsonDocument } from '../../parse-error';
import { toIsoTimestamp } from '../shared/ats-dates';
import {
  asBoolean,
  asId,
  asRecord,
  asString,
  asStringList,
  compactRecord,
  readPostingKey,
  type JsonRecord,
} from '../shared/ats-json-fields';
import { locationsFromTexts } from '../shared/ats-location';
import { workdayCxsRoot, workdayPublicUrl, type WorkdayParseConfig } from './workday.config';

const KIND = 'workday';

type Config = WorkdayParseConfig;
type SiteConfig = Config & { tenant: string; site: string };

/** Whether the config names the career site (a saved payload parsed on its own may not). */
function siteOf(config: Config): SiteConfig | null {
  return config.tenant && config.site ? (config as SiteConfig) : null;
}

/**
 * Reads a job search page ({ total, jobPostings: [...] }) or one posting's detail
 * ({ jobPostingInfo, hiringOrganization }).
 *
 * A search page yields no postings, only the entries it cannot use: its entries have no description
 * and a relative date ("Posted 3 Days Ago"), and the ingestion keeps the first posting it sees per
 * externalId, so a thin search copy would hide the detail fetched after it and, when that detail
 * failed, overwrite the full version stored by an earlier run. Each entry's detail carries the posting,
 * keyed by the externalPath that the search entry and the detail share.
 */
export function parseWorkday(body: string, config: Config, url?: string): ParseResult {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (root && Array.isArray(root.jobPostings)) {
    return { postings: [], skipped: unusableSearchEntries(root.jobPostings) };
  }
  const info = asRecord(root?.jobPostingInfo);
  if (root && info) return parseDetail(root, info, config, url);
  throw new ParseError(KIND, 'expected a job search page ({ "jobPostings": [...] }) or a posting detail');
}

/**
 * The entries of a job search page as thin postings (title, place, req id, public link): what the
 * site lists, for an operator reading a saved page. Null for a detail document. Never ingested (see
 * parseWorkday).
 */
export function workdayListEntries(body: string, config: Config): RawPosting[] | null {
  const root = asRecord(parseJsonDocument(KIND, body));
  if (!root || !Array.isArray(root.jobPostings)) return null;
  return root.jobPostings.flatMap((entry): RawPosting[] => {
    const record = asRecord(entry);
    const key = readPostingKey(record, asString(record?.externalPath), asString(record?.title));
    if (!key.ok) return [];
    const { externalId, title } = key;
    return [
      {
        externalId,
        title,
        employer: config.employerName ?? null,
        url: publicUrlOf(externalId, config),
        description: null,
        locations: locationsFromTexts([asString(key.record.locationsText)]),
        ...remoteFields(asString(key.record.remoteType)),
        postedAt: null,
        extra: compactRecord({
          postedOnText: asString(key.record.postedOn),
          jobReqId: asStringList(key.record.bulletFields)[0] ?? null,
        }),
      },
    ];
  });
}

/** Search entries without an externalPath never get a detail request, so they are counted here. */
function unusableSearchEntries(entries: unknown[]): SkippedPosting[] {
  const skipped: SkippedPosting[] = [];
  for (const entry of entries) {
    const record = asRecord(entry);
    if (!record) skipped.push({ externalId: null, reason: 'posting is not an object' });
    else if (!asString(record.externalPath)) skipped.push({ externalId: null, reason: 'posting has no id' });
  }
  return skipped;
}

function parseDetail(root: JsonRecord, info: JsonRecord, config: Config, url?: string): ParseResult {
  const externalUrl = asString(info.externalUrl);
  const key = readPostingKey(
    info,
    externalPathOf(url, externalUrl, config) ?? asId(info.id),
    asString(info.title),
  );
  if (!key.ok) return { postings: [], skipped: [key.skip] };
  const { externalId, title } = key;

  const description = asString(info.jobDescription);
  const country = asString(asRecord(info.country)?.descriptor);
  const posting: RawPosting = {
    externalId,
    title,
    employer: config.employerName ?? asString(asRecord(root.hiringOrganization)?.name),
    url: externalUrl ?? publicUrlOf(externalId, config),
    description,
    descriptionFormat: 'html',
    locations: locationsFromTexts(
      [asString(info.location), ...asStringList(info.additionalLocations)],
      country,
    ),
    ...remoteFields(asString(info.remoteType)),
    salary: null,
    employmentType: asString(info.timeType),
    department: null,
    postedAt: toIsoTimestamp(info.startDate),
    validThrough: null,
    ...(asBoolean(info.posted) === false ? { closed: true } : {}),
    extra: compactRecord({
      jobReqId: asString(info.jobReqId),
      jobPostingId: asId(info.id),
      postedOnText: asString(info.postedOn),
      jobPostingSiteId: asString(info.jobPostingSiteId),
      country,
    }),
  };
  return { postings: [posting], skipped: [] };
}

/**
 * The posting's externalPath: from the detail URL it was fetched from, else from its public URL, so
 * the detail and the search entry of one posting share an externalId.
 */
function externalPathOf(url: string | undefined, externalUrl: string | null, config: Config): string | null {
  const site = siteOf(config);
  const root = site ? workdayCxsRoot(site) : null;
  if (url && root && url.startsWith(`${root}/`)) return stripQuery(url.slice(root.length));
  const at = externalUrl?.indexOf('/job/') ?? -1;
  return externalUrl && at >= 0 ? stripQuery(externalUrl.slice(at)) : null;
}

/** The careers-page link of an externalPath, when the site is known. */
function publicUrlOf(externalPath: string, config: Config): string | null {
  const site = siteOf(config);
  return site && externalPath.startsWith('/') ? workdayPublicUrl(site, externalPath) : null;
}

function stripQuery(path: string): string {
  return path.replace(/[?#].*$/, '');
}

/** Workday's remoteType is tenant-worded: "Fully Remote", "Remote", "Hybrid", "On-site". */
function remoteFields(remoteType: string | null): Pick<RawPosting, 'remote' | 'workplaceType'> {
  if (!remoteType) return { remote: null, workplaceType: null };
  const remote = /hybrid|on-?site/i.test(remoteType) ? false : /remote/i.test(remoteType) ? true : null;
  return { remote, workplaceType: remoteType };
}
