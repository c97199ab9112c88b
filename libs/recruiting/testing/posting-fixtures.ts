import { postingFormSchema, type PostingForm, type PostingFormInput } from '../src/posting-form';

/** A valid remote coder posting, with overrides: for specs and tests. */
export function samplePostingInput(overrides: Partial<PostingFormInput> = {}): PostingFormInput {
  return {
    title: 'Remote Outpatient Coder',
    employer: 'Mercy Valley Health',
    role: 'coder',
    credentials: { required: ['CPC'], anyOf: [], preferred: [], apprenticeWelcome: false },
    specialties: ['outpatient'],
    workMode: 'remote',
    locations: [],
    remoteStates: { mode: 'allowed', states: ['TX', 'OK'] },
    pay: { min: 24, max: 29, period: 'hour' },
    employmentType: 'full_time',
    minYearsExperience: 2,
    description:
      'Code outpatient and emergency records with ICD-10-CM and CPT in Epic. CPC required. ' +
      '2+ years of outpatient coding. Remote: you must live in Texas or Oklahoma.',
    applyUrl: 'https://careers.mercy.example/jobs/123',
    ...overrides,
  };
}

export function samplePosting(overrides: Partial<PostingFormInput> = {}): PostingForm {
  return postingFormSchema.parse(samplePostingInput(overrides));
}
