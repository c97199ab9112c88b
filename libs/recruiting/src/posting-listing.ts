import { lookupPlace, normalizePosting, type NormalizedListing } from '#normalizer';
import { PERIODS_PER_YEAR, type ListingFacts, type ListingLocation, type ListingSalary } from '#taxonomy';
import type { PostingForm } from './posting-form';

/** The listing a posting becomes: its facts and descriptions, plus the normalizer's own reading. */
export interface PostingListing {
  facts: ListingFacts & { descriptionHtml: string; descriptionText: string };
  /** What the normalizer read from the title and description alone (for the preview's comparison). */
  read: NormalizedListing;
  /** Where seekers apply: the address, or a mailto: link. */
  applyUrl: string;
}

function placeOf(location: PostingForm['locations'][number]): ListingLocation {
  const place = lookupPlace({ city: location.city, state: location.state, postalCode: location.postalCode });
  return {
    city: location.city,
    state: location.state,
    postalCode: location.postalCode ?? place?.postalCode ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
  };
}

function salaryOf(pay: PostingForm['pay']): ListingSalary | null {
  if (!pay) return null;
  const perYear = PERIODS_PER_YEAR[pay.period];
  const annual = (v: number | null | undefined) => (v == null || perYear === null ? null : v * perYear);
  return {
    min: pay.min ?? null,
    max: pay.max ?? null,
    period: pay.period,
    currency: pay.currency,
    annualMin: annual(pay.min),
    annualMax: annual(pay.max),
  };
}

/**
 * A posting's listing. The recruiter's structured fields win; the description still supplies what the
 * form does not ask (code sets, EHR and encoder systems, education), and is sanitized on the way.
 */
export function postingListing(
  form: PostingForm,
  dates: { postedAt: Date; validThrough: Date },
  now: Date = dates.postedAt,
): PostingListing {
  const read = normalizePosting(
    {
      externalId: 'posting',
      title: form.title,
      employer: form.employer,
      description: form.description,
      locations: form.locations.map((l) => ({ city: l.city, state: l.state, postalCode: l.postalCode })),
      workplaceType: form.workMode,
    },
    { now },
  );
  const remote = form.workMode !== 'onsite';
  const { mode, states } = form.remoteStates;
  const facts: PostingListing['facts'] = {
    title: read.title || form.title,
    employer: form.employer,
    role: form.role,
    certifications: {
      required: form.credentials.required,
      anyOf: form.credentials.anyOf,
      preferred: form.credentials.preferred,
      requiredWithinDays: form.credentials.withinDays,
      equivalentAccepted: false,
      apprenticeAccepted: form.credentials.apprenticeWelcome,
    },
    specialties: form.specialties,
    codingSystems: read.codingSystems,
    workMode: form.workMode,
    remoteStates: remote && mode === 'allowed' ? [...states].sort() : null,
    remoteExcludedStates: remote && mode === 'excluded' ? [...states].sort() : [],
    remoteCountry: remote ? 'US' : null,
    locations: form.locations.map(placeOf),
    salary: salaryOf(form.pay),
    employmentType: form.employmentType as ListingFacts['employmentType'],
    minYearsExperience: form.minYearsExperience,
    education: read.education,
    ehrSystems: read.ehrSystems,
    encoderSystems: read.encoderSystems,
    postedAt: dates.postedAt.toISOString(),
    validThrough: dates.validThrough.toISOString(),
    descriptionHtml: read.descriptionHtml,
    descriptionText: read.descriptionText,
  };
  const applyUrl = form.applyUrl ?? `mailto:${form.applyEmail ?? ''}`;
  return { facts, read, applyUrl };
}
