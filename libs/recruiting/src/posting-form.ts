import { z } from 'zod';
import { CREDENTIALS, EMPLOYMENT_TYPES, ROLES, SALARY_PERIODS, SPECIALTIES, US_STATES } from '#taxonomy';

// The structured posting a recruiter writes (page form and API alike). What the fields say wins over
// what the normalizer reads from the description; the preview shows where the two disagree.

const state = z.enum(US_STATES, { error: 'must be a two-letter US state code' });
const credential = z.enum(CREDENTIALS, { error: 'must be a credential code such as CPC or CCS' });
// Control characters other than tab and line breaks have no place in a posting.
const noControl = (s: string) =>
  ![...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
  });
/** A one-line text field: markup is dropped (it is never HTML), control characters refused. */
const line = (max: number, min = 0, name = 'this') =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/<[^>]*>/g, '') : v),
    z
      .string()
      .trim()
      .min(min, `${name} must be at least ${min} characters`)
      .max(max, `must be at most ${max} characters`)
      .refine(noControl, 'must not contain control characters'),
  );

export const POSTING_WORK_MODES = ['remote', 'hybrid', 'onsite'] as const;
export const POSTING_EMPLOYMENT_TYPES = EMPLOYMENT_TYPES.filter((t) => t !== 'unknown');
export const REMOTE_STATE_MODES = ['any', 'allowed', 'excluded'] as const;
/** How far ahead a posting may say it closes. */
export const MAX_VALID_DAYS = 90;
export const DEFAULT_VALID_DAYS = 30;

export const postingLocationSchema = z.object({
  city: line(100, 1, 'city'),
  state,
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'must be a five-digit ZIP code')
    .nullish()
    .transform((v) => v ?? null),
});

export const postingPaySchema = z
  .object({
    min: z.number().positive('must be more than 0').max(10_000_000).nullish(),
    max: z.number().positive('must be more than 0').max(10_000_000).nullish(),
    period: z.enum(SALARY_PERIODS),
    currency: z.literal('USD').default('USD'),
  })
  .refine((p) => p.min != null || p.max != null, {
    message: 'give a minimum, a maximum or both',
    path: ['min'],
  })
  .refine((p) => p.min == null || p.max == null || p.min <= p.max, {
    message: 'the minimum must not be above the maximum',
    path: ['max'],
  });

export const postingFormSchema = z
  .object({
    title: line(200, 3, 'title'),
    /** The hiring employer: the organization itself, or an agency's client (or "Confidential"). */
    employer: line(200, 2, 'employer'),
    role: z.enum(ROLES),
    credentials: z
      .object({
        required: z.array(credential).max(10).default([]),
        anyOf: z
          .array(z.array(credential).min(2, 'an any-of group names at least two').max(8))
          .max(4)
          .default([]),
        preferred: z.array(credential).max(10).default([]),
        withinDays: z
          .number()
          .int()
          .min(1)
          .max(730)
          .nullish()
          .transform((v) => v ?? null),
        apprenticeWelcome: z.boolean().default(false),
      })
      .default({ required: [], anyOf: [], preferred: [], withinDays: null, apprenticeWelcome: false }),
    specialties: z.array(z.enum(SPECIALTIES)).max(12).default([]),
    workMode: z.enum(POSTING_WORK_MODES),
    locations: z.array(postingLocationSchema).max(20).default([]),
    remoteStates: z
      .object({ mode: z.enum(REMOTE_STATE_MODES), states: z.array(state).max(60).default([]) })
      .default({ mode: 'any', states: [] }),
    pay: postingPaySchema.nullish().transform((v) => v ?? null),
    employmentType: z.enum(POSTING_EMPLOYMENT_TYPES as [string, ...string[]]),
    minYearsExperience: z
      .number()
      .min(0)
      .max(40)
      .nullish()
      .transform((v) => v ?? null),
    description: z
      .string()
      .max(20_000, 'description must be at most 20,000 characters')
      .refine((s) => s.trim().length >= 50, 'description must be at least 50 characters'),
    applyUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http or https address' })
      .max(2000)
      .nullish()
      .transform((v) => v ?? null),
    applyEmail: z
      .email('must be an e-mail address')
      .max(254)
      .nullish()
      .transform((v) => v ?? null),
    /** ISO date the posting closes; defaults to 30 days after publication. */
    validThrough: z.iso
      .date('must be a date (YYYY-MM-DD)')
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (!p.applyUrl && !p.applyEmail)
      ctx.addIssue({
        code: 'custom',
        path: ['applyUrl'],
        message: 'give an apply address or an apply e-mail',
      });
    if (p.workMode !== 'remote' && p.locations.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['locations'],
        message: 'an on-site or hybrid role needs a location',
      });
    if (p.remoteStates.mode !== 'any' && p.remoteStates.states.length === 0)
      ctx.addIssue({ code: 'custom', path: ['remoteStates', 'states'], message: 'name the states' });
    if (p.workMode === 'onsite' && p.remoteStates.mode !== 'any')
      ctx.addIssue({
        code: 'custom',
        path: ['remoteStates', 'mode'],
        message: 'an on-site role has no remote states',
      });
  });

export type PostingForm = z.output<typeof postingFormSchema>;
export type PostingFormInput = z.input<typeof postingFormSchema>;
