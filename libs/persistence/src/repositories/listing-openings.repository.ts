import type { EntityManager } from 'typeorm';
import { updateReturning } from './update-returning';
import { listingColumnsSql, MATCHABLE_COLUMNS, type ListingField, type ListingRow } from './listing-columns';

/** What a digest needs of a listing: the matchable facts, and the facts it shows and filters on. */
export const DIGEST_LISTING_COLUMNS = [
  ...MATCHABLE_COLUMNS,
  'codingSystems',
  'certsAll',
  'states',
  'sortAt',
] as const satisfies readonly ListingField[];

export type DigestListingRow = Pick<ListingRow, (typeof DIGEST_LISTING_COLUMNS)[number]> & {
  /** The opening transaction's id (xid8 as decimal text). */
  openedXid: string;
  /** The last transaction that wrote the listing (decimal text): a changed listing has a new one. */
  changeXid: string | null;
};

/** Open listings opened by transactions from `fromXid` on, and the snapshot they were read in. */
export interface RecentOpenings {
  snapshot: string;
  rows: DigestListingRow[];
}

const COLUMNS = listingColumnsSql(DIGEST_LISTING_COLUMNS);

/** The most openings one read returns: a day's worth is a few thousand. */
export const MAX_RECENT_OPENINGS = 100_000;

/** Reads of listing_openings (written by triggers on listings; see migration DigestTables). */
export class ListingOpeningsRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Listings open now (and not past their closing date) whose last opening transaction id is at least
   * `fromXid`, with the snapshot of this very statement, in one round trip: a caller decides what is
   * new for a watermark by visibility in that snapshot.
   */
  async recent(fromXid: string): Promise<RecentOpenings> {
    const rows: Array<DigestListingRow & { snap: string; id: string | null }> = await this.db.query(
      `SELECT s.snap, c.* FROM (SELECT pg_current_snapshot()::text AS snap) s LEFT JOIN LATERAL (
         SELECT ${COLUMNS}, o.opened_xid::text AS "openedXid", l.change_xid::text AS "changeXid"
         FROM listing_openings o JOIN listings l ON l.id = o.listing_id
         WHERE o.opened_xid >= $1::bigint AND l.status = 'open'
           AND (l.valid_through IS NULL OR l.valid_through > now())
         ORDER BY o.opened_xid LIMIT $2) c ON true`,
      [fromXid, MAX_RECENT_OPENINGS],
    );
    return {
      snapshot: rows[0].snap,
      rows: rows.filter((r) => r.id !== null).map(({ snap: _snap, ...row }) => row as DigestListingRow),
    };
  }

  /** Which of these listings are open and not past their closing date right now. */
  async stillOpen(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM listings WHERE id = ANY($1::uuid[]) AND status = 'open'
         AND (valid_through IS NULL OR valid_through > now())`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Title and employer of those of these listings open right now (a digest's earlier ones). */
  async openTitles(ids: string[]): Promise<Map<string, { title: string; employer: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; title: string; employer: string | null }> = await this.db.query(
      `SELECT id, title, employer_name AS employer FROM listings WHERE id = ANY($1::uuid[]) AND status = 'open'
         AND (valid_through IS NULL OR valid_through > now())`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { title: r.title, employer: r.employer }]));
  }

  /** Drops openings older than `before` (no watermark reaches that far back). */
  async prune(before: Date): Promise<number> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `DELETE FROM listing_openings WHERE opened_at < $1 RETURNING listing_id`,
      [before],
    );
    return rows.length;
  }
}
