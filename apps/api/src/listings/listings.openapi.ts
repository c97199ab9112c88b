// Examples of GET /api/v1/listings answers for the OpenAPI document (the parameters are described
// by the query schema itself, libs/search search-query.schema.ts).

export const LISTING_EXAMPLE = {
  id: '8a1d4c7e-5b9f-4e2a-9c61-0f3b2d7a6e15',
  status: 'open',
  closedReason: null,
  title: 'Remote Medical Coder II',
  employer: 'Lakeside Health System',
  url: 'https://careers.lakeside.example/jobs/4411',
  role: 'coder',
  certifications: {
    required: [],
    anyOf: [['CPC', 'CCS', 'CCS-P']],
    preferred: ['CRC'],
    requiredWithinDays: null,
    equivalentAccepted: false,
    apprenticeAccepted: false,
  },
  specialties: ['profee', 'em'],
  codingSystems: ['ICD-10-CM', 'CPT'],
  workMode: 'remote',
  remoteStates: ['TX', 'OK', 'AR'],
  remoteExcludedStates: [],
  remoteCountry: 'US',
  location: { city: 'Dallas', state: 'TX', postalCode: '75201', lat: 32.7767, lon: -96.797 },
  locations: [{ city: 'Dallas', state: 'TX', postalCode: '75201', lat: 32.7767, lon: -96.797 }],
  salary: { min: 24, max: 29, period: 'hour', currency: 'USD', annualMin: 49920, annualMax: 60320 },
  employmentType: 'full_time',
  minYearsExperience: 2,
  education: null,
  ehrSystems: ['Epic'],
  encoderSystems: [],
  postedAt: '2026-11-18T14:00:00.000Z',
  validThrough: null,
  firstSeenAt: '2026-11-18T15:02:11.000Z',
  lastSeenAt: '2026-11-22T09:00:00.000Z',
  changedAt: '2026-11-18T15:02:11.000Z',
  closedAt: null,
  snippet: 'Assign ICD-10-CM and CPT codes for physician office visits. CPC, CCS or CCS-P required...',
};

export const SEARCH_RESPONSE_EXAMPLE = {
  items: [LISTING_EXAMPLE],
  nextCursor:
    'eyJrIjoibmV3ZXN0OjIwMjYtMTEtMTggMTQ6MDA6MDArMDAiLCJpZCI6IjhhMWQ0YzdlLTViOWYtNGUyYS05YzYxLTBmM2IyZDdhNmUxNSJ9',
  total: 469,
  facets: {
    role: [
      { value: 'coder', count: 412 },
      { value: 'coder_biller', count: 57 },
    ],
    credential: [
      { value: 'CPC', count: 380 },
      { value: 'CCS', count: 201 },
    ],
    specialty: [{ value: 'profee', count: 190 }],
    workMode: [{ value: 'remote', count: 469 }],
    state: [{ value: 'TX', count: 122 }],
    employmentType: [{ value: 'full_time', count: 401 }],
    pay: [
      { value: 'under_40k', label: 'Under $40K', count: 3 },
      { value: '40k_50k', label: '$40K-$50K', count: 61 },
      { value: '50k_60k', label: '$50K-$60K', count: 140 },
      { value: '60k_75k', label: '$60K-$75K', count: 98 },
      { value: '75k_plus', label: '$75K and up', count: 12 },
      { value: 'not_stated', label: 'Pay not stated', count: 155 },
    ],
  },
};
