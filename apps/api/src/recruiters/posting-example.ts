/** A complete posting, for the OpenAPI document. */
export const samplePostingExample = {
  title: 'Remote Outpatient Coder',
  employer: 'Mercy Valley Health',
  role: 'coder',
  credentials: {
    required: ['CPC'],
    anyOf: [],
    preferred: ['CRC'],
    withinDays: null,
    apprenticeWelcome: false,
  },
  specialties: ['outpatient', 'emergency'],
  workMode: 'remote',
  locations: [],
  remoteStates: { mode: 'allowed', states: ['TX', 'OK', 'AR'] },
  pay: { min: 24, max: 29, period: 'hour', currency: 'USD' },
  employmentType: 'full_time',
  minYearsExperience: 2,
  description:
    'Code ED and observation records with ICD-10-CM and CPT in Epic. CPC required; CRC a plus. 2+ years of outpatient coding. Remote: you must live in Texas, Oklahoma or Arkansas.',
  applyUrl: 'https://careers.mercyvalley.example/jobs/4411',
  applyEmail: null,
  validThrough: null,
};
