import type { DigestCriteria } from '#digests';
import { searchQuerySchema } from '#search';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/endpoint-input';
import { nearFromQuery } from '../listings/near-query';

/** The /jobs parameters a digest keeps (paging, sorting, status and dates mean nothing to it). */
const KEPT = [
  'q',
  'role',
  'credential',
  'specialty',
  'codingSystem',
  'workMode',
  'employmentType',
  'state',
  'remoteEligibleFor',
  'near',
  'radiusMiles',
  'minPay',
  'employer',
] as const;
const IGNORED = new Set([
  'sort',
  'limit',
  'cursor',
  'facets',
  'status',
  'postedWithinDays',
  'back',
  'literal',
  'page',
]);

/**
 * A /jobs query string read as a digest's criteria, validated by the search's own schema (same
 * messages as GET /api/v1/listings), with the place resolved now; and the canonical query string of
 * what was kept, for the digest's "see all" links.
 */
export function criteriaFromQuery(queryString: string): { criteria: DigestCriteria; query: string } {
  if (queryString.length > 2000) {
    throw new ApiError('VALIDATION_FAILED', 'body.search is too long', [
      { field: 'body.search', message: 'search must be at most 2000 characters' },
    ]);
  }
  const params = new URLSearchParams(queryString.replace(/^\?/, ''));
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (IGNORED.has(key)) continue;
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length > 0) raw[key] = values.length === 1 ? values[0] : values;
  }
  const q = parseInput(searchQuerySchema, raw, 'query');
  const point = nearFromQuery(q);
  const near: DigestCriteria['near'] = point && q.near ? { ...point, label: q.near } : undefined;
  const criteria: DigestCriteria = {
    q: q.q,
    roles: q.role,
    credentials: q.credential,
    specialties: q.specialty,
    codingSystems: q.codingSystem,
    workModes: q.workMode,
    employmentTypes: q.employmentType,
    states: q.state,
    remoteEligibleFor: q.remoteEligibleFor,
    near,
    minPay: q.minPay,
    employer: q.employer,
  };
  for (const key of Object.keys(criteria) as (keyof DigestCriteria)[]) {
    if (criteria[key] === undefined) delete criteria[key];
  }
  const canonical = new URLSearchParams();
  const values: Record<(typeof KEPT)[number], unknown> = {
    q: q.q,
    role: q.role,
    credential: q.credential,
    specialty: q.specialty,
    codingSystem: q.codingSystem,
    workMode: q.workMode,
    employmentType: q.employmentType,
    state: q.state,
    remoteEligibleFor: q.remoteEligibleFor,
    near: q.near,
    radiusMiles: q.near ? q.radiusMiles : undefined,
    minPay: q.minPay,
    employer: q.employer,
  };
  for (const key of KEPT) {
    const v = values[key];
    if (v === undefined) continue;
    canonical.set(key, Array.isArray(v) ? v.join(',') : String(v));
  }
  return { criteria, query: canonical.toString() };
}
