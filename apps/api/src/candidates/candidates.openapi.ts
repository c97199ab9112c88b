// OpenAPI schemas and examples for candidate profiles (shared with the matches endpoints).

export const PROFILE_EXAMPLE = {
  credentials: ['CPC', 'CRC'],
  specialties: [
    { specialty: 'profee', years: 4 },
    { specialty: 'risk_adjustment', years: 2 },
  ],
  roles: ['coder'],
  yearsExperience: 5,
  workMode: 'remote_or_hybrid',
  homePostalCode: '75201',
  commuteMiles: 30,
  stateOfResidence: 'TX',
  minPay: { amount: 24, period: 'hour' },
  employmentTypes: ['full_time'],
  excludeEmployers: ['Summit Health Plan'],
};

const CANDIDATE_VIEW_EXAMPLE = {
  id: '3f0c1d2e-8b7a-4c5d-9e6f-1a2b3c4d5e6f',
  profile: PROFILE_EXAMPLE,
  home: { lat: 32.7904, lon: -96.8044 },
  warnings: [],
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

export const CREATED_EXAMPLE = {
  ...CANDIDATE_VIEW_EXAMPLE,
  token: 'q3Jm0bq6m1b0G8v0dJ0xU3b6x2o5R1Yt9cKp7wQe4Zs',
};

export { CANDIDATE_VIEW_EXAMPLE };

export const FORBIDDEN_EXAMPLE = {
  error: {
    code: 'FORBIDDEN',
    message: 'this token does not open candidate 3f0c1d2e-8b7a-4c5d-9e6f-1a2b3c4d5e6f',
  },
};

export const VALIDATION_EXAMPLE = {
  error: {
    code: 'VALIDATION_FAILED',
    message: 'body.stateOfResidence: stateOfResidence must be a two-letter US state code such as "TX"',
    details: [
      {
        field: 'body.stateOfResidence',
        message: 'stateOfResidence must be a two-letter US state code such as "TX"',
      },
    ],
  },
};
