import { listingColumnsSql, queryPrepared, type ListingRow, type Queryable } from '#persistence';
import { LIST_VIEW_COLUMNS, toListingView, type ListingView } from './listing-view';

// Result lists read listing rows with plain SQL rather than through the ORM: the columns a list view
// shows, under their entity property names, and only the start of the description (lists show a
// snippet). At a page of 20 per request this halves the API's CPU per search.

const SNIPPET_SOURCE_CHARS = 400;

export const LISTING_SUMMARY_COLUMNS = [
  listingColumnsSql(LIST_VIEW_COLUMNS.filter((c) => c !== 'descriptionText')),
  // Derived, not stored: ingestion then rewrites only the posting rows it saw, never the wide listing rows.
  '(SELECT max(sp.last_seen_at) FROM source_postings sp WHERE sp.listing_id = l.id) AS "lastSeenAt"',
  `left(l.description_text, ${SNIPPET_SOURCE_CHARS}) AS "descriptionText"`,
].join(', ');

export type ListingSummaryRow = Pick<ListingRow, (typeof LIST_VIEW_COLUMNS)[number]> & {
  lastSeenAt: Date | null;
};

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The list view of a row read with LISTING_SUMMARY_COLUMNS. */
export function summaryRowToView(row: ListingSummaryRow): ListingView {
  return toListingView(
    { ...row, salaryMin: num(row.salaryMin), salaryMax: num(row.salaryMax), descriptionHtml: '' },
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
