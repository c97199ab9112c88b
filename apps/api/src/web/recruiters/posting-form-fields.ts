import { toStateCode } from '#taxonomy';
import type { PostingForm } from '#recruiting';

/** The posting form as the page posts it: flat strings and lists. */
export interface PostingFormValues {
  title: string;
  employer: string;
  role: string;
  required: string;
  anyOf: string;
  preferred: string;
  withinDays: string;
  apprenticeWelcome: boolean;
  specialties: string[];
  workMode: string;
  locations: string;
  remoteMode: string;
  remoteStates: string;
  payMin: string;
  payMax: string;
  payPeriod: string;
  employmentType: string;
  minYearsExperience: string;
  description: string;
  applyUrl: string;
  applyEmail: string;
  validThrough: string;
}

export const EMPTY_POSTING_FORM: PostingFormValues = {
  title: '',
  employer: '',
  role: 'coder',
  required: '',
  anyOf: '',
  preferred: '',
  withinDays: '',
  apprenticeWelcome: false,
  specialties: [],
  workMode: 'remote',
  locations: '',
  remoteMode: 'allowed',
  remoteStates: '',
  payMin: '',
  payMax: '',
  payPeriod: 'hour',
  employmentType: 'full_time',
  minYearsExperience: '',
  description: '',
  applyUrl: '',
  applyEmail: '',
  validThrough: '',
};

const str = (v: unknown) =>
  typeof v === 'string' ? v.slice(0, 25_000) : Array.isArray(v) ? String(v[0] ?? '') : '';
const list = (v: unknown) =>
  (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []).slice(0, 50);
const codes = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[$,]/g, '')));

export function readPostingForm(body: Record<string, unknown>): PostingFormValues {
  const out = { ...EMPTY_POSTING_FORM };
  for (const key of Object.keys(EMPTY_POSTING_FORM) as (keyof PostingFormValues)[]) {
    if (key === 'specialties') out.specialties = list(body.specialties);
    else if (key === 'apprenticeWelcome') out.apprenticeWelcome = body.apprenticeWelcome === 'true';
    else (out[key] as string) = str(body[key]);
  }
  return out;
}

/** "Dallas, TX 75201" per line. */
function parseLocations(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((l) => {
      const m = /^(.*?),\s*([A-Za-z .]+?)\s*(\d{5})?$/.exec(l);
      return m
        ? { city: m[1].trim(), state: toStateCode(m[2]) ?? m[2].trim(), postalCode: m[3] ?? null }
        : { city: l, state: '', postalCode: null };
    });
}

/** The API's posting body from the page's form (validated by the same schema afterwards). */
export function postingBody(v: PostingFormValues): Record<string, unknown> {
  const payGiven = v.payMin.trim() !== '' || v.payMax.trim() !== '';
  return {
    title: v.title,
    employer: v.employer,
    role: v.role,
    credentials: {
      required: codes(v.required),
      anyOf: v.anyOf
        .split(';')
        .map((g) => codes(g.replace(/\bor\b/gi, ',')))
        .filter((g) => g.length > 0),
      preferred: codes(v.preferred),
      withinDays: num(v.withinDays),
      apprenticeWelcome: v.apprenticeWelcome,
    },
    specialties: v.specialties,
    workMode: v.workMode,
    locations: parseLocations(v.locations),
    remoteStates: {
      mode: v.workMode === 'onsite' ? 'any' : v.remoteMode,
      states:
        v.workMode === 'onsite' || v.remoteMode === 'any'
          ? []
          : codes(v.remoteStates).map((s) => toStateCode(s) ?? s),
    },
    pay: payGiven ? { min: num(v.payMin), max: num(v.payMax), period: v.payPeriod, currency: 'USD' } : null,
    employmentType: v.employmentType,
    minYearsExperience: num(v.minYearsExperience),
    description: v.description,
    applyUrl: v.applyUrl.trim() || null,
    applyEmail: v.applyEmail.trim() || null,
    validThrough: v.validThrough.trim() || null,
  };
}

/** The page's form from a saved posting. */
export function postingFormValues(p: PostingForm): PostingFormValues {
  return {
    title: p.title,
    employer: p.employer,
    role: p.role,
    required: p.credentials.required.join(', '),
    anyOf: p.credentials.anyOf.map((g) => g.join(' or ')).join('; '),
    preferred: p.credentials.preferred.join(', '),
    withinDays: p.credentials.withinDays?.toString() ?? '',
    apprenticeWelcome: p.credentials.apprenticeWelcome,
    specialties: p.specialties,
    workMode: p.workMode,
    locations: p.locations
      .map((l) => `${l.city}, ${l.state}${l.postalCode ? ` ${l.postalCode}` : ''}`)
      .join('\n'),
    remoteMode: p.remoteStates.mode,
    remoteStates: p.remoteStates.states.join(', '),
    payMin: p.pay?.min?.toString() ?? '',
    payMax: p.pay?.max?.toString() ?? '',
    payPeriod: p.pay?.period ?? 'hour',
    employmentType: p.employmentType,
    minYearsExperience: p.minYearsExperience?.toString() ?? '',
    description: p.description,
    applyUrl: p.applyUrl ?? '',
    applyEmail: p.applyEmail ?? '',
    validThrough: p.validThrough ?? '',
  };
}

/** The form field an API error path names ("posting.pay.max" -> "payMax"). */
export function postingFieldOf(path: string): string | null {
  const p = path.replace(/^posting\./, '');
  if (p.startsWith('credentials.required')) return 'required';
  if (p.startsWith('credentials.anyOf')) return 'anyOf';
  if (p.startsWith('credentials.preferred')) return 'preferred';
  if (p.startsWith('credentials.withinDays')) return 'withinDays';
  if (p.startsWith('remoteStates.states')) return 'remoteStates';
  if (p.startsWith('remoteStates')) return 'remoteMode';
  if (p.startsWith('locations')) return 'locations';
  if (p === 'pay.max') return 'payMax';
  if (p.startsWith('pay')) return 'payMin';
  if (p.startsWith('specialties')) return 'specialties';
  const top = p.split('.')[0];
  return top in { ...EMPTY_POSTING_FORM } ? top : null;
}
