import { filterConditions, type SearchFilters } from './search-filters';
import { SqlParams, type Queryable } from '#persistence';

/** Pay bands by the top of a listing's annualised range (the figure the minPay filter reads). */
export const PAY_BANDS = [
  { value: 'under_40k', label: 'Under $40K', min: null, max: 40_000 },
  { value: '40k_50k', label: '$40K-$50K', min: 40_000, max: 50_000 },
  { value: '50k_60k', label: '$50K-$60K', min: 50_000, max: 60_000 },
  { value: '60k_75k', label: '$60K-$75K', min: 60_000, max: 75_000 },
  { value: '75k_plus', label: '$75K and up', min: 75_000, max: null },
  { value: 'not_stated', label: 'Pay not stated', min: null, max: null },
] as const;

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchFacets {
  role: FacetCount[];
  credential: FacetCount[];
  specialty: FacetCount[];
  workMode: FacetCount[];
  state: FacetCount[];
  employmentType: FacetCount[];
  pay: (FacetCount & { label: string })[];
}

const PAY_BAND_SQL =
  `CASE WHEN f.pay_annual_max IS NULL THEN 'not_stated'` +
  PAY_BANDS.filter((b) => b.value !== 'not_stated')
    .map((b) => (b.max === null ? '' : ` WHEN f.pay_annual_max < ${b.max} THEN '${b.value}'`))
    .join('') +
  ` ELSE '75k_plus' END`;

/**
 * Counts over the filtered set (every filter applied, the text query included), in one pass: the
 * matching rows are read once into a CTE and each facet groups it. Credentials, specialties and
 * states are arrays, so a listing counts once under each of its values.
 */
export async function searchFacets(db: Queryable, filters: SearchFilters): Promise<SearchFacets> {
  const p = new SqlParams();
  const where = filterConditions(filters, p);
  const sql =
    `WITH f AS MATERIALIZED (SELECT l.role, l.work_mode, l.employment_type, l.certs_all, l.specialties,` +
    ` l.states, l.pay_annual_max FROM listings l${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''})` +
    ` SELECT 'role' AS facet, f.role AS value, count(*)::int AS count FROM f GROUP BY f.role` +
    ` UNION ALL SELECT 'credential', c, count(*)::int FROM f, unnest(f.certs_all) c GROUP BY c` +
    ` UNION ALL SELECT 'specialty', s, count(*)::int FROM f, unnest(f.specialties) s GROUP BY s` +
    ` UNION ALL SELECT 'workMode', f.work_mode, count(*)::int FROM f GROUP BY f.work_mode` +
    ` UNION ALL SELECT 'state', st, count(*)::int FROM f, unnest(f.states) st GROUP BY st` +
    ` UNION ALL SELECT 'employmentType', f.employment_type, count(*)::int FROM f GROUP BY f.employment_type` +
    ` UNION ALL SELECT 'pay', b.band, count(*)::int FROM (SELECT ${PAY_BAND_SQL} AS band FROM f) b GROUP BY b.band`;
  const rows: { facet: keyof SearchFacets; value: string; count: number }[] = await db.query(sql, p.values);

  const facets: SearchFacets = {
    role: [],
    credential: [],
    specialty: [],
    workMode: [],
    state: [],
    employmentType: [],
    pay: [],
  };
  const payCounts = new Map<string, number>();
  for (const r of rows) {
    if (r.facet === 'pay') payCounts.set(r.value, r.count);
    else facets[r.facet].push({ value: r.value, count: r.count });
  }
  for (const key of Object.keys(facets) as (keyof SearchFacets)[]) {
    if (key !== 'pay') facets[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  // Every band is listed, in order, zeros included: a client draws them as a fixed scale.
  facets.pay = PAY_BANDS.map((b) => ({ value: b.value, label: b.label, count: payCounts.get(b.value) ?? 0 }));
  return facets;
}
