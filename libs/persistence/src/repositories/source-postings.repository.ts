import type { EntityManager } from 'typeorm';
import type { ListingLocation } from '#taxonomy';
import { SourcePostingEntity, type SourcePostingStatus } from '../entities/source-posting.entity';
import { bulkInsert } from './bulk-insert';
import { updateReturning } from './update-returning';

/** What ingestion remembers of a source's postings between runs. */
export interface KnownPosting {
  id: string;
  externalId: string;
  listingId: string;
  hash: string;
  status: SourcePostingStatus;
}

/** A source posting of a listing, as the listing's detail view shows it. */
export interface PostingSighting {
  sourceId: string;
  sourceName: string;
  kind: string;
  externalId: string;
  url: string | null;
  status: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  changedAt: Date;
  closedAt: Date | null;
}

/** A listing's postings, primary first: what rebuilding the listing reads (`Raw`: what was stored). */
export interface PostingForRebuild<Raw> {
  listing_id: string;
  source_id: string;
  external_id: string;
  status: string;
  raw: Raw;
  locations: ListingLocation[] | null;
}

/** Source postings: each posting as one source published it, linked to the listing it folds into. */
export class SourcePostingsRepository {
  constructor(private readonly db: EntityManager) {}

  async knownOfSource(sourceId: string): Promise<KnownPosting[]> {
    const rows: {
      id: string;
      external_id: string;
      listing_id: string;
      content_hash: string;
      status: SourcePostingStatus;
    }[] = await this.db.query(
      'SELECT id, external_id, listing_id, content_hash, status FROM source_postings WHERE source_id = $1',
      [sourceId],
    );
    return rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      listingId: r.listing_id,
      hash: r.content_hash,
      status: r.status,
    }));
  }

  async insertMany(rows: Partial<SourcePostingEntity>[]): Promise<void> {
    await bulkInsert(this.db, SourcePostingEntity, rows);
  }

  /** New content of a posting (raw, facts, url). */
  async updateContent(
    id: string,
    content: Pick<SourcePostingEntity, 'contentHash' | 'raw' | 'normalized' | 'url' | 'changedAt'>,
  ): Promise<void> {
    // jsonb columns: TypeORM's deep-partial typing does not fit plain JSON objects.
    await this.db.update(SourcePostingEntity, id, content as never);
  }

  /** A posting seen in this run: its status as the source gives it, and no misses. */
  async markSeen(
    id: string,
    sighting: Pick<SourcePostingEntity, 'status' | 'closedReason' | 'closedAt' | 'lastSeenAt'>,
  ): Promise<void> {
    await this.db.update(SourcePostingEntity, id, { ...sighting, missedRuns: 0 });
  }

  /** Unchanged postings seen again. */
  async touch(ids: string[], seenAt: Date): Promise<void> {
    await this.db.query(
      'UPDATE source_postings SET last_seen_at = $2, missed_runs = 0 WHERE id = ANY($1::uuid[])',
      [ids, seenAt],
    );
  }

  /** A 304 from the source: every active posting is still there. */
  async touchActiveOfSource(sourceId: string, seenAt: Date): Promise<void> {
    await this.db.query(
      "UPDATE source_postings SET last_seen_at = $2 WHERE source_id = $1 AND status = 'active'",
      [sourceId, seenAt],
    );
  }

  async countActive(sourceId: string): Promise<number> {
    const [{ active }] = await this.db.query(
      "SELECT count(*)::int AS active FROM source_postings WHERE source_id = $1 AND status = 'active'",
      [sourceId],
    );
    return active;
  }

  /** Active postings of the source whose external id is not among `externalIds` (what a snapshot would miss). */
  async countActiveMissingFrom(sourceId: string, externalIds: string[]): Promise<number> {
    const [{ missing }] = await this.db.query(
      `SELECT count(*)::int AS missing FROM source_postings
        WHERE source_id = $1 AND status = 'active' AND NOT (external_id = ANY($2::text[]))`,
      [sourceId, externalIds],
    );
    return missing;
  }

  /**
   * Active postings of the source not seen since `seenAt` count a miss; `closeAfter` misses in a row
   * close them. Returns the listing of each posting counted, and its status now.
   */
  countMisses(
    sourceId: string,
    seenAt: Date,
    closeAfter: number,
  ): Promise<{ listing_id: string; status: string }[]> {
    return updateReturning(
      this.db,
      `UPDATE source_postings SET
         missed_runs = missed_runs + 1,
         status = CASE WHEN missed_runs + 1 >= $3 THEN 'closed' ELSE status END,
         closed_reason = CASE WHEN missed_runs + 1 >= $3 THEN 'missing' ELSE closed_reason END,
         closed_at = CASE WHEN missed_runs + 1 >= $3 THEN $2 ELSE closed_at END
       WHERE source_id = $1 AND status = 'active' AND last_seen_at < $2
       RETURNING listing_id, status`,
      [sourceId, seenAt, closeAfter],
    );
  }

  /** Every posting of these listings, grouped by listing: active before closed, earliest seen first. */
  forRebuild<Raw>(listingIds: string[]): Promise<PostingForRebuild<Raw>[]> {
    return this.db.query(
      `SELECT listing_id, source_id, external_id, status, raw, normalized->'locations' AS locations
         FROM source_postings WHERE listing_id = ANY($1::uuid[])
        ORDER BY listing_id, (status = 'active') DESC, first_seen_at ASC, id ASC`,
      [listingIds],
    );
  }

  async listingIdsOfSource(sourceId: string): Promise<string[]> {
    const rows: { listing_id: string }[] = await this.db.query(
      'SELECT DISTINCT listing_id FROM source_postings WHERE source_id = $1',
      [sourceId],
    );
    return rows.map((r) => r.listing_id);
  }

  /** Where a listing was seen, earliest first, with each source's name and kind. */
  async sightings(listingId: string): Promise<PostingSighting[]> {
    const rows: {
      source_id: string;
      source_name: string;
      kind: string;
      external_id: string;
      url: string | null;
      status: string;
      first_seen_at: Date;
      last_seen_at: Date;
      changed_at: Date;
      closed_at: Date | null;
    }[] = await this.db.query(
      `SELECT sp.source_id, s.name AS source_name, s.kind, sp.external_id, sp.url, sp.status,
              sp.first_seen_at, sp.last_seen_at, sp.changed_at, sp.closed_at
         FROM source_postings sp JOIN sources s ON s.id = sp.source_id
        WHERE sp.listing_id = $1 ORDER BY sp.first_seen_at ASC`,
      [listingId],
    );
    return rows.map((s) => ({
      sourceId: s.source_id,
      sourceName: s.source_name,
      kind: s.kind,
      externalId: s.external_id,
      url: s.url,
      status: s.status,
      firstSeenAt: s.first_seen_at,
      lastSeenAt: s.last_seen_at,
      changedAt: s.changed_at,
      closedAt: s.closed_at,
    }));
  }
}
