import {
  CODING_SYSTEMS,
  CREDENTIALS,
  EMPLOYMENT_TYPE_NAMES,
  EMPLOYMENT_TYPES,
  ROLES,
  SPECIALTIES,
  SPECIALTY_NAMES,
  STATE_NAMES,
  US_STATES,
  WORK_MODE_NAMES,
  WORK_MODES,
  type EmploymentType,
  type Specialty,
  type UsState,
  type WorkMode,
} from '#taxonomy';
import { readKeywords, type KeywordFilters } from '#search';
import { formatDollars } from '../kit/format';
import { roleName } from './listing-facts';

// The /jobs page's address: the API's search parameters (same names, so a page address and an API
// call read alike), plus the page's own: `page` (the number shown), `literal` (search the words as
// text, without reading filters out of them). Pure: reading a query, merging what the search box's
// words say, and writing addresses back in one order so equal searches have equal addresses.

export const MULTI_FIELDS = [
  'role',
  'credential',
  'specialty',
  'codingSystem',
  'workMode',
  'employmentType',
  'state',
] as const;
export const SINGLE_FIELDS = [
  'q',
  'remoteEligibleFor',
  'near',
  'radiusMiles',
  'minPay',
  'postedWithinDays',
  'employer',
  'sort',
] as const;

export type MultiField = (typeof MULTI_FIELDS)[number];
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** Filters as given (strings, not yet validated), in the API's parameter names. */
export type SearchParams = Partial<Record<MultiField, string[]>> & Partial<Record<SingleField, string>>;

export interface SearchForm {
  params: SearchParams;
  cursor?: string;
  /** The cursors of the pages before this one (page 2's is empty, so it is not kept), for "Previous". */
  back: string[];
  page: number;
  literal: boolean;
  /** Parameters the page does not know, kept so validation names them. */
  unknown: Record<string, string>;
}

/** Vocabulary order, so "?role=biller&role=coder" and "?role=coder,biller" are one address. */
const ORDER: Record<MultiField, readonly string[]> = {
  role: ROLES,
  credential: CREDENTIALS,
  specialty: SPECIALTIES,
  codingSystem: CODING_SYSTEMS,
  workMode: WORK_MODES,
  employmentType: EMPLOYMENT_TYPES,
  state: US_STATES,
};

const PAGE_FIELDS = new Set(['cursor', 'back', 'page', 'literal']);
/** How many earlier pages "Previous" can walk back through; beyond that it starts again from page 1. */
export const MAX_BACK = 20;

/** Paging travels with the filters: keyset cursors only go forward, so earlier pages' cursors ride along. */
export interface PageExtra {
  cursor?: string;
  back?: string[];
  page?: number;
  literal?: boolean;
}
const MAX_VALUES = 60;

function values(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .slice(0, MAX_VALUES);
}

/** The first non-empty value as given (commas kept: "Dallas, TX" is one place). */
function first(raw: unknown): string | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  for (const v of list) if (typeof v === 'string' && v.trim().length > 0) return v.trim();
  return undefined;
}

function ordered(field: MultiField, list: string[]): string[] {
  const order = ORDER[field];
  const rank = (v: string) => {
    const i = order.findIndex((o) => o.toLowerCase() === v.toLowerCase());
    return i === -1 ? order.length : i;
  };
  return [...new Set(list)].sort((a, b) => rank(a) - rank(b));
}

/** The page's query as sent by its form or a link: empty fields dropped, lists split and ordered. */
export function readSearchForm(query: Record<string, unknown>): SearchForm {
  const params: SearchParams = {};
  const unknown: Record<string, string> = {};
  for (const field of MULTI_FIELDS) {
    const list = values(query[field]);
    if (list.length > 0) params[field] = ordered(field, list);
  }
  for (const field of SINGLE_FIELDS) {
    const value = first(query[field]);
    if (value !== undefined) params[field] = value;
  }
  // The radius box always holds a value; without a place it means nothing.
  if (!params.near) delete params.radiusMiles;
  for (const [key, value] of Object.entries(query)) {
    if (
      !(MULTI_FIELDS as readonly string[]).includes(key) &&
      !(SINGLE_FIELDS as readonly string[]).includes(key)
    ) {
      if (!PAGE_FIELDS.has(key)) unknown[key] = String(value);
    }
  }
  const page = Number(first(query.page) ?? '1');
  return {
    params,
    cursor: first(query.cursor),
    back: backCursors(first(query.back)),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
    literal: first(query.literal) === '1',
    unknown,
  };
}

/** Earlier pages' cursors, bounded; each is checked by search itself when it is followed. */
function backCursors(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .filter((c) => /^[A-Za-z0-9_-]{1,512}$/.test(c))
    .slice(-MAX_BACK);
}

/**
 * The search box's words read as filters and merged into the ones the form set: lists are joined,
 * single filters the form set win. Returns the reading when anything was read.
 */
export function applyKeywords(params: SearchParams): {
  params: SearchParams;
  reading: KeywordFilters | null;
} {
  if (!params.q) return { params, reading: null };
  const reading = readKeywords(params.q);
  if (reading.readings.length === 0) return { params, reading: null };
  const out: SearchParams = { ...params, q: reading.text || undefined };
  for (const field of MULTI_FIELDS) {
    const read = reading[field] as string[];
    if (read.length > 0) out[field] = ordered(field, [...(params[field] ?? []), ...read]);
  }
  if (reading.remoteEligibleFor && !params.remoteEligibleFor)
    out.remoteEligibleFor = reading.remoteEligibleFor;
  if (reading.near && !params.near) out.near = reading.near;
  if (reading.minPay !== undefined && !params.minPay) out.minPay = String(reading.minPay);
  if (!out.q) delete out.q;
  return { params: out, reading };
}

/** Query pairs in one fixed order: the form's fields, then paging. */
export function searchQueryPairs(params: SearchParams, extra: PageExtra = {}): [string, string][] {
  const pairs: [string, string][] = [];
  if (params.q) pairs.push(['q', params.q]);
  if (extra.literal && params.q) pairs.push(['literal', '1']);
  for (const field of MULTI_FIELDS) for (const v of params[field] ?? []) pairs.push([field, v]);
  for (const field of SINGLE_FIELDS) {
    const v = params[field];
    if (field !== 'q' && v !== undefined) pairs.push([field, v]);
  }
  if (extra.cursor) pairs.push(['cursor', extra.cursor]);
  if (extra.cursor && extra.back && extra.back.length > 0) pairs.push(['back', extra.back.join(',')]);
  if (extra.page && extra.page > 1) pairs.push(['page', String(extra.page)]);
  return pairs;
}

export function searchHref(params: SearchParams, extra: PageExtra = {}, path = '/jobs'): string {
  const query = new URLSearchParams(searchQueryPairs(params, extra)).toString();
  return query ? `${path}?${query}` : path;
}

/** The same search without one value of a filter (or the whole filter). */
export function without(params: SearchParams, field: MultiField | SingleField, value?: string): SearchParams {
  const out: SearchParams = { ...params };
  if ((MULTI_FIELDS as readonly string[]).includes(field)) {
    const rest = (params[field as MultiField] ?? []).filter((v) => value !== undefined && v !== value);
    if (rest.length > 0) out[field as MultiField] = rest;
    else delete out[field as MultiField];
  } else {
    delete out[field as SingleField];
    if (field === 'near') delete out.radiusMiles;
    if (field === 'q' && out.sort === 'relevance') delete out.sort;
  }
  return out;
}

export function hasFilters(params: SearchParams): boolean {
  return Object.keys(params).some((k) => k !== 'sort');
}

const usd = (n: number) => formatDollars(n);
const stateName = (code: string) => STATE_NAMES[code.toUpperCase() as UsState] ?? code;
const orList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export interface ActiveFilter {
  field: MultiField | SingleField;
  value?: string;
  label: string;
}

/** Each filter in force, for chips that remove it. Sorting is not a filter. */
export function activeFilters(params: SearchParams): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  if (params.q) out.push({ field: 'q', label: `Words: “${params.q}”` });
  for (const v of params.role ?? []) out.push({ field: 'role', value: v, label: roleName(v) });
  for (const v of params.credential ?? [])
    out.push({ field: 'credential', value: v, label: `Asks for ${v}` });
  for (const v of params.specialty ?? []) {
    out.push({ field: 'specialty', value: v, label: SPECIALTY_NAMES[v as Specialty] ?? v });
  }
  for (const v of params.codingSystem ?? []) out.push({ field: 'codingSystem', value: v, label: v });
  for (const v of params.workMode ?? [])
    out.push({ field: 'workMode', value: v, label: WORK_MODE_NAMES[v as WorkMode] ?? v });
  for (const v of params.employmentType ?? []) {
    out.push({ field: 'employmentType', value: v, label: EMPLOYMENT_TYPE_NAMES[v as EmploymentType] ?? v });
  }
  for (const v of params.state ?? []) out.push({ field: 'state', value: v, label: `In ${stateName(v)}` });
  if (params.remoteEligibleFor) {
    out.push({
      field: 'remoteEligibleFor',
      label: `Open to ${stateName(params.remoteEligibleFor)} residents`,
    });
  }
  if (params.near) {
    out.push({ field: 'near', label: `Within ${params.radiusMiles ?? '25'} miles of ${params.near}` });
  }
  if (params.minPay) {
    const n = Number(params.minPay);
    out.push({
      field: 'minPay',
      label: Number.isFinite(n) ? `Pays ${usd(n)}+ a year` : `Pay: ${params.minPay}`,
    });
  }
  if (params.postedWithinDays) {
    out.push({ field: 'postedWithinDays', label: `Posted in the last ${params.postedWithinDays} days` });
  }
  if (params.employer) out.push({ field: 'employer', label: `Employer: ${params.employer}` });
  return out;
}

const CODING_ROLES = ['coder', 'coder_biller'];
const BILLING_ROLES = ['biller', 'coder_biller'];
const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

function roleWords(roles: string[]): string {
  if (same(roles, CODING_ROLES)) return 'coding';
  if (same(roles, BILLING_ROLES)) return 'billing';
  return orList(roles.map((r) => roleName(r).toLowerCase()));
}

/**
 * The search in words, for headings and for saying what the search box's words became: "remote
 * inpatient coding jobs open to Texas residents that ask for CPC".
 */
export function describeSearch(params: SearchParams): string {
  const adjectives = [
    ...(params.employmentType ?? []).map((t) =>
      (EMPLOYMENT_TYPE_NAMES[t as EmploymentType] ?? t).toLowerCase(),
    ),
  ];
  if (params.workMode)
    adjectives.push(orList(params.workMode.map((m) => (WORK_MODE_NAMES[m as WorkMode] ?? m).toLowerCase())));
  if (params.specialty) {
    adjectives.push(
      orList(
        params.specialty.map((s) =>
          (SPECIALTY_NAMES[s as Specialty] ?? s).replace(/ \(.*\)$/, '').toLowerCase(),
        ),
      ),
    );
  }
  if (params.codingSystem) adjectives.push(orList(params.codingSystem));
  if (params.role) adjectives.push(roleWords(params.role));
  const parts = [[...adjectives, 'jobs'].join(' ')];
  if (params.state) parts.push(`in ${orList(params.state.map(stateName))}`);
  if (params.near) parts.push(`within ${params.radiusMiles ?? '25'} miles of ${params.near}`);
  if (params.remoteEligibleFor) parts.push(`open to ${stateName(params.remoteEligibleFor)} residents`);
  if (params.credential) parts.push(`that ask for ${orList(params.credential)}`);
  if (params.employer) parts.push(`at employers named “${params.employer}”`);
  if (params.minPay && Number.isFinite(Number(params.minPay)))
    parts.push(`paying ${usd(Number(params.minPay))} a year or more`);
  if (params.postedWithinDays) parts.push(`posted in the last ${params.postedWithinDays} days`);
  if (params.q) parts.push(`matching “${params.q}”`);
  return parts.join(' ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
