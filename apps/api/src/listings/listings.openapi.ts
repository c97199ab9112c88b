import { ApiQuery } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { CODING_SYSTEMS, EMPLOYMENT_TYPES, ROLES, SPECIALTIES, WORK_MODES } from '#taxonomy';
import { PAY_BANDS, SEARCH_SORTS } from '#search';

// OpenAPI documentation of GET /api/v1/listings, kept out of the controller so it stays readable.

const list = (values: readonly string[]) => values.join(', ');

export function ApiSearchQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'q',
      required: false,
      description:
        'Full text over title, employer and description in web search syntax: "quoted phrases", ' +
        '-exclusions, OR. Small typos in titles and employer names are tolerated.',
      example: '"risk adjustment" coder -hospital',
    }),
    ApiQuery({
      name: 'role',
      required: false,
      description: `Any of (comma list): ${list(ROLES)}`,
      example: 'coder,coder_biller',
    }),
    ApiQuery({
      name: 'credential',
      required: false,
      description: 'Listings that require or prefer it (comma list: any of them).',
      example: 'CPC',
    }),
    ApiQuery({
      name: 'specialty',
      required: false,
      description: `Any of: ${list(SPECIALTIES)}`,
      example: 'profee',
    }),
    ApiQuery({
      name: 'codingSystem',
      required: false,
      description: `Any of: ${list(CODING_SYSTEMS)}`,
      example: 'ICD-10-CM',
    }),
    ApiQuery({
      name: 'workMode',
      required: false,
      description: `Any of: ${list(WORK_MODES)}`,
      example: 'remote',
    }),
    ApiQuery({
      name: 'remoteEligibleFor',
      required: false,
      description: 'Remote listings a resident of this state may take (state lists and exclusions applied).',
      example: 'TX',
    }),
    ApiQuery({
      name: 'state',
      required: false,
      description: 'Any location in these states.',
      example: 'TX,OK',
    }),
    ApiQuery({ name: 'near', required: false, description: 'A ZIP code or "City, ST".', example: '75201' }),
    ApiQuery({
      name: 'radiusMiles',
      required: false,
      description: "With near: straight-line miles from it to any of the listing's locations (default 25).",
      example: 25,
    }),
    ApiQuery({
      name: 'minPay',
      required: false,
      description:
        "Annual USD; the top of the listing's range (hourly pay annualised at 2,080 hours) reaches it.",
      example: 50000,
    }),
    ApiQuery({
      name: 'employmentType',
      required: false,
      description: `Any of: ${list(EMPLOYMENT_TYPES)}`,
      example: 'full_time',
    }),
    ApiQuery({ name: 'postedWithinDays', required: false, example: 14 }),
    ApiQuery({
      name: 'employer',
      required: false,
      description: 'Part of the employer name, any case.',
      example: 'Lakeside',
    }),
    ApiQuery({
      name: 'source',
      required: false,
      description: 'Listings seen in this source.',
      example: 'greenhouse-acme-health',
    }),
    ApiQuery({
      name: 'status',
      required: false,
      enum: ['open', 'closed', 'all'],
      description: 'Closed listings are left out unless asked for.',
      example: 'open',
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      enum: SEARCH_SORTS,
      description: 'relevance (the default with q), newest (the default without), or pay (top of range).',
      example: 'relevance',
    }),
    ApiQuery({
      name: 'facets',
      required: false,
      description: `true adds counts over the filtered set: role, credential, specialty, workMode, state, employmentType and pay bands (${PAY_BANDS.map((b) => b.value).join(', ')}).`,
      example: true,
    }),
    ApiQuery({ name: 'limit', required: false, description: '1-100 (default 20).', example: 20 }),
    ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page, unchanged.' }),
  );
}

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
