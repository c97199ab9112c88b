import type { ListingLocation } from '#taxonomy';
import type { CandidateProfile } from '../src/candidate-profile';
import type { MatchableListing } from '../src/matchable-listing';

// Small builders for specs: a plain, eligible baseline that each test bends one way.

export const DALLAS: ListingLocation = {
  city: 'Dallas',
  state: 'TX',
  postalCode: '75201',
  lat: 32.7767,
  lon: -96.797,
};
export const FORT_WORTH: ListingLocation = {
  city: 'Fort Worth',
  state: 'TX',
  postalCode: '76102',
  lat: 32.7555,
  lon: -97.3308,
};
export const PLANO: ListingLocation = {
  city: 'Plano',
  state: 'TX',
  postalCode: '75074',
  lat: 33.0198,
  lon: -96.6989,
};
export const HOUSTON: ListingLocation = {
  city: 'Houston',
  state: 'TX',
  postalCode: '77002',
  lat: 29.7604,
  lon: -95.3698,
};
export const TULSA: ListingLocation = {
  city: 'Tulsa',
  state: 'OK',
  postalCode: '74103',
  lat: 36.154,
  lon: -95.9928,
};

type ListingOverrides = Omit<Partial<MatchableListing>, 'certifications'> & {
  certifications?: Partial<MatchableListing['certifications']>;
};

export function listingWith(overrides: ListingOverrides = {}): MatchableListing {
  const { certifications, ...rest } = overrides;
  return {
    id: 'listing-1',
    title: 'Medical Coder II',
    employer: 'Lone Star Health',
    postedAt: '2026-03-01T00:00:00Z',
    role: 'coder',
    specialties: ['profee'],
    workMode: 'remote',
    remoteStates: null,
    remoteExcludedStates: [],
    remoteCountry: 'US',
    locations: [DALLAS],
    salary: null,
    employmentType: 'full_time',
    minYearsExperience: null,
    ...rest,
    certifications: {
      required: [],
      anyOf: [],
      preferred: [],
      requiredWithinDays: null,
      equivalentAccepted: false,
      apprenticeAccepted: false,
      ...certifications,
    },
  };
}

export function profileWith(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  return {
    credentials: ['CPC'],
    specialties: [{ specialty: 'profee', years: 3 }],
    roles: [],
    yearsExperience: 3,
    workMode: 'any',
    homeCity: 'Dallas, TX',
    commuteMiles: 25,
    stateOfResidence: 'TX',
    employmentTypes: [],
    excludeEmployers: [],
    home: { lat: DALLAS.lat as number, lon: DALLAS.lon as number },
    ...overrides,
  };
}

export function yearly(min: number | null, max: number | null): MatchableListing['salary'] {
  return { min, max, period: 'year', currency: 'USD', annualMin: min, annualMax: max };
}

export function hourly(min: number | null, max: number | null): MatchableListing['salary'] {
  return {
    min,
    max,
    period: 'hour',
    currency: 'USD',
    annualMin: min === null ? null : min * 2080,
    annualMax: max === null ? null : max * 2080,
  };
}

export const NOW = new Date('2026-03-03T12:00:00Z');
