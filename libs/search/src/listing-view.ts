import type { ListingEntity } from '#persistence';

/** The public JSON shape of a listing: the normalizer's vocabulary plus identity and lifecycle. */
export interface ListingView {
  id: string;
  status: string;
  closedReason: string | null;
  title: string;
  employer: string | null;
  url: string | null;
  role: string;
  certifications: {
    required: string[];
    anyOf: string[][];
    preferred: string[];
    requiredWithinDays: number | null;
    equivalentAccepted: boolean;
    apprenticeAccepted: boolean;
  };
  specialties: string[];
  codingSystems: string[];
  workMode: string;
  remoteStates: string[] | null;
  remoteExcludedStates: string[];
  remoteCountry: string | null;
  location: ListingEntity['locations'][number] | null;
  locations: ListingEntity['locations'];
  salary: {
    min: number | null;
    max: number | null;
    period: string;
    currency: string;
    annualMin: number | null;
    annualMax: number | null;
  } | null;
  employmentType: string;
  minYearsExperience: number | null;
  education: string | null;
  ehrSystems: string[];
  encoderSystems: string[];
  postedAt: string | null;
  validThrough: string | null;
  firstSeenAt: string;
  /** When any source last showed it (null for listings no feed carries). */
  lastSeenAt: string | null;
  changedAt: string;
  closedAt: string | null;
  /** Full sanitized HTML on the detail view; a short plain-text snippet in lists. */
  descriptionHtml?: string;
  snippet?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toListingView(l: ListingEntity, detail = false, lastSeenAt: Date | null = null): ListingView {
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
