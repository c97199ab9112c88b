import { STATE_NAMES, US_STATES, type Role, type UsState } from '#taxonomy';
import { slugify } from '../seo/slug';
import type { SearchParams } from './search-params';

// Pages for search engines and for links from the home page: remote jobs by role
// (/jobs/remote/medical-coder) and jobs by role in a state (/jobs/in/texas/medical-coder). Each is a
// fixed search with its own address, title and words.

export interface LandingRole {
  slug: string;
  roles: Role[];
  /** "medical coder": the words for titles ("Remote medical coder jobs"). */
  words: string;
}

export const LANDING_ROLES: LandingRole[] = [
  { slug: 'medical-coder', roles: ['coder', 'coder_biller'], words: 'medical coder' },
  { slug: 'medical-biller', roles: ['biller', 'coder_biller'], words: 'medical biller' },
  { slug: 'coding-auditor', roles: ['auditor'], words: 'coding auditor' },
  { slug: 'cdi-specialist', roles: ['cdi'], words: 'CDI specialist' },
  { slug: 'ar-denials-specialist', roles: ['ar_denials'], words: 'AR and denials' },
  { slug: 'coding-educator', roles: ['educator'], words: 'coding educator' },
  { slug: 'him-specialist', roles: ['him_other'], words: 'HIM specialist' },
];

const STATE_BY_SLUG = new Map<string, UsState>(US_STATES.map((s) => [slugify(STATE_NAMES[s]), s]));

export function stateSlug(state: UsState): string {
  return slugify(STATE_NAMES[state]);
}

export interface Landing {
  path: string;
  title: string;
  intro: string;
  params: SearchParams;
}

export function remoteLanding(role: LandingRole): Landing {
  return {
    path: `/jobs/remote/${role.slug}`,
    title: `Remote ${role.words} jobs`,
    intro:
      `Remote ${role.words} jobs from employers' own job boards. Many remote roles are open only to ` +
      'residents of some states: each listing says which.',
    params: { role: role.roles, workMode: ['remote'] },
  };
}

export function stateLanding(role: LandingRole, state: UsState): Landing {
  const name = STATE_NAMES[state];
  return {
    path: `/jobs/in/${stateSlug(state)}/${role.slug}`,
    title: `${role.words.charAt(0).toUpperCase()}${role.words.slice(1)} jobs in ${name}`,
    intro: `${role.words.charAt(0).toUpperCase()}${role.words.slice(1)} jobs with a workplace in ${name}, on site, hybrid or remote.`,
    params: { role: role.roles, state: [state] },
  };
}

const sameSet = (a: readonly string[] | undefined, b: readonly string[]) =>
  !!a && a.length === b.length && a.every((v) => b.includes(v));

/**
 * The landing page that is exactly this search, if any: its address is then the canonical one of
 * /jobs with the same filters, so search engines keep one page, not two.
 */
export function landingFor(params: SearchParams): Landing | null {
  const keys = Object.keys(params).filter((k) => k !== 'sort');
  const role = LANDING_ROLES.find((r) => sameSet(params.role, r.roles));
  if (!role || keys.length !== 2) return null;
  if (sameSet(params.workMode, ['remote'])) return remoteLanding(role);
  const state = params.state?.length === 1 ? (params.state[0] as UsState) : null;
  return state && STATE_NAMES[state] ? stateLanding(role, state) : null;
}

/** The landing page at an address, or null: unknown roles and states are not pages. */
export function findLanding(path: { role: string; state?: string }): Landing | null {
  const role = LANDING_ROLES.find((r) => r.slug === path.role);
  if (!role) return null;
  if (path.state === undefined) return remoteLanding(role);
  const state = STATE_BY_SLUG.get(path.state);
  return state ? stateLanding(role, state) : null;
}
