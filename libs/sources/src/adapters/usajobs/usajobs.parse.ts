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
  asStringList,
  compactRecord,
  type JsonRecord,
} from '../shared/ats-json-fields';

const KIND = 'usajobs';
/** USAJOBS pay interval codes whose meaning is certain; others pass through as the code. */
const RATE_INTERVALS: Record<string, string> = { PA: 'year', PH: 'hour', PD: 'day', PM: 'month' };
/** The location USAJOBS gives remote announcements, with the coordinates of Washington, DC. */
const REMOTE_LOCATION = /anywhere in the u\.?s\.?|remote job/i;

/**
 * Reads a Search API response ({ SearchResult: { SearchResultItems: [...] } }), one result item
 * ({ MatchedObjectId, MatchedObjectDescriptor }) or a bare MatchedObjectDescriptor.
 */
export function parseUsajobs(body: string): ParseResult {
  const root = asRecord(parseJsonDocument(KIND, body));
  const result = asRecord(root?.SearchResult);
  const isAnnouncement = root?.MatchedObjectDescriptor !== undefined || root?.PositionTitle !== undefined;
  const items = result ? asArray(result.SearchResultItems) : root && isAnnouncement ? [root] : null;
  if (!items) {
    throw new ParseError(KIND, 'expected a search response ({ "SearchResult": ... }) or one announcement');
  }

  return collectPostings(
    items,
    {
      record: (item) => {
        const record = asRecord(item);
        return asRecord(record?.MatchedObjectDescriptor) ?? record;
      },
      id: (descriptor, item) => controlNumber(asRecord(item), descriptor),
      title: (descriptor) => asString(descriptor.PositionTitle),
    },
    toRawPosting,
  );
}

/**
 * The announcement's control number (MatchedObjectId, also the last segment of PositionURI) is unique
 * across USAJOBS; PositionID is the agency's announcement number, which agencies reuse.
 */
function controlNumber(item: JsonRecord | null, descriptor: JsonRecord): string | null {
  const fromUri = /\/ViewDetails\/(\d+)/i.exec(asString(descriptor.PositionURI) ?? '')?.[1] ?? null;
  return asId(item?.MatchedObjectId) ?? fromUri ?? asId(descriptor.PositionID);
}

function toRawPosting(descriptor: JsonRecord, externalId: string, title: string): RawPosting {
  const details = asRecord(asRecord(descriptor.UserArea)?.Details) ?? {};
  const remote = asBoolean(details.RemoteIndicator);
  const telework = asBoolean(details.TeleworkEligible);
  const grade = asString(asRecord(asArray(descriptor.JobGrade)[0])?.Code);

  return {
    externalId,
    title,
    employer: asString(descriptor.OrganizationName) ?? asString(descriptor.DepartmentName),
    url: asString(descriptor.PositionURI),
    description: describe(descriptor, details),
    descriptionFormat: 'text',
    locations: asArray(descriptor.PositionLocation)
      .map((item) => toLocation(asRecord(item)))
      .filter((location): location is RawLocation => location !== null),
    remote,
    // Telework eligibility means some days from home and the rest at the duty station.
    workplaceType: remote ? 'remote' : telework ? 'hybrid' : remote === false ? 'onsite' : null,
    salary: salary(asRecord(asArray(descriptor.PositionRemuneration)[0])),
    employmentType: asString(asRecord(asArray(descriptor.PositionSchedule)[0])?.Name),
    department: null,
    postedAt: toIsoTimestamp(descriptor.PublicationStartDate) ?? toIsoTimestamp(descriptor.PositionStartDate),
    validThrough:
      toIsoTimestamp(descriptor.ApplicationCloseDate) ?? toIsoTimestamp(descriptor.PositionEndDate),
    extra: compactRecord({
      announcementNumber: asString(descriptor.PositionID),
      parentAgency: asString(descriptor.DepartmentName),
      grade: grade ? gradeRange(grade, details) : null,
      offeringType: asString(asRecord(asArray(descriptor.PositionOfferingType)[0])?.Name),
      jobCategories: asArray(descriptor.JobCategory)
        .map((c) => asString(asRecord(c)?.Code))
        .filter((code) => code !== null),
      whoMayApply: asString(asRecord(details.WhoMayApply)?.Name),
      hiringPaths: asArray(details.HiringPath)
        .map((p) => asString(asRecord(p)?.Name) ?? asString(p))
        .filter((path) => path !== null),
      teleworkEligible: telework,
      securityClearance: asString(details.SecurityClearance),
      totalOpenings: asString(details.TotalOpenings),
      applyUrl: asStringList(descriptor.ApplyURI)[0] ?? null,
    }),
  };
}

/** "GS-7/9": the pay plan with the grade range, as federal coders search for it. */
function gradeRange(plan: string, details: JsonRecord): string {
  const low = asString(details.LowGrade);
  const high = asString(details.HighGrade);
  if (!low) return plan;
  return `${plan}-${low}${high && high !== low ? `/${high}` : ''}`;
}

/** The announcement's narrative fields in reading order, as plain text with headings. */
function describe(descriptor: JsonRecord, details: JsonRecord): string | null {
  const sections: string[] = [];
  const add = (heading: string | null, text: string | null) => {
    if (text) sections.push(heading ? `${heading}\n${text}` : text);
  };
  add(null, asString(details.JobSummary));
  const duties = asStringList(details.MajorDuties);
  add('Major duties', duties.length > 0 ? duties.map((d) => `- ${d}`).join('\n') : null);
  add('Qualifications', asString(descriptor.QualificationSummary));
  add('Education', asString(details.Education));
  const conditions = asStringList(details.KeyRequirements);
  add('Conditions of employment', conditions.length > 0 ? conditions.map((c) => `- ${c}`).join('\n') : null);
  return sections.length > 0 ? sections.join('\n\n') : null;
}

function toLocation(location: JsonRecord | null): RawLocation | null {
  const text = asString(location?.LocationName);
  if (!location || !text) return null;
  const country = asString(location.CountryCode);
  if (REMOTE_LOCATION.test(text)) return { text, country };
  const state = asString(location.CountrySubDivisionCode);
  const city = asString(location.CityName);
  return {
    text,
    // CityName repeats the state ("Salem, Virginia").
    city: city && state && city.endsWith(`, ${state}`) ? city.slice(0, -(state.length + 2)) : city,
    state,
    country,
    lat: asNumber(location.Latitude),
    lon: asNumber(location.Longitude),
  };
}

function salary(remuneration: JsonRecord | null): RawSalary | null {
  const code = asString(remuneration?.RateIntervalCode);
  // WC: without compensation.
  if (!remuneration || code === 'WC') return null;
  const min = asNumber(remuneration.MinimumRange);
  const max = asNumber(remuneration.MaximumRange);
  if (min === null && max === null) return null;
  return {
    min,
    max,
    currency: 'USD',
    unit: code ? (RATE_INTERVALS[code] ?? code) : null,
    text: asString(remuneration.Description),
  };
}
