import { STATE_NAMES, US_STATES, type UsState } from '#taxonomy';
import type { ListingView } from '#search';

// schema.org JobPosting as Google for Jobs reads it. Required: title, description, datePosted,
// hiringOrganization, and jobLocation or (remote) jobLocationType TELECOMMUTE with
// applicantLocationRequirements. Recommended: baseSalary, employmentType, identifier, validThrough,
// directApply. Only open listings carry it.

/** A stated expiry wins; otherwise a listing no source has shown for this long is presumed gone. */
export const PRESUMED_OPEN_DAYS = 30;
const DAY_MS = 86_400_000;

const EMPLOYMENT_TYPES: Record<string, string> = {
  full_time: 'FULL_TIME',
  part_time: 'PART_TIME',
  contract: 'CONTRACTOR',
  per_diem: 'PER_DIEM',
  temporary: 'TEMPORARY',
};

/** Per-chart pay has no unit Google accepts: it is left out rather than misstated. */
const SALARY_UNITS: Record<string, string> = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
  year: 'YEAR',
};

/** US Bureau of Labor Statistics SOC codes for the roles. */
const OCCUPATIONS: Record<string, string> = {
  coder: '29-2072.00 Medical Records Specialists',
  coder_biller: '29-2072.00 Medical Records Specialists',
  auditor: '29-2072.00 Medical Records Specialists',
  cdi: '29-2072.00 Medical Records Specialists',
  educator: '29-2072.00 Medical Records Specialists',
  him_other: '29-2072.00 Medical Records Specialists',
  biller: '43-3021.00 Billing and Posting Clerks',
  ar_denials: '43-3021.00 Billing and Posting Clerks',
};

export type JobPostingListing = ListingView & { descriptionHtml: string };

export type JsonLd = Record<string, unknown>;

/** The states a remote listing's residents may live in, or null for the whole country. */
export function remoteApplicantStates(listing: Pick<ListingView, 'remoteStates' | 'remoteExcludedStates'>) {
  if (listing.remoteStates && listing.remoteStates.length > 0) return listing.remoteStates as UsState[];
  if (listing.remoteExcludedStates.length > 0) {
    return US_STATES.filter((s) => !listing.remoteExcludedStates.includes(s));
  }
  return null;
}

function place(location: ListingView['locations'][number]): JsonLd {
  return {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      ...(location.city ? { addressLocality: location.city } : {}),
      ...(location.state ? { addressRegion: location.state } : {}),
      ...(location.postalCode ? { postalCode: location.postalCode } : {}),
      addressCountry: 'US',
    },
  };
}

function baseSalary(salary: ListingView['salary']): JsonLd | undefined {
  if (!salary || !SALARY_UNITS[salary.period] || (salary.min === null && salary.max === null))
    return undefined;
  const value =
    salary.min !== null && salary.max !== null && salary.min !== salary.max
      ? { minValue: salary.min, maxValue: salary.max }
      : { value: salary.min ?? salary.max };
  return {
    '@type': 'MonetaryAmount',
    currency: salary.currency,
    value: { '@type': 'QuantitativeValue', ...value, unitText: SALARY_UNITS[salary.period] },
  };
}

function validThrough(listing: ListingView): string {
  if (listing.validThrough) return listing.validThrough;
  const seen = Date.parse(listing.lastSeenAt ?? listing.firstSeenAt);
  return new Date(seen + PRESUMED_OPEN_DAYS * DAY_MS).toISOString();
}

/**
 * The JobPosting of an open listing, or null when it cannot be stated honestly: a closed listing, no
 * employer, or an onsite or hybrid listing without a place.
 */
export function jobPostingJsonLd(listing: JobPostingListing, pageUrl: string): JsonLd | null {
  if (listing.status !== 'open' || !listing.employer) return null;
  const remote = listing.workMode === 'remote';
  const places = listing.locations.filter((l) => l.city || l.state || l.postalCode);
  if (!remote && places.length === 0) return null;

  const states = remote ? remoteApplicantStates(listing) : null;
  const salary = baseSalary(listing.salary);
  const employmentType = EMPLOYMENT_TYPES[listing.employmentType];
  const occupation = OCCUPATIONS[listing.role];
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: listing.title,
    description: listing.descriptionHtml,
    datePosted: listing.postedAt ?? listing.firstSeenAt,
    validThrough: validThrough(listing),
    hiringOrganization: { '@type': 'Organization', name: listing.employer },
    identifier: { '@type': 'PropertyValue', name: 'CoderJobs', value: listing.id },
    url: pageUrl,
    // Applying happens on the employer's or source's site, not on this page.
    directApply: false,
    ...(remote
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: states
            ? states.map((s) => ({ '@type': 'State', name: STATE_NAMES[s] ?? s }))
            : { '@type': 'Country', name: 'USA' },
        }
      : { jobLocation: places.length === 1 ? place(places[0]) : places.map(place) }),
    ...(employmentType ? { employmentType } : {}),
    ...(salary ? { baseSalary: salary } : {}),
    ...(occupation ? { occupationalCategory: occupation } : {}),
    ...(listing.minYearsExperience !== null
      ? {
          experienceRequirements: {
            '@type': 'OccupationalExperienceRequirements',
            monthsOfExperience: Math.round(listing.minYearsExperience * 12),
          },
        }
      : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: "<" is escaped so no text in it (a title
 * holding "</script>") can end the element early.
 */
export function jsonLdScriptText(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
