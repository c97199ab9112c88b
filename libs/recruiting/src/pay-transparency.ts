import type { UsState } from '#taxonomy';

/**
 * US pay-transparency laws that require a pay range in a job posting open to the state's residents,
 * with the date each took effect (for postings). Kept as data: a new law is a new row.
 */
export interface PayTransparencyLaw {
  state: UsState;
  /** ISO date the posting requirement took effect. */
  since: string;
  law: string;
}

export const PAY_TRANSPARENCY_LAWS: readonly PayTransparencyLaw[] = [
  { state: 'CO', since: '2021-01-01', law: 'Equal Pay for Equal Work Act' },
  { state: 'CA', since: '2023-01-01', law: 'SB 1162' },
  { state: 'WA', since: '2023-01-01', law: 'Equal Pay and Opportunities Act (SB 5761)' },
  { state: 'NY', since: '2023-09-17', law: 'Labor Law 194-b' },
  { state: 'HI', since: '2024-01-01', law: 'Act 203 (SB 1057)' },
  { state: 'DC', since: '2024-06-30', law: 'Wage Transparency Omnibus Amendment Act' },
  { state: 'MD', since: '2024-10-01', law: 'SB 525' },
  { state: 'IL', since: '2025-01-01', law: 'Equal Pay Act amendment (HB 3129)' },
  { state: 'MN', since: '2025-01-01', law: 'Minn. Stat. 181.173' },
  { state: 'NJ', since: '2025-06-01', law: 'S2310' },
  { state: 'VT', since: '2025-07-01', law: 'Act 155 (H.704)' },
  { state: 'MA', since: '2025-10-29', law: 'Frances Perkins Workplace Equity Act' },
];

/** The laws in force on `on` in any of `states`. */
export function lawsInForce(states: Iterable<string>, on: Date): PayTransparencyLaw[] {
  const wanted = new Set(states);
  const day = on.toISOString().slice(0, 10);
  return PAY_TRANSPARENCY_LAWS.filter((l) => wanted.has(l.state) && l.since <= day);
}
