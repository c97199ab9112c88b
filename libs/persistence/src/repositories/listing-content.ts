import type { ListingFacts, ListingLocation } from '#taxonomy';
import type { ListingEntity } from '../entities/listing.entity';

/** The listing columns a normalized posting determines (identity, lifecycle and timestamps aside). */
export type ListingContent = Omit<
  ListingEntity,
  | 'id'
  | 'origin'
  | 'status'
  | 'closedReason'
  | 'closedAt'
  | 'fingerprint'
  | 'contentFingerprint'
  | 'employerId'
  | 'employer'
  | 'firstSeenAt'
  | 'changedAt'
  | 'sortAt'
  | 'createdAt'
  | 'updatedAt'
>;

function uniqueLocations(locations: ListingLocation[]): ListingLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.city ?? ''}|${l.state ?? ''}|${l.postalCode ?? ''}`.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Maps the normalizer's output onto listing columns; `locations` may be the union over sources. */
export function toListingContent(
  n: ListingFacts & { descriptionHtml: string; descriptionText: string },
  url: string | null,
  locations: ListingLocation[] = n.locations,
): ListingContent {
  const locs = uniqueLocations(locations);
  const first = locs.find((l) => l.lat !== null && l.lon !== null) ?? locs[0] ?? null;
  const certs = n.certifications;
  return {
    employerName: n.employer,
    title: n.title,
    url,
    role: n.role,
    certsRequired: certs.required,
    certsAnyOf: certs.anyOf,
    certsPreferred: certs.preferred,
    certsAll: [...new Set([...certs.required, ...certs.anyOf.flat(), ...certs.preferred])],
    certsWithinDays: certs.requiredWithinDays,
    certsEquivalentAccepted: certs.equivalentAccepted,
    certsApprenticeAccepted: certs.apprenticeAccepted,
    specialties: n.specialties,
    codingSystems: n.codingSystems,
    workMode: n.workMode,
    remoteStates: n.remoteStates,
    remoteExcludedStates: n.remoteExcludedStates,
    remoteCountry: n.remoteCountry,
    locations: locs,
    states: [...new Set(locs.map((l) => l.state).filter((s): s is string => !!s))],
    lat: first?.lat ?? null,
    lon: first?.lon ?? null,
    salaryMin: n.salary?.min ?? null,
    salaryMax: n.salary?.max ?? null,
    salaryPeriod: n.salary?.period ?? null,
    salaryCurrency: n.salary?.currency ?? null,
    payAnnualMin: n.salary?.annualMin != null ? Math.round(n.salary.annualMin) : null,
    payAnnualMax: n.salary?.annualMax != null ? Math.round(n.salary.annualMax) : null,
    employmentType: n.employmentType,
    minYearsExperience: n.minYearsExperience,
    education: n.education,
    ehrSystems: n.ehrSystems,
    encoderSystems: n.encoderSystems,
    postedAt: n.postedAt ? new Date(n.postedAt) : null,
    validThrough: n.validThrough ? new Date(n.validThrough) : null,
    descriptionHtml: n.descriptionHtml,
    descriptionText: n.descriptionText,
  };
}
