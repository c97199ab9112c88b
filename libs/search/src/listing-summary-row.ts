import type { ListingEntity } from '#persistence';
import { toListingView, type ListingView } from './listing-view';
import { queryPrepared, type Queryable } from '#persistence';

// Result lists read listing rows with plain SQL rather than through the ORM: the columns a list view
// shows, under their entity property names, and only the start of the description (lists show a
// snippet). At a page of 20 per request this halves the API's CPU per search.

const SNIPPET_SOURCE_CHARS = 400;

export const LISTING_SUMMARY_COLUMNS = [
  'l.id',
  'l.status',
  'l.closed_reason AS "closedReason"',
  'l.title',
  'l.employer_name AS "employerName"',
  'l.url',
  'l.role',
  'l.certs_required AS "certsRequired"',
  'l.certs_any_of AS "certsAnyOf"',
  'l.certs_preferred AS "certsPreferred"',
  'l.certs_within_days AS "certsWithinDays"',
  'l.certs_equivalent_accepted AS "certsEquivalentAccepted"',
  'l.certs_apprentice_accepted AS "certsApprenticeAccepted"',
  'l.specialties',
  'l.coding_systems AS "codingSystems"',
  'l.work_mode AS "workMode"',
  'l.remote_states AS "remoteStates"',
  'l.remote_excluded_states AS "remoteExcludedStates"',
  'l.remote_country AS "remoteCountry"',
  'l.locations',
  'l.salary_min AS "salaryMin"',
  'l.salary_max AS "salaryMax"',
  'l.salary_period AS "salaryPeriod"',
  'l.salary_currency AS "salaryCurrency"',
  'l.pay_annual_min AS "payAnnualMin"',
  'l.pay_annual_max AS "payAnnualMax"',
  'l.employment_type AS "employmentType"',
  'l.min_years_experience AS "minYearsExperience"',
  'l.education',
  'l.ehr_systems AS "ehrSystems"',
  'l.encoder_systems AS "encoderSystems"',
  'l.posted_at AS "postedAt"',
  'l.valid_through AS "validThrough"',
  'l.first_seen_at AS "firstSeenAt"',
  // Derived, not stored: ingestion then rewrites only the posting rows it saw, never the wide listing rows.
  '(SELECT max(sp.last_seen_at) FROM source_postings sp WHERE sp.listing_id = l.id) AS "lastSeenAt"',
  'l.changed_at AS "changedAt"',
  'l.closed_at AS "closedAt"',
  `left(l.description_text, ${SNIPPET_SOURCE_CHARS}) AS "descriptionText"`,
].join(', ');

export type ListingSummaryRow = Omit<ListingEntity, 'salaryMin' | 'salaryMax'> & {
  salaryMin: string | number | null;
  salaryMax: string | number | null;
  lastSeenAt: Date | null;
};

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The list view of a row read with LISTING_SUMMARY_COLUMNS. */
export function summaryRowToView(row: ListingSummaryRow): ListingView {
  return toListingView(
    {
      ...row,
      salaryMin: num(row.salaryMin),
      salaryMax: num(row.salaryMax),
      descriptionHtml: '',
    } as ListingEntity,
    false,
    row.lastSeenAt,
  );
}

export const SUMMARIES_BY_ID_STATEMENT = 'listing_summaries';
/** List rows by id, one prepared statement shared by every caller. */
export const SUMMARIES_BY_ID_SQL = `SELECT ${LISTING_SUMMARY_COLUMNS} FROM listings l WHERE l.id = ANY($1::uuid[])`;

/** List views of listings by id, in the order given (ids no longer there are skipped). */
export async function loadListingSummaries(db: Queryable, ids: string[]): Promise<ListingView[]> {
  if (ids.length === 0) return [];
  const rows = (await queryPrepared(db, SUMMARIES_BY_ID_STATEMENT, SUMMARIES_BY_ID_SQL, [
    ids,
  ])) as ListingSummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [summaryRowToView(row)] : [];
  });
}
