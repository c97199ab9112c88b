import { hasLocationWithinSql, type GeoCircle } from './geo-box';
import { SEARCH_DOCUMENT_SQL } from './search-document';
import { escapeLike, type SqlParams } from '#persistence';
import type { TextQuery } from './text-query';

/** Search filters with every value validated and places already resolved to coordinates. */
export interface SearchFilters {
  status: 'open' | 'closed' | 'all';
  source?: string;
  text?: TextQuery;
  roles?: string[];
  /** Listings that require or prefer any of these. */
  credentials?: string[];
  specialties?: string[];
  codingSystems?: string[];
  workModes?: string[];
  employmentTypes?: string[];
  /** Any location in one of these states. */
  states?: string[];
  /** Remote listings a resident of this state may take. */
  remoteEligibleFor?: string;
  near?: GeoCircle;
  /** Annual USD: the top of the listing's annualised range reaches it. */
  minPay?: number;
  postedSince?: Date;
  /** Part of the employer's name, any case. */
  employer?: string;
}

/** Sort key of sort=pay; also the minPay filter, so one index serves both. */
export const PAY_KEY_SQL = 'coalesce(l.pay_annual_max, -1)';

/** The text condition: the weighted document matches the query (GIN index on the stored column). */
export function textMatchSql(text: TextQuery, p: SqlParams): string {
  return `${SEARCH_DOCUMENT_SQL} @@ websearch_to_tsquery('english'::regconfig, ${p.add(text.websearch)})`;
}

/** WHERE conditions (ANDed) for the filters, on listings aliased `l`. */
export function filterConditions(f: SearchFilters, p: SqlParams): string[] {
  const where: string[] = [];
  if (f.status !== 'all') where.push(`l.status = ${p.add(f.status)}`);
  if (f.source) {
    where.push(
      `EXISTS (SELECT 1 FROM source_postings sp WHERE sp.listing_id = l.id AND sp.source_id = ${p.add(f.source)})`,
    );
  }
  if (f.text) where.push(textMatchSql(f.text, p));
  if (f.roles) where.push(`l.role = ANY(${p.add(f.roles, 'text[]')})`);
  if (f.credentials) {
    // @> for one credential and && for several: both are answered by the GIN index on certs_all.
    where.push(
      f.credentials.length === 1
        ? `l.certs_all @> ${p.add(f.credentials, 'text[]')}`
        : `l.certs_all && ${p.add(f.credentials, 'text[]')}`,
    );
  }
  if (f.specialties) where.push(`l.specialties && ${p.add(f.specialties, 'text[]')}`);
  if (f.codingSystems) where.push(`l.coding_systems && ${p.add(f.codingSystems, 'text[]')}`);
  if (f.workModes) where.push(`l.work_mode = ANY(${p.add(f.workModes, 'text[]')})`);
  if (f.employmentTypes) where.push(`l.employment_type = ANY(${p.add(f.employmentTypes, 'text[]')})`);
  if (f.states) where.push(`l.states && ${p.add(f.states, 'text[]')}`);
  if (f.remoteEligibleFor) where.push(remoteEligibleSql('l', f.remoteEligibleFor, p));
  if (f.near) where.push(hasLocationWithinSql('l', f.near, p));
  if (f.minPay !== undefined) where.push(`${PAY_KEY_SQL} >= ${p.add(f.minPay, 'int')}`);
  if (f.postedSince) where.push(`l.sort_at >= ${p.add(f.postedSince.toISOString(), 'timestamptz')}`);
  if (f.employer) where.push(`l.employer_name ILIKE ${p.add(`%${escapeLike(f.employer)}%`)}`);
  return where;
}

/**
 * A remote listing a resident of `state` may take: no state list (or an empty one) or one naming
 * the state, the state not excluded, and not limited to another country. The same rules as the
 * matching core's remote check.
 */
export function remoteEligibleSql(alias: string, state: string, p: SqlParams): string {
  const s = p.add([state], 'text[]');
  return (
    `(${alias}.work_mode = 'remote'` +
    ` AND (${alias}.remote_states IS NULL OR cardinality(${alias}.remote_states) = 0 OR ${alias}.remote_states @> ${s})` +
    ` AND NOT (${alias}.remote_excluded_states @> ${s})` +
    ` AND (${alias}.remote_country IS NULL OR ${alias}.remote_country = 'US'))`
  );
}
