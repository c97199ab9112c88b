import {
  checkEligibility,
  PAY_TOLERANCE,
  annualise,
  type CandidateProfile,
  type EquivalenceRule,
  type MatchableListing,
} from '#matching';
import { EMPLOYMENT_TYPES, ROLES } from '#taxonomy';
import { withinCircleSql, type GeoCircle } from './geo-box';
import { remoteEligibleSql } from './search-filters';
import {
  escapeLike,
  listingColumnsSql,
  MATCHABLE_COLUMNS,
  SqlParams,
  toMatchableListing,
  type MatchableRow,
  type Queryable,
} from '#persistence';

// The SQL pre-filter for matching. Ranking runs in JS with the matching core, so the database only
// has to hand over a small pool that surely contains the best matches. Every condition below is a
// SUPERSET of what the core accepts: it may let through a listing the core then rejects (the core
// re-checks every listing), but it must never drop one the core would accept. Where the core's rule is
// not easy to restate in SQL, the condition is derived from the core itself (acceptedValues) or kept
// looser than the rule.
//
//   open                      status = 'open'
//   employer left out         folded-name rules approximated from below: exact name or "name ...",
//                             for ASCII names the core itself excludes (tested on the fetched rows)
//   roles wanted              roles the core accepts, found by asking checkEligibility per role
//   employment types wanted   likewise
//   work mode and place       remote: the state may work there (same rules as the core); hybrid,
//                             onsite and unstated: a listing_locations row inside the commute circle,
//                             or any place at all (mapped or not) for a candidate open to relocation
//   credentials               every required credential held or reachable by SOME equivalence rule
//                             (conditions ignored, so looser than the core), each any-of group met
//                             the same way; no constraint when the listing allows earning it after hire
//   pay                       the top of the annual range is not clearly below the minimum (the
//                             core's tolerance), or the pay is not comparable
//
// The pool is then the first POOL_SIZE by a cheap proxy of the score: listings naming one of the
// candidate's specialties first, newest first within each group (specialty and recency are the
// parts the pre-filter does not already settle). Stretch asks for a second, relaxed pool: near misses
// on credentials, pay and employment type, and places up to twice the commute; remote listings the
// candidate's state may not take are never near misses.

export const POOL_SIZE = 120;

/** Columns the core needs, nothing more (no descriptions). */
const POOL_COLUMNS = listingColumnsSql(MATCHABLE_COLUMNS);

/** A remote listing with no requirements: each probe changes one field to ask the core one question. */
const PROBE: MatchableListing = {
  id: 'probe',
  title: 'probe',
  employer: null,
  role: 'coder',
  certifications: {
    required: [],
    anyOf: [],
    preferred: [],
    requiredWithinDays: null,
    equivalentAccepted: false,
    apprenticeAccepted: false,
  },
  specialties: [],
  workMode: 'remote',
  remoteStates: null,
  remoteExcludedStates: [],
  remoteCountry: null,
  locations: [],
  salary: null,
  employmentType: 'unknown',
  minYearsExperience: null,
  postedAt: null,
};

/** The values of one listing field the core accepts for this candidate (asked, not restated). */
function acceptedValues<K extends 'role' | 'employmentType'>(
  field: K,
  values: readonly MatchableListing[K][],
  refusal: string,
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
): MatchableListing[K][] {
  return values.filter(
    (value) =>
      !checkEligibility({ ...PROBE, [field]: value }, profile, rules).missing.some((m) => m.code === refusal),
  );
}

/** Names the core surely excludes: ASCII (so Postgres and JS lower-case alike) and excluded by the core itself. */
function pushableExclusions(profile: CandidateProfile, rules: readonly EquivalenceRule[]): string[] {
  return profile.excludeEmployers.filter(
    (name) =>
      /^[\x20-\x7e]+$/.test(name) &&
      checkEligibility(
        { ...PROBE, employer: name },
        { ...profile, excludeEmployers: [name] },
        rules,
      ).missing.some((m) => m.code === 'employer_excluded'),
  );
}

/** Every credential the candidate holds or could stand in for through some rule, whatever its condition. */
function reachableCredentials(profile: CandidateProfile, rules: readonly EquivalenceRule[]): string[] {
  const held = new Set<string>(profile.credentials);
  const reachable = new Set<string>(held);
  for (const rule of rules) if (held.has(rule.holds)) for (const c of rule.satisfies) reachable.add(c);
  return [...reachable];
}

export interface PoolOptions {
  /** Loosen credentials, pay and employment type, and double the commute: near misses for stretch. */
  relaxed?: boolean;
  size?: number;
}

/**
 * Employers left out, as a condition on the joined rows: employer_name is not in the covering index,
 * so testing it inside the id scan would send that scan to the table.
 */
function exclusionCondition(
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  p: SqlParams,
): string | null {
  const excluded = pushableExclusions(profile, rules).map((n) => n.toLowerCase());
  if (excluded.length === 0) return null;
  return (
    `NOT (coalesce(lower(l.employer_name), '') = ANY(${p.add(excluded, 'text[]')})` +
    ` OR coalesce(lower(l.employer_name), '') LIKE ANY(${p.add(
      excluded.map((n) => `${escapeLike(n)} %`),
      'text[]',
    )}))`
  );
}

/**
 * What the pre-filter asks of a listing, worked out once from the profile. Both pools state it: this
 * file in SQL, memory/memory-match-pool.ts as bitsets.
 */
export interface PoolCriteria {
  /** Roles the core accepts; null when the candidate named none (any role). */
  roles: string[] | null;
  /** Remote listings must be open to residents of this state. */
  state: string;
  /** Work modes judged by distance from home, and the circle they must lie in (null: none qualify). */
  localModes: string[];
  circle: GeoCircle | null;
  /** Open to relocation: listings of the local modes qualify wherever they are, placed or not. */
  anywhere: boolean;
  /** Strict pools only (null when relaxed or not asked): employment types the core accepts. */
  employmentTypes: string[] | null;
  /** Strict pools only: credentials held or reachable through some rule. */
  reachable: string[] | null;
}

export function poolCriteria(
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  relaxed: boolean,
): PoolCriteria {
  const localModes =
    profile.workMode === 'any'
      ? ['hybrid', 'onsite', 'unknown']
      : profile.workMode === 'remote_or_hybrid'
        ? ['hybrid', 'unknown']
        : [];
  const anywhere = profile.openToRelocation === true && localModes.length > 0;
  const circle =
    !anywhere && profile.home && localModes.length > 0
      ? { ...profile.home, radiusMiles: relaxed ? profile.commuteMiles * 2 : profile.commuteMiles }
      : null;
  return {
    roles: profile.roles.length > 0 ? acceptedValues('role', ROLES, 'role_not_wanted', profile, rules) : null,
    state: profile.stateOfResidence,
    localModes,
    circle,
    anywhere,
    employmentTypes:
      !relaxed && profile.employmentTypes.length > 0
        ? acceptedValues('employmentType', EMPLOYMENT_TYPES, 'employment_type_not_wanted', profile, rules)
        : null,
    reachable: relaxed ? null : reachableCredentials(profile, rules),
  };
}

function poolConditions(
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  relaxed: boolean,
  p: SqlParams,
): string[] {
  const where = [`l.status = 'open'`];
  const c = poolCriteria(profile, rules, relaxed);

  if (c.roles) where.push(`l.role = ANY(${p.add(c.roles, 'text[]')})`);

  // Where the candidate can work: remote from their state, or within reach of home.
  const places = [remoteEligibleSql('l', c.state, p)];
  if (c.anywhere) places.push(`l.work_mode = ANY(${p.add(c.localModes, 'text[]')})`);
  else if (c.circle) {
    // As IN (not EXISTS) so the planner may hash the places within reach once instead of probing
    // per listing, whichever its statistics say is cheaper.
    places.push(
      `(l.work_mode = ANY(${p.add(c.localModes, 'text[]')}) AND l.id IN (SELECT ll.listing_id FROM listing_locations ll` +
        ` WHERE ${withinCircleSql('ll.lat', 'll.lon', c.circle, p)}))`,
    );
  }
  where.push(places.length === 1 ? places[0] : `(${places.join(' OR ')})`);

  if (relaxed) return where;

  if (c.employmentTypes) where.push(`l.employment_type = ANY(${p.add(c.employmentTypes, 'text[]')})`);

  const reachable = p.add(c.reachable, 'text[]');
  where.push(
    `(l.certs_within_days IS NOT NULL OR (l.certs_required <@ ${reachable}` +
      ` AND (l.certs_any_of = '[]'::jsonb OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(l.certs_any_of) g` +
      ` WHERE jsonb_array_length(g) > 0 AND NOT (g ?| ${reachable})))))`,
  );

  if (profile.minPay) {
    const floor =
      Math.floor(annualise(profile.minPay.amount, profile.minPay.period) * (1 - PAY_TOLERANCE)) - 1;
    where.push(
      `(l.salary_period IS NULL OR l.salary_period = 'chart'` +
        ` OR coalesce(l.pay_annual_max, l.pay_annual_min) IS NULL` +
        ` OR coalesce(l.pay_annual_max, l.pay_annual_min) >= ${p.add(floor, 'int')})`,
    );
  }
  return where;
}

/**
 * The listings worth scoring for a candidate (see the top of this file). `home` on the profile must be
 * resolved already; without it only remote listings can qualify, as in the core.
 */
export async function loadMatchPool(
  db: Queryable,
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  options: PoolOptions = {},
): Promise<MatchableListing[]> {
  const p = new SqlParams();
  const where = poolConditions(profile, rules, options.relaxed ?? false, p).join(' AND ');
  const excluded = exclusionCondition(profile, rules, p);
  const size = options.size ?? POOL_SIZE;
  // Read extra ids when some employers are left out, as those are only dropped after the scan.
  const scan = p.add(excluded ? size * 2 : size, 'int');
  const specialties = profile.specialties.map((s) => s.specialty);
  const newest = `ORDER BY l.sort_at DESC, l.id DESC LIMIT ${scan}`;
  // Ids first, from the covering index on open listings (an index-only scan: the filters read
  // included columns, not the wide rows), newest first; then the rows themselves by primary key.
  // The pool's order does not matter: the core ranks it.
  let ids: string;
  if (specialties.length > 0) {
    // Two groups: listings naming one of the candidate's specialties, then the rest (read only when
    // the first does not fill the pool). The overlap test is wrapped in IS TRUE on purpose: as a bare
    // && the planner answers it from the specialties GIN index and then reads tens of thousands of
    // table rows for a common specialty, where walking the covering index newest first stops early.
    const overlap = `(l.specialties && ${p.add(specialties, 'text[]')}) IS TRUE`;
    ids =
      `(SELECT l.id FROM listings l WHERE ${where} AND ${overlap} ${newest})` +
      ` UNION ALL (SELECT l.id FROM listings l WHERE ${where} AND NOT ${overlap} ${newest})` +
      ` LIMIT ${scan}`;
  } else {
    ids = `SELECT l.id FROM listings l WHERE ${where} ${newest}`;
  }
  const rows: MatchableRow[] = await db.query(
    `SELECT ${POOL_COLUMNS} FROM (${ids}) pool JOIN listings l ON l.id = pool.id` +
      (excluded ? ` WHERE ${excluded} LIMIT ${p.add(size, 'int')}` : ''),
    p.values,
  );
  return rows.map(toMatchableListing);
}
