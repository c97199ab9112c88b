import { SPECIALTIES, type Specialty } from '#taxonomy';
import type { CandidateProfileFields } from '#matching';

// The profile form and the API's profile body, both ways. The form posts strings; the body is what
// candidateProfileSchema validates, so the form's errors are the API's errors, shown by each field.

/** The form as posted (and as shown back when it had errors). */
export interface ProfileFormValues {
  credentials: string[];
  roles: string[];
  employmentTypes: string[];
  /** Years by specialty code, as typed. */
  years: Partial<Record<Specialty, string>>;
  yearsExperience: string;
  workMode: string;
  /** A ZIP code or "City, ST". */
  home: string;
  commuteMiles: string;
  stateOfResidence: string;
  minPayAmount: string;
  minPayPeriod: string;
  /** One employer a line. */
  excludeEmployers: string;
  openToRelocation: boolean;
}

export const EMPTY_PROFILE_FORM: ProfileFormValues = {
  credentials: [],
  roles: [],
  employmentTypes: [],
  years: {},
  yearsExperience: '',
  workMode: 'any',
  home: '',
  commuteMiles: '25',
  stateOfResidence: '',
  minPayAmount: '',
  minPayPeriod: 'hour',
  excludeEmployers: '',
  openToRelocation: false,
};

const MAX_LIST = 100;

function list(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()))]
    .filter((v) => v.length > 0)
    .slice(0, MAX_LIST);
}

function text(raw: unknown, max = 2000): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

export const yearsField = (specialty: string) => `years-${specialty}`;

/** A posted form body (application/x-www-form-urlencoded, already parsed) as form values. */
export function readProfileForm(body: Record<string, unknown>): ProfileFormValues {
  const years: ProfileFormValues['years'] = {};
  for (const s of SPECIALTIES) {
    const v = text(body[yearsField(s)], 10);
    if (v) years[s] = v;
  }
  return {
    credentials: list(body.credentials),
    roles: list(body.roles),
    employmentTypes: list(body.employmentTypes),
    years,
    yearsExperience: text(body.yearsExperience, 10),
    workMode: text(body.workMode, 40) || 'any',
    home: text(body.home, 100),
    commuteMiles: text(body.commuteMiles, 10),
    stateOfResidence: text(body.stateOfResidence, 10),
    minPayAmount: text(body.minPayAmount, 20).replace(/[$,\s]/g, ''),
    minPayPeriod: text(body.minPayPeriod, 10) || 'hour',
    excludeEmployers: text(body.excludeEmployers, 20_000),
    openToRelocation: text(body.openToRelocation, 10) === 'true',
  };
}

/** A number when the text is one; the text itself otherwise, so validation says what is wrong. */
function numberOr(raw: string): number | string {
  const n = Number(raw);
  return raw !== '' && Number.isFinite(n) ? n : raw;
}

/**
 * The API body for the form. Every field is present: an empty optional field is null, which removes
 * it from a saved profile (and is dropped for a new one), so the form replaces the profile whole.
 */
export function profileBody(form: ProfileFormValues): Record<string, unknown> {
  const home = form.home;
  return {
    credentials: form.credentials,
    specialties: SPECIALTIES.filter((s) => form.years[s] !== undefined).map((s) => ({
      specialty: s,
      years: numberOr(form.years[s]!),
    })),
    roles: form.roles,
    yearsExperience: form.yearsExperience === '' ? undefined : numberOr(form.yearsExperience),
    workMode: form.workMode,
    homePostalCode: /^\d/.test(home) ? home : null,
    homeCity: home && !/^\d/.test(home) ? home : null,
    commuteMiles: form.commuteMiles === '' ? null : numberOr(form.commuteMiles),
    stateOfResidence: form.stateOfResidence === '' ? undefined : form.stateOfResidence,
    minPay:
      form.minPayAmount === '' ? null : { amount: numberOr(form.minPayAmount), period: form.minPayPeriod },
    employmentTypes: form.employmentTypes,
    excludeEmployers: form.excludeEmployers
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
    openToRelocation: form.openToRelocation,
  };
}

/** For a new profile: no nulls (nothing to remove), no undefined. */
export function withoutEmpty(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null && v !== undefined));
}

/** A saved profile as form values, to edit it. */
export function profileFormValues(profile: CandidateProfileFields): ProfileFormValues {
  return {
    credentials: [...profile.credentials],
    roles: [...profile.roles],
    employmentTypes: [...profile.employmentTypes],
    years: Object.fromEntries(profile.specialties.map((s) => [s.specialty, String(s.years)])),
    yearsExperience: String(profile.yearsExperience),
    workMode: profile.workMode,
    home: profile.homePostalCode ?? profile.homeCity ?? '',
    commuteMiles: String(profile.commuteMiles),
    stateOfResidence: profile.stateOfResidence,
    minPayAmount: profile.minPay ? String(profile.minPay.amount) : '',
    minPayPeriod: profile.minPay?.period ?? 'hour',
    excludeEmployers: profile.excludeEmployers.join('\n'),
    openToRelocation: profile.openToRelocation === true,
  };
}

/**
 * The form field an API error path names: "minPay.amount" -> "minPayAmount",
 * "specialties.2.years" -> the years box of the third specialty sent, "credentials.0" -> "credentials".
 */
export function profileFieldOf(path: string, body: Record<string, unknown>): string | null {
  const [head, index] = path.split('.');
  switch (head) {
    case 'minPay':
      return path.endsWith('period') ? 'minPayPeriod' : 'minPayAmount';
    case 'homePostalCode':
    case 'homeCity':
      return 'home';
    case 'specialties': {
      const entry = (body.specialties as { specialty?: string }[] | undefined)?.[Number(index)];
      return entry?.specialty ? yearsField(entry.specialty) : null;
    }
    case 'credentials':
    case 'roles':
    case 'employmentTypes':
    case 'excludeEmployers':
    case 'yearsExperience':
    case 'workMode':
    case 'commuteMiles':
    case 'stateOfResidence':
    case 'openToRelocation':
      return head;
    default:
      return null;
  }
}

/**
 * The API's validation messages name its fields ("commuteMiles must be 250 or less"); the form says
 * them with its own labels ("Longest commute must be 250 or less"), so a person need not know the API.
 */
const FIELD_WORDS: [RegExp, string][] = [
  [
    /^homePostalCode or homeCity is required unless workMode is "remote_only"$/,
    'Give your home ZIP code or City, ST, unless you want remote work only',
  ],
  [/^stateOfResidence is required: .*$/, 'Choose the state you live in'],
  [/^yearsExperience is required: .*$/, 'Give your years of coding or billing experience'],
  [/\bspecialties\.years\b/g, 'Years in a specialty'],
  [/\bminPay\.amount\b/g, 'Lowest pay'],
  [/\bminPay\.period\b/g, 'Pay period'],
  [/\byearsExperience\b/g, 'Years of experience'],
  [/\bcommuteMiles\b/g, 'Longest commute'],
  [/\bstateOfResidence\b/g, 'State you live in'],
  [/\bhomePostalCode\b/g, 'Home ZIP code'],
  [/\bhomeCity\b/g, 'Home city'],
  [/\bexcludeEmployers\b/g, 'Employers to leave out'],
];

export function profileMessage(message: string): string {
  return FIELD_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
}
