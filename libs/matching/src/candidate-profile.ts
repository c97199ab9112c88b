import { z } from 'zod';
import { CREDENTIALS, EMPLOYMENT_TYPES, ROLES, SPECIALTIES, US_STATES } from '#taxonomy';

// The request body the API validates. Every message names its field so a client can show it next to
// the right input. Bounds are generous: they catch typos (a commute of 2,500 miles, a minimum of
// $48 a year), not unusual lives.

export const CANDIDATE_WORK_MODES = ['remote_only', 'remote_or_hybrid', 'any'] as const;
export type CandidateWorkMode = (typeof CANDIDATE_WORK_MODES)[number];

export const MIN_PAY_PERIODS = ['hour', 'year'] as const;
export type MinPayPeriod = (typeof MIN_PAY_PERIODS)[number];

const MIN_PAY_BOUNDS: Record<MinPayPeriod, { min: number; max: number }> = {
  hour: { min: 5, max: 500 },
  year: { min: 10_000, max: 1_000_000 },
};

const CITY_ST = /^[A-Za-z][A-Za-z .'-]*, [A-Za-z]{2}$/;
const POSTAL_CODE = /^\d{5}(-\d{4})?$/;

const credentialCode = z.enum(CREDENTIALS, {
  error: (issue) => `credentials: unknown credential ${JSON.stringify(issue.input)}`,
});

const specialtyYears = z.strictObject({
  specialty: z.enum(SPECIALTIES, {
    error: (issue) => `specialties.specialty: unknown specialty ${JSON.stringify(issue.input)}`,
  }),
  years: z
    .number({ error: 'specialties.years must be a number of years' })
    .min(0, 'specialties.years must be 0 or more')
    .max(60, 'specialties.years must be 60 or less'),
});

const minPay = z
  .strictObject({
    amount: z.number({ error: 'minPay.amount must be a number' }).positive('minPay.amount must be above 0'),
    period: z.enum(MIN_PAY_PERIODS, { error: 'minPay.period must be "hour" or "year"' }),
  })
  .superRefine((pay, ctx) => {
    const { min, max } = MIN_PAY_BOUNDS[pay.period];
    if (pay.amount < min || pay.amount > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `minPay.amount per ${pay.period} must be between ${min} and ${max}`,
      });
    }
  });

export const candidateProfileSchema = z
  .strictObject({
    credentials: z
      .array(credentialCode, { error: 'credentials must be a list of credential codes' })
      .max(CREDENTIALS.length, 'credentials lists too many entries')
      .default([])
      .transform((codes) => [...new Set(codes)]),
    specialties: z
      .array(specialtyYears, { error: 'specialties must be a list of {specialty, years}' })
      .max(SPECIALTIES.length, 'specialties lists too many entries')
      .default([]),
    roles: z
      .array(z.enum(ROLES, { error: (issue) => `roles: unknown role ${JSON.stringify(issue.input)}` }), {
        error: 'roles must be a list of role codes',
      })
      .max(ROLES.length, 'roles lists too many entries')
      .default([]),
    yearsExperience: z
      .number({ error: 'yearsExperience is required: a number of years' })
      .min(0, 'yearsExperience must be 0 or more')
      .max(60, 'yearsExperience must be 60 or less'),
    workMode: z
      .enum(CANDIDATE_WORK_MODES, { error: 'workMode must be "remote_only", "remote_or_hybrid" or "any"' })
      .default('any'),
    homePostalCode: z
      .string({ error: 'homePostalCode must be a string' })
      .trim()
      .regex(POSTAL_CODE, 'homePostalCode must be a 5-digit US ZIP code')
      .optional(),
    homeCity: z
      .string({ error: 'homeCity must be a string' })
      .trim()
      .regex(CITY_ST, 'homeCity must look like "City, ST"')
      .optional(),
    commuteMiles: z
      .number({ error: 'commuteMiles must be a number of miles' })
      .min(1, 'commuteMiles must be at least 1')
      .max(250, 'commuteMiles must be 250 or less')
      .default(25),
    // Open to relocation / any location: onsite and hybrid listings anywhere qualify, including those
    // whose place could not be read; nearby ones still score higher.
    openToRelocation: z.boolean({ error: 'openToRelocation must be true or false' }).optional(),
    stateOfResidence: z
      .string({ error: 'stateOfResidence is required: a two-letter state code such as "TX"' })
      .trim()
      .toUpperCase()
      .pipe(z.enum(US_STATES, { error: 'stateOfResidence must be a two-letter US state code such as "TX"' })),
    minPay: minPay.optional(),
    employmentTypes: z
      .array(
        z.enum(EMPLOYMENT_TYPES, {
          error: (issue) => `employmentTypes: unknown employment type ${JSON.stringify(issue.input)}`,
        }),
        { error: 'employmentTypes must be a list of employment type codes' },
      )
      .max(EMPLOYMENT_TYPES.length, 'employmentTypes lists too many entries')
      .default([]),
    excludeEmployers: z
      .array(
        z
          .string({ error: 'excludeEmployers entries must be strings' })
          .trim()
          .min(1, 'excludeEmployers entries must not be empty')
          .max(200, 'excludeEmployers entries must be 200 characters or less'),
        { error: 'excludeEmployers must be a list of employer names' },
      )
      .max(100, 'excludeEmployers lists more than 100 employers')
      .default([]),
  })
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    profile.specialties.forEach((entry, index) => {
      if (seen.has(entry.specialty)) {
        ctx.addIssue({
          code: 'custom',
          path: ['specialties', index, 'specialty'],
          message: `specialties lists ${entry.specialty} twice`,
        });
      }
      seen.add(entry.specialty);
    });
    // Onsite and hybrid roles are judged by distance from home, so a home is needed unless the
    // candidate only wants remote work or would move anywhere.
    if (
      profile.workMode !== 'remote_only' &&
      profile.openToRelocation !== true &&
      !profile.homePostalCode &&
      !profile.homeCity
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['homePostalCode'],
        message:
          'homePostalCode or homeCity is required unless workMode is "remote_only" or openToRelocation is true',
      });
    }
    const cityState = profile.homeCity?.slice(-2).toUpperCase();
    if (cityState && cityState !== profile.stateOfResidence) {
      ctx.addIssue({
        code: 'custom',
        path: ['stateOfResidence'],
        message: `stateOfResidence is ${profile.stateOfResidence} but homeCity is in ${cityState}`,
      });
    }
  });

/** The request body as a client sends it (defaults not yet applied). */
export type CandidateProfileInput = z.input<typeof candidateProfileSchema>;
/** The validated body, defaults applied. */
export type CandidateProfileFields = z.output<typeof candidateProfileSchema>;

export interface GeoPoint {
  lat: number;
  lon: number;
}

/**
 * What matching works on: the validated fields plus the home the caller resolved from homePostalCode
 * or homeCity (null when it could not be placed).
 */
export type CandidateProfile = CandidateProfileFields & { home: GeoPoint | null };
