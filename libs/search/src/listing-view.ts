import {
  MATCHABLE_COLUMNS,
  type ListingClosedReason,
  type ListingEntity,
  type ListingField,
  type ListingStatus,
} from '#persistence';
import type { ListingFacts, ListingLocation } from '#taxonomy';

/** The public JSON shape of a listing: its facts plus identity and lifecycle. */
export type ListingView = ListingFacts & {
  id: string;
  status: ListingStatus;
  closedReason: ListingClosedReason | null;
  url: string | null;
  /** The first location, or null. */
  location: ListingLocation | null;
  firstSeenAt: string;
  /** When any source last showed it (null for listings no feed carries). */
  lastSeenAt: string | null;
  changedAt: string;
  closedAt: string | null;
  /** Full sanitized HTML on the detail view; a short plain-text snippet in lists. */
  descriptionHtml?: string;
  snippet?: string;
};

/** What a view is built from: the row's columns, salary as numbers. */
export type ViewSource = Pick<
  ListingEntity,
  | Exclude<(typeof LIST_VIEW_COLUMNS)[number], 'salaryMin' | 'salaryMax'>
  | 'salaryMin'
  | 'salaryMax'
  | 'descriptionHtml'
>;

/** The columns a list view shows (the detail view adds the description): the matchable facts and more. */
export const LIST_VIEW_COLUMNS = [
  ...MATCHABLE_COLUMNS,
  'status',
  'closedReason',
  'url',
  'codingSystems',
  'education',
  'ehrSystems',
  'encoderSystems',
  'validThrough',
  'firstSeenAt',
  'changedAt',
  'closedAt',
  'descriptionText',
] as const satisfies readonly ListingField[];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toListingView(l: ViewSource, detail = false, lastSeenAt: Date | null = null): ListingView {
  return {
    id: l.id,
    status: l.status,
    closedReason: l.closedReason,
    title: l.title,
    employer: l.employerName,
    url: l.url,
    role: l.role,
    certifications: {
      required: l.certsRequired,
      anyOf: l.certsAnyOf,
      preferred: l.certsPreferred,
      requiredWithinDays: l.certsWithinDays,
      equivalentAccepted: l.certsEquivalentAccepted,
      apprenticeAccepted: l.certsApprenticeAccepted,
    },
    specialties: l.specialties,
    codingSystems: l.codingSystems,
    workMode: l.workMode,
    remoteStates: l.remoteStates,
    remoteExcludedStates: l.remoteExcludedStates,
    remoteCountry: l.remoteCountry,
    location: l.locations[0] ?? null,
    locations: l.locations,
    salary:
      l.salaryPeriod === null
        ? null
        : {
            min: l.salaryMin,
            max: l.salaryMax,
            period: l.salaryPeriod,
            currency: l.salaryCurrency ?? 'USD',
            annualMin: l.payAnnualMin,
            annualMax: l.payAnnualMax,
          },
    employmentType: l.employmentType,
    minYearsExperience: l.minYearsExperience,
    education: l.education,
    ehrSystems: l.ehrSystems,
    encoderSystems: l.encoderSystems,
    postedAt: iso(l.postedAt),
    validThrough: iso(l.validThrough),
    firstSeenAt: l.firstSeenAt.toISOString(),
    lastSeenAt: iso(lastSeenAt),
    changedAt: l.changedAt.toISOString(),
    closedAt: iso(l.closedAt),
    ...(detail
      ? { descriptionHtml: l.descriptionHtml }
      : { snippet: l.descriptionText.slice(0, 280).replace(/\s+/g, ' ').trim() }),
  };
}
