import type { EntityManager } from 'typeorm';
import type { ListingLocation } from '#taxonomy';
import { ListingLocationEntity } from '../entities/listing-location.entity';
import { ListingEntity, type ListingClosedReason } from '../entities/listing.entity';
import { bulkInsert } from './bulk-insert';
import type { ListingContent } from './listing-content';
import { updateReturning } from './update-returning';

/** A listing row as ingestion creates it: content plus identity, lifecycle and fold keys. */
export type NewListingRow = Partial<ListingEntity> & { id: string; locations: ListingLocation[] };

/** What the jobs feed says of a recruiter's posting. */
export interface RecruiterFeedRow {
  id: string;
  title: string;
  employer: string | null;
  locations: ListingLocation[];
  descriptionText: string;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryPeriod: string | null;
  employmentType: string;
  workMode: string;
  postedAt: Date;
}

/** Listings and their location rows (one per place a listing can be worked from). */
export class ListingsRepository {
  constructor(private readonly db: EntityManager) {}

  findById(id: string): Promise<ListingEntity | null> {
    return this.db.getRepository(ListingEntity).findOneBy({ id });
  }

  /** Inserts listings and their location rows, in two statements whatever their number. */
  async insertMany(rows: NewListingRow[]): Promise<void> {
    if (rows.length === 0) return;
    await bulkInsert(this.db, ListingEntity, rows);
    await this.insertLocations(rows.map((l) => ({ listingId: l.id, locations: l.locations })));
  }

  /**
   * Open listings one of these fingerprints could fold into, oldest first: feed listings, and
   * recruiters' postings (whose facts stay the recruiter's: `rewrite` leaves them alone).
   */
  openFoldTargets(
    fingerprints: string[],
    contentFingerprints: string[],
  ): Promise<{ id: string; fingerprint: string; content_fingerprint: string | null }[]> {
    return this.db.query(
      `SELECT id, fingerprint, content_fingerprint FROM listings
        WHERE status = 'open' AND (fingerprint = ANY($1) OR content_fingerprint = ANY($2))
        ORDER BY first_seen_at ASC`,
      [fingerprints, contentFingerprints],
    );
  }

  /**
   * Rewrites a feed listing's content and fold keys, and its location rows. A recruiter's posting is
   * never rewritten from a feed: the recruiter's structured fields win over the feed's text.
   */
  async rewrite(
    id: string,
    content: ListingContent & Pick<ListingEntity, 'fingerprint' | 'contentFingerprint' | 'changedAt'>,
  ): Promise<void> {
    const result = await this.db.update(ListingEntity, { id, origin: 'feed' }, content);
    if (!result.affected) return;
    await this.db.query('DELETE FROM listing_locations WHERE listing_id = $1', [id]);
    await this.insertLocations([{ listingId: id, locations: content.locations }]);
  }

  /**
   * A feed listing is open while at least one of its source postings is active and its validThrough
   * has not passed; otherwise closed (never deleted). Returns how many changed each way.
   */
  async refreshStatus(ids: string[], now: Date): Promise<{ closed: number; reopened: number }> {
    const rows = await updateReturning<{ old_status: string; status: string }>(
      this.db,
      `WITH target AS (
         SELECT l.id, l.status AS old_status,
                EXISTS (SELECT 1 FROM source_postings sp WHERE sp.listing_id = l.id AND sp.status = 'active') AS has_active,
                (l.valid_through IS NOT NULL AND l.valid_through <= $2) AS expired,
                (SELECT sp.closed_reason FROM source_postings sp WHERE sp.listing_id = l.id
                   ORDER BY sp.closed_at DESC NULLS LAST LIMIT 1) AS posting_reason
           FROM listings l WHERE l.id = ANY($1::uuid[]) AND l.origin = 'feed'
       )
       UPDATE listings l SET
         status = CASE WHEN t.has_active AND NOT t.expired THEN 'open' ELSE 'closed' END,
         closed_reason = CASE WHEN t.has_active AND NOT t.expired THEN NULL
                              WHEN t.expired THEN 'expired'
                              ELSE COALESCE(t.posting_reason, 'missing') END,
         closed_at = CASE WHEN t.has_active AND NOT t.expired THEN NULL ELSE COALESCE(l.closed_at, $2) END
       FROM target t WHERE l.id = t.id
       RETURNING t.old_status, l.status`,
      [ids, now],
    );
    return {
      closed: rows.filter((r) => r.old_status === 'open' && r.status === 'closed').length,
      reopened: rows.filter((r) => r.old_status === 'closed' && r.status === 'open').length,
    };
  }

  /**
   * Puts a recruiter's posting in the index as an open listing with the posting's id: inserted the
   * first time, rewritten (and reopened) after an edit, a renewal or an approval.
   */
  async putRecruiterListing(
    row: NewListingRow & Pick<ListingEntity, 'sortAt' | 'firstSeenAt' | 'changedAt'>,
  ): Promise<void> {
    const [existing]: { id: string }[] = await this.db.query(
      'SELECT id FROM listings WHERE id = $1 FOR UPDATE',
      [row.id],
    );
    if (!existing) {
      await this.insertMany([
        { ...row, origin: 'recruiter', status: 'open', closedReason: null, closedAt: null },
      ]);
      return;
    }
    const { id, locations, firstSeenAt: _first, ...fields } = row;
    await this.db.update(ListingEntity, id, {
      ...fields,
      locations,
      origin: 'recruiter',
      status: 'open',
      closedReason: null,
      closedAt: null,
    });
    await this.db.query('DELETE FROM listing_locations WHERE listing_id = $1', [id]);
    await this.insertLocations([{ listingId: id, locations }]);
  }

  /**
   * Folds open feed listings of the same role into a recruiter's posting: their source postings move
   * to it (so the listing shows both sources) and they close as merged.
   */
  async adoptFeedListings(id: string, fingerprint: string, at: Date): Promise<number> {
    const moved = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE listings SET status = 'closed', closed_reason = 'merged', closed_at = $3, changed_at = $3
        WHERE status = 'open' AND origin = 'feed' AND fingerprint = $2 AND id <> $1 RETURNING id`,
      [id, fingerprint, at],
    );
    if (moved.length > 0)
      await this.db.query('UPDATE source_postings SET listing_id = $1 WHERE listing_id = ANY($2::uuid[])', [
        id,
        moved.map((m) => m.id),
      ]);
    return moved.length;
  }

  /** Takes a recruiter's listing out of search (closed, filled, expired, or back in review). */
  async closeRecruiterListing(id: string, reason: ListingClosedReason, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE listings SET status = 'closed', closed_reason = $2, closed_at = $3, changed_at = $3
        WHERE id = $1 AND origin = 'recruiter' AND status = 'open'`,
      [id, reason, at],
    );
  }

  /** Those of `ids` that are open. */
  async openAmong(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      "SELECT id FROM listings WHERE id = ANY($1::uuid[]) AND status = 'open'",
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Closes open listings whose validThrough has passed (of one source, or all); returns how many. */
  async closeExpired(now: Date, sourceId?: string): Promise<number> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      sourceId === undefined
        ? `UPDATE listings SET status = 'closed', closed_reason = 'expired', closed_at = $1
            WHERE status = 'open' AND valid_through <= $1 RETURNING id`
        : `UPDATE listings SET status = 'closed', closed_reason = 'expired', closed_at = $1
            WHERE status = 'open' AND valid_through <= $1
              AND id IN (SELECT listing_id FROM source_postings WHERE source_id = $2)
            RETURNING id`,
      sourceId === undefined ? [now] : [now, sourceId],
    );
    return rows.length;
  }

  /**
   * Open listings whose id starts with one hex digit, for the sitemaps: a sixteenth of the open ones,
   * read by a range of the primary key.
   */
  async openWithIdPrefix(
    digit: string,
  ): Promise<{ id: string; title: string; employer: string | null; changedAt: Date }[]> {
    if (!/^[0-9a-f]$/.test(digit)) throw new Error(`not a hex digit: ${digit}`);
    const from = `${digit}0000000-0000-0000-0000-000000000000`;
    const to =
      digit === 'f' ? null : `${(parseInt(digit, 16) + 1).toString(16)}0000000-0000-0000-0000-000000000000`;
    const rows: { id: string; title: string; employer_name: string | null; changed_at: Date }[] =
      await this.db.query(
        `SELECT id, title, employer_name, changed_at FROM listings
        WHERE status = 'open' AND id >= $1::uuid AND ($2::uuid IS NULL OR id < $2::uuid) ORDER BY id`,
        [from, to],
      );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      employer: r.employer_name,
      changedAt: r.changed_at,
    }));
  }

  /** Open recruiters' postings, newest first, for the jobs feed (ingested listings are never syndicated). */
  openRecruiterListings(limit: number): Promise<RecruiterFeedRow[]> {
    return this.db.query(
      `SELECT id, title, employer_name AS employer, locations, description_text AS "descriptionText",
              salary_min::float8 AS "salaryMin", salary_max::float8 AS "salaryMax", salary_period AS "salaryPeriod",
              employment_type AS "employmentType", work_mode AS "workMode", sort_at AS "postedAt"
         FROM listings WHERE status = 'open' AND origin = 'recruiter' ORDER BY sort_at DESC, id LIMIT $1`,
      [limit],
    );
  }

  /** The first hex digits of open listings' ids: which sixteenths hold any. */
  async openIdPrefixes(): Promise<string[]> {
    const rows: { digit: string }[] = await this.db.query(
      `SELECT DISTINCT left(id::text, 1) AS digit FROM listings WHERE status = 'open' ORDER BY 1`,
    );
    return rows.map((r) => r.digit);
  }

  private async insertLocations(items: { listingId: string; locations: ListingLocation[] }[]) {
    const rows = items.flatMap(({ listingId, locations }) =>
      locations.map((l) => ({
        listingId,
        city: l.city,
        state: l.state,
        postalCode: l.postalCode,
        lat: l.lat,
        lon: l.lon,
      })),
    );
    await bulkInsert(this.db, ListingLocationEntity, rows);
  }
}
