import type { DigestListing } from './digest-listing';

/** A plain open remote coder listing for the specs; each spec states only what it is about. */
export function digestListing(over: Partial<DigestListing> & { id: string }): DigestListing {
  return {
    title: 'Medical Coder',
    employer: 'Lone Star Health',
    role: 'coder',
    certifications: {
      required: ['CPC'],
      anyOf: [],
      preferred: [],
      requiredWithinDays: null,
      equivalentAccepted: false,
      apprenticeAccepted: false,
    },
    specialties: ['profee'],
    codingSystems: ['ICD-10-CM', 'CPT'],
    certsAll: ['CPC'],
    states: [],
    workMode: 'remote',
    remoteStates: null,
    remoteExcludedStates: [],
    remoteCountry: 'US',
    locations: [],
    salary: null,
    employmentType: 'full_time',
    minYearsExperience: null,
    postedAt: '2026-12-01T12:00:00.000Z',
    sortAt: '2026-12-01T12:00:00.000Z',
    openedXid: 1000n,
    ...over,
  };
}
