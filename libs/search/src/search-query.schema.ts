import { z } from 'zod';
import {
  CODING_SYSTEMS,
  CREDENTIALS,
  EMPLOYMENT_TYPES,
  ROLES,
  SPECIALTIES,
  US_STATES,
  WORK_MODES,
} from '#taxonomy';
import { PAY_BANDS } from './facets';

// GET /api/v1/listings query parameters. Multi-valued filters take a comma list (role=coder,biller)
// or the parameter repeated; a listing matches any of the values. Every message names its field.

export const SEARCH_SORTS = ['relevance', 'newest', 'pay'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

const CITY_ST = /^[A-Za-z][A-Za-z .'-]*,\s*[A-Za-z]{2}$/;
const POSTAL_CODE = /^\d{5}(-\d{4})?$/;

/** Longest vocabulary list a filter can name, with room for a client's repeats. */
const MAX_LIST_VALUES = 64;
const listText = z.string().max(2000, 'is too long');

/** One value or several: "a,b", or the parameter given more than once. */
const rawList = z.union(
  [listText, z.array(listText).max(MAX_LIST_VALUES, `is given more than ${MAX_LIST_VALUES} times`)],
  { error: 'must be a string' },
);

/**
 * A list of vocabulary codes, matched case-insensitively and returned in their canonical spelling,
 * so ?credential=cpc and ?codingSystem=icd-10-cm work.
 */
function codeList<T extends string>(name: string, vocabulary: readonly T[]) {
  const canonical = new Map(vocabulary.map((v) => [v.toLowerCase(), v]));
  return rawList.transform((raw, ctx) => {
    const parts = (Array.isArray(raw) ? raw : [raw])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const out: T[] = [];
    for (const part of parts) {
      const code = canonical.get(part.toLowerCase());
      if (!code) {
        const shown = vocabulary.length <= 12 ? `: one of ${vocabulary.join(', ')}` : '';
        ctx.addIssue({ code: 'custom', message: `${name}: unknown value ${JSON.stringify(part)}${shown}` });
        return z.NEVER;
      }
      if (!out.includes(code)) out.push(code);
    }
    if (out.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${name} must not be empty` });
      return z.NEVER;
    }
    return out;
  });
}

const state = (name: string) =>
  z
    .string({ error: `${name} must be a two-letter state code such as "TX"` })
    .trim()
    .toUpperCase()
    .pipe(z.enum(US_STATES, { error: `${name} must be a two-letter US state code such as "TX"` }));

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const flag = (name: string) =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` })
    .transform((v) => v === 'true' || v === '1');

const list = (values: readonly string[]) => values.join(', ');

// Each field's description and example are what the OpenAPI document shows for it.
const searchQueryFields = z.looseObject({
  q: z
    .string({ error: 'q must be a string' })
    .trim()
    .max(200, 'q must be at most 200 characters')
    .optional()
    .transform((v) => (v ? v : undefined))
    .meta({
      description:
        'Full text over title, employer and description in web search syntax: "quoted phrases", ' +
        '-exclusions, OR. Small typos in titles and employer names are tolerated.',
      example: '"risk adjustment" coder -hospital',
    }),
  role: codeList('role', ROLES)
    .optional()
    .meta({ description: `Any of (comma list): ${list(ROLES)}`, example: 'coder,coder_biller' }),
  credential: codeList('credential', CREDENTIALS)
    .optional()
    .meta({ description: 'Listings that require or prefer it (comma list: any of them).', example: 'CPC' }),
  specialty: codeList('specialty', SPECIALTIES)
    .optional()
    .meta({ description: `Any of: ${list(SPECIALTIES)}`, example: 'profee' }),
  codingSystem: codeList('codingSystem', CODING_SYSTEMS)
    .optional()
    .meta({ description: `Any of: ${list(CODING_SYSTEMS)}`, example: 'ICD-10-CM' }),
  workMode: codeList('workMode', WORK_MODES)
    .optional()
    .meta({ description: `Any of: ${list(WORK_MODES)}`, example: 'remote' }),
  remoteEligibleFor: state('remoteEligibleFor').optional().meta({
    description: 'Remote listings a resident of this state may take (state lists and exclusions applied).',
    example: 'TX',
  }),
  state: codeList('state', US_STATES)
    .optional()
    .meta({ description: 'Any location in these states.', example: 'TX,OK' }),
  near: z
    .string({ error: 'near must be a ZIP code or "City, ST"' })
    .trim()
    .refine((v) => POSTAL_CODE.test(v) || CITY_ST.test(v), 'near must be a 5-digit ZIP code or "City, ST"')
    .optional()
    .meta({ description: 'A ZIP code or "City, ST".', example: '75201' }),
  radiusMiles: int('radiusMiles', 1, 250).optional().meta({
    description: "With near: straight-line miles from it to any of the listing's locations (default 25).",
    example: 25,
  }),
  minPay: int('minPay', 10_000, 1_000_000).optional().meta({
    description:
      "Annual USD; the top of the listing's range (hourly pay annualised at 2,080 hours) reaches it.",
    example: 50000,
  }),
  employmentType: codeList('employmentType', EMPLOYMENT_TYPES)
    .optional()
    .meta({ description: `Any of: ${list(EMPLOYMENT_TYPES)}`, example: 'full_time' }),
  postedWithinDays: int('postedWithinDays', 1, 365).optional().meta({ example: 14 }),
  employer: z
    .string({ error: 'employer must be a string' })
    .trim()
    .min(2, 'employer must be at least 2 characters')
    .max(200, 'employer must be at most 200 characters')
    .optional()
    .meta({ description: 'Part of the employer name, any case.', example: 'Lakeside' }),
  source: z
    .string({ error: 'source must be a string' })
    .max(64, 'source is too long')
    .optional()
    .meta({ description: 'Listings seen in this source.', example: 'greenhouse-acme-health' }),
  status: z
    .enum(['open', 'closed', 'all'], { error: 'status must be "open", "closed" or "all"' })
    .default('open')
    .meta({ description: 'Closed listings are left out unless asked for.', example: 'open' }),
  sort: z.enum(SEARCH_SORTS, { error: 'sort must be "relevance", "newest" or "pay"' }).optional().meta({
    description: 'relevance (the default with q), newest (the default without), or pay (top of range).',
    example: 'relevance',
  }),
  facets: flag('facets')
    .default(false)
    .meta({
      description: `true adds total (the number of listings the search finds, for "312 jobs") and counts over the filtered set: role, credential, specialty, workMode, state, employmentType and pay bands (${PAY_BANDS.map((b) => b.value).join(', ')}).`,
      example: true,
    }),
  limit: int('limit', 1, 100).default(20).meta({ description: '1-100 (default 20).', example: 20 }),
  cursor: z
    .string({ error: 'cursor must be a string' })
    .max(512, 'cursor is too long')
    .optional()
    .meta({ description: 'nextCursor of the previous page, unchanged.' }),
});

const KNOWN_PARAMETERS = new Set(Object.keys(searchQueryFields.shape));

export const searchQuerySchema = searchQueryFields
  .superRefine((v, ctx) => {
    // Unknown parameters are errors named by key, so a misspelt filter (?rol=coder) is not ignored.
    for (const key of Object.keys(v)) {
      if (!KNOWN_PARAMETERS.has(key))
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown parameter ${key}` });
    }
    if (v.radiusMiles !== undefined && v.near === undefined) {
      ctx.addIssue({ code: 'custom', path: ['radiusMiles'], message: 'radiusMiles needs near' });
    }
  })
  // Known fields only (the loose object above kept the unknown ones for the check).
  .transform((v) => ({
    q: v.q,
    source: v.source,
    status: v.status,
    role: v.role,
    credential: v.credential,
    specialty: v.specialty,
    codingSystem: v.codingSystem,
    workMode: v.workMode,
    employmentType: v.employmentType,
    state: v.state,
    remoteEligibleFor: v.remoteEligibleFor,
    near: v.near,
    radiusMiles: v.radiusMiles ?? 25,
    minPay: v.minPay,
    postedWithinDays: v.postedWithinDays,
    employer: v.employer,
    // Relevance needs words to be relevant to; without q it is the newest first.
    sort: v.sort ?? (v.q ? 'relevance' : 'newest'),
    facets: v.facets,
    limit: v.limit,
    cursor: v.cursor,
  }));

export type SearchQuery = z.output<typeof searchQuerySchema>;
export type SearchQueryInput = z.input<typeof searchQuerySchema>;
