import {
  CREDENTIAL_INFO,
  EMPLOYMENT_TYPE_NAMES,
  ROLE_NAMES,
  SALARY_PERIOD_NAMES,
  SPECIALTY_NAMES,
  STATE_NAMES,
  WORK_MODE_NAMES,
  type Credential,
  type EmploymentType,
  type Role,
  type SalaryPeriod,
  type Specialty,
  type UsState,
  type WorkMode,
} from '#taxonomy';
import type { ListingView } from '#search';
import type { ChipTone } from '../kit/components/chips';
import { formatDate, formatDollars } from '../kit/format';

// A listing's facts in the words a coder reads them: pay as written and per year, who may work
// remotely from where, which credentials are asked for and how. Plain strings: the pages escape them.

const DAY_MS = 86_400_000;

const usd = formatDollars;

function range(min: number | null, max: number | null, cents: boolean): string | null {
  if (min !== null && max !== null)
    return min === max ? usd(min, cents) : `${usd(min, cents)}–${usd(max, cents)}`;
  if (min !== null) return `from ${usd(min, cents)}`;
  if (max !== null) return `up to ${usd(max, cents)}`;
  return null;
}

/** "$24–$29 an hour" as the posting stated it; null without pay. */
export function payAsWritten(salary: ListingView['salary']): string | null {
  if (!salary) return null;
  const small = salary.period !== 'year' && salary.period !== 'month';
  const amount = range(
    salary.min,
    salary.max,
    small && [salary.min, salary.max].some((v) => v !== null && v % 1 !== 0),
  );
  if (!amount) return null;
  const currency = salary.currency === 'USD' ? '' : ` ${salary.currency}`;
  return `${amount}${currency} ${SALARY_PERIOD_NAMES[salary.period as SalaryPeriod] ?? `per ${salary.period}`}`;
}

/** "$49,920–$60,320 a year": hourly pay at 2,080 hours; null when it cannot be annualised (per chart). */
export function payPerYear(salary: ListingView['salary']): string | null {
  if (!salary || (salary.annualMin === null && salary.annualMax === null)) return null;
  const amount = range(salary.annualMin, salary.annualMax, false);
  return amount ? `${amount} a year` : null;
}

/** Both, once when they say the same: "$24–$29 an hour (about $49,920–$60,320 a year)". */
export function payLine(salary: ListingView['salary']): string | null {
  const written = payAsWritten(salary);
  const yearly = payPerYear(salary);
  if (!written) return null;
  return yearly && salary?.period !== 'year' ? `${written} (about ${yearly})` : written;
}

const stateList = (states: readonly string[]) => states.join(', ');

/** "Remote: TX, OK, AR residents", "Remote anywhere in the US except CA, NY", "Hybrid", "On site". */
export function workModeLine(
  listing: Pick<ListingView, 'workMode' | 'remoteStates' | 'remoteExcludedStates'>,
): string {
  if (listing.workMode !== 'remote') return WORK_MODE_NAMES[listing.workMode as WorkMode] ?? listing.workMode;
  if (listing.remoteStates && listing.remoteStates.length > 0) {
    return `Remote: ${stateList(listing.remoteStates)} residents only`;
  }
  if (listing.remoteExcludedStates.length > 0) {
    return `Remote anywhere in the US except ${stateList(listing.remoteExcludedStates)}`;
  }
  return 'Remote anywhere in the US';
}

/** Whether a resident of `state` may take this remote listing; null for listings that are not remote. */
export function remoteOpenTo(
  listing: Pick<ListingView, 'workMode' | 'remoteStates' | 'remoteExcludedStates'>,
  state: UsState,
): boolean | null {
  if (listing.workMode !== 'remote') return null;
  if (listing.remoteStates && listing.remoteStates.length > 0) return listing.remoteStates.includes(state);
  return !listing.remoteExcludedStates.includes(state);
}

/** "Dallas, TX; Austin, TX" */
export function placesLine(listing: Pick<ListingView, 'locations'>): string | null {
  const places = listing.locations
    .map((l) => [l.city, l.state].filter(Boolean).join(', '))
    .filter((p) => p.length > 0);
  const unique = [...new Set(places)];
  if (unique.length === 0) return null;
  return unique.length > 3
    ? `${unique.slice(0, 3).join('; ')} and ${unique.length - 3} more`
    : unique.join('; ');
}

export interface CredentialChip {
  tone: ChipTone;
  text: string;
  /** Full names of the codes, for a title a screen reader or a hover can give. */
  names: string;
}

function months(days: number): string {
  if (days % 365 === 0) return `${days / 365} year${days === 365 ? '' : 's'}`;
  if (days % 30 === 0) return `${days / 30} month${days === 30 ? '' : 's'}`;
  return `${days} days`;
}

const nameOf = (code: string) => CREDENTIAL_INFO[code as Credential]?.name ?? code;

/**
 * The credentials block as chips: required ones, each any-of group, preferred ones, then the notes
 * that change who qualifies ("CPC-A welcome", "within 6 months of hire", "or equivalent").
 */
export function credentialChips(c: ListingView['certifications']): CredentialChip[] {
  const chips: CredentialChip[] = [];
  const within = c.requiredWithinDays ? ` within ${months(c.requiredWithinDays)} of hire` : '';
  for (const code of c.required) {
    chips.push({ tone: 'required', text: `${code} required${within}`, names: nameOf(code) });
  }
  for (const group of c.anyOf) {
    chips.push({
      tone: 'any',
      text: `One of ${group.join(', ')}${within ? ` (${within.trim()})` : ''}`,
      names: group.map(nameOf).join(', '),
    });
  }
  for (const code of c.preferred)
    chips.push({ tone: 'preferred', text: `${code} preferred`, names: nameOf(code) });
  if (c.apprenticeAccepted) {
    const full = [...c.required, ...c.anyOf.flat()];
    const apprentices = full.filter(
      (code) => code === 'CPC' || CREDENTIAL_INFO[code as Credential]?.apprenticeNames,
    );
    const label = apprentices.length > 0 ? apprentices.map((code) => `${code}-A`).join(', ') : 'Apprentices';
    chips.push({
      tone: 'good',
      text: `${label} welcome`,
      names: 'Apprentice credential holders are welcome',
    });
  }
  if (c.equivalentAccepted) chips.push({ tone: 'note', text: 'or an equivalent credential', names: '' });
  return chips;
}

export function roleName(role: string): string {
  return ROLE_NAMES[role as Role] ?? role;
}

export function specialtyNames(specialties: readonly string[]): string[] {
  return specialties.map((s) => SPECIALTY_NAMES[s as Specialty] ?? s);
}

export function employmentTypeName(type: string): string | null {
  return type === 'unknown' ? null : (EMPLOYMENT_TYPE_NAMES[type as EmploymentType] ?? type);
}

export function stateName(code: string): string {
  return STATE_NAMES[code as UsState] ?? code;
}

/** "today", "yesterday", "3 days ago", "Nov 18, 2026" past a month. */
export function ageText(iso: string | null, now: Date): string | null {
  if (!iso) return null;
  const then = new Date(iso);
  const days = Math.floor((now.getTime() - then.getTime()) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  return dateText(iso);
}

export const dateText = formatDate;
