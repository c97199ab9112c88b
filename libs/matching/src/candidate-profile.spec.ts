import { candidateProfileSchema } from './candidate-profile';

const minimal = { yearsExperience: 2, stateOfResidence: 'TX', homePostalCode: '75201' };
const messages = (body: unknown): string[] => {
  const result = candidateProfileSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('candidateProfileSchema', () => {
  it('accepts a minimal profile and fills defaults', () => {
    expect(candidateProfileSchema.parse(minimal)).toEqual({
      credentials: [],
      specialties: [],
      roles: [],
      yearsExperience: 2,
      workMode: 'any',
      homePostalCode: '75201',
      commuteMiles: 25,
      stateOfResidence: 'TX',
      employmentTypes: [],
      excludeEmployers: [],
    });
  });

  it('accepts a full profile, normalising the state and dropping repeated credentials', () => {
    const parsed = candidateProfileSchema.parse({
      credentials: ['CPC', 'CRC', 'CPC'],
      specialties: [{ specialty: 'risk_adjustment', years: 3 }],
      roles: ['coder', 'auditor'],
      yearsExperience: 5,
      workMode: 'remote_or_hybrid',
      homeCity: 'Tampa, FL',
      commuteMiles: 30,
      stateOfResidence: 'fl',
      minPay: { amount: 26.5, period: 'hour' },
      employmentTypes: ['full_time', 'contract'],
      excludeEmployers: [' Acme Coding '],
    });
    expect(parsed.credentials).toEqual(['CPC', 'CRC']);
    expect(parsed.stateOfResidence).toBe('FL');
    expect(parsed.excludeEmployers).toEqual(['Acme Coding']);
  });

  it('lets a remote-only candidate leave out their home', () => {
    expect(messages({ yearsExperience: 1, stateOfResidence: 'OH', workMode: 'remote_only' })).toEqual([]);
  });

  it('lets a candidate open to relocation leave out their home, and checks the flag', () => {
    expect(messages({ yearsExperience: 1, stateOfResidence: 'OH', openToRelocation: true })).toEqual([]);
    expect(messages({ yearsExperience: 1, stateOfResidence: 'OH', openToRelocation: false })).toEqual([
      'homePostalCode: homePostalCode or homeCity is required unless workMode is "remote_only" or openToRelocation is true',
    ]);
    expect(messages({ ...minimal, openToRelocation: 'yes' })).toEqual([
      'openToRelocation: openToRelocation must be true or false',
    ]);
  });

  it.each([
    [{ ...minimal, credentials: ['CPX'] }, 'credentials.0: credentials: unknown credential "CPX"'],
    [{ ...minimal, credentials: 'CPC' }, 'credentials: credentials must be a list of credential codes'],
    [
      { ...minimal, specialties: [{ specialty: 'dermatology', years: 1 }] },
      'specialties.0.specialty: specialties.specialty: unknown specialty "dermatology"',
    ],
    [
      { ...minimal, specialties: [{ specialty: 'inpatient', years: 70 }] },
      'specialties.0.years: specialties.years must be 60 or less',
    ],
    [
      {
        ...minimal,
        specialties: [
          { specialty: 'inpatient', years: 1 },
          { specialty: 'inpatient', years: 2 },
        ],
      },
      'specialties.1.specialty: specialties lists inpatient twice',
    ],
    [{ ...minimal, roles: ['manager'] }, 'roles.0: roles: unknown role "manager"'],
    [
      { stateOfResidence: 'TX', homePostalCode: '75201' },
      'yearsExperience: yearsExperience is required: a number of years',
    ],
    [{ ...minimal, yearsExperience: -1 }, 'yearsExperience: yearsExperience must be 0 or more'],
    [
      { ...minimal, workMode: 'onsite' },
      'workMode: workMode must be "remote_only", "remote_or_hybrid" or "any"',
    ],
    [{ ...minimal, homePostalCode: '7520' }, 'homePostalCode: homePostalCode must be a 5-digit US ZIP code'],
    [{ ...minimal, homeCity: 'Dallas Texas' }, 'homeCity: homeCity must look like "City, ST"'],
    [{ ...minimal, commuteMiles: 0 }, 'commuteMiles: commuteMiles must be at least 1'],
    [{ ...minimal, commuteMiles: 2500 }, 'commuteMiles: commuteMiles must be 250 or less'],
    [
      { yearsExperience: 2, homePostalCode: '75201' },
      'stateOfResidence: stateOfResidence is required: a two-letter state code such as "TX"',
    ],
    [
      { ...minimal, stateOfResidence: 'XX' },
      'stateOfResidence: stateOfResidence must be a two-letter US state code such as "TX"',
    ],
    [
      { ...minimal, minPay: { amount: 48, period: 'year' } },
      'minPay.amount: minPay.amount per year must be between 10000 and 1000000',
    ],
    [
      { ...minimal, minPay: { amount: 4800, period: 'hour' } },
      'minPay.amount: minPay.amount per hour must be between 5 and 500',
    ],
    [
      { ...minimal, minPay: { amount: 20, period: 'week' } },
      'minPay.period: minPay.period must be "hour" or "year"',
    ],
    [{ ...minimal, minPay: { amount: -1, period: 'hour' } }, 'minPay.amount: minPay.amount must be above 0'],
    [
      { ...minimal, employmentTypes: ['gig'] },
      'employmentTypes.0: employmentTypes: unknown employment type "gig"',
    ],
    [
      { ...minimal, excludeEmployers: ['  '] },
      'excludeEmployers.0: excludeEmployers entries must not be empty',
    ],
    [
      { ...minimal, excludeEmployers: Array.from({ length: 101 }, (_, i) => `E${i}`) },
      'excludeEmployers: excludeEmployers lists more than 100 employers',
    ],
    [{ ...minimal, hobbies: ['chess'] }, ': Unrecognized key: "hobbies"'],
    [
      { yearsExperience: 2, stateOfResidence: 'TX' },
      'homePostalCode: homePostalCode or homeCity is required unless workMode is "remote_only" or openToRelocation is true',
    ],
    [{ ...minimal, homeCity: 'Tulsa, OK' }, 'stateOfResidence: stateOfResidence is TX but homeCity is in OK'],
  ])('rejects %j naming the field', (body, message) => {
    expect(messages(body)).toContain(message);
  });
});
