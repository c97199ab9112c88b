import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { NormalizedListing, NormalizedLocation, RawPosting } from '#normalizer';
import { ListingEntity, ListingLocationEntity, SourcePostingEntity } from '#persistence';
import { contentFingerprint, listingFingerprint, normalizeEmployerName } from './fingerprint';
import { bulkInsert } from './bulk-insert';
import { toListingContent } from './listing-row';
import { updateReturning } from './update-returning';

export interface SnapshotPosting {
  raw: RawPosting;
  hash: string;
}

export interface WriteCounts {
  new: number;
  updated: number;
  unchanged: number;
  closed: number;
  reopened: number;
}

type Normalize = (raw: RawPosting) => NormalizedListing;

interface ExistingPosting {
  id: string;
  listingId: string;
  hash: string;
  status: 'active' | 'closed';
}

/** Facts kept per source posting: everything but the (large) descriptions and the evidence. */
function storedFacts(n: NormalizedListing): SourcePostingEntity['normalized'] {
  const { descriptionHtml: _h, descriptionText: _t, evidence: _e, ...facts } = n;
  return facts;
}

/**
 * Writes one fetched snapshot of a source into the index: new postings become listings (or fold into
 * an existing one), changed ones update their listing, unchanged ones only move "last seen". Batched so
 * a 10,000-posting feed costs a few dozen statements, and idempotent: the same snapshot twice leaves
 * the index as it was.
 */
export class SnapshotWriter {
  private readonly employerIds = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    private readonly normalize: Normalize,
    private readonly batchSize = 500,
  ) {}

  async write(
    sourceId: string,
    postings: SnapshotPosting[],
    seenAt: Date,
    onProgress?: (done: number) => void,
  ): Promise<WriteCounts> {
    const counts: WriteCounts = { new: 0, updated: 0, unchanged: 0, closed: 0, reopened: 0 };
    const existing = await this.loadExisting(sourceId);
    const batches: SnapshotPosting[][] = [];
    for (let i = 0; i < postings.length; i += this.batchSize)
      batches.push(postings.slice(i, i + this.batchSize));

    // A pipeline: while Postgres writes batch i (and builds its search index entries on its own core),
    // this process normalizes batch i+1.
    let prepared = this.prepare(batches[0] ?? [], existing);
    let done = 0;
    for (let i = 0; i < batches.length; i++) {
      const normalized = await prepared;
      prepared = this.prepare(batches[i + 1] ?? [], existing);
      await this.ds.transaction((em) =>
        this.writeBatch(em, sourceId, batches[i], existing, seenAt, counts, normalized),
      );
      done += batches[i].length;
      onProgress?.(done);
    }
    await prepared;
    return counts;
  }

  /** Normalizes the new and changed postings of a batch, yielding often so writes keep flowing. */
  private async prepare(
    batch: SnapshotPosting[],
    existing: Map<string, ExistingPosting>,
  ): Promise<Map<string, NormalizedListing>> {
    const out = new Map<string, NormalizedListing>();
    for (let i = 0; i < batch.length; i++) {
      if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
      const p = batch[i];
      if (existing.get(p.raw.externalId)?.hash !== p.hash) out.set(p.raw.externalId, this.normalize(p.raw));
    }
    return out;
  }

  private async loadExisting(sourceId: string): Promise<Map<string, ExistingPosting>> {
    const rows: {
      id: string;
      external_id: string;
      listing_id: string;
      content_hash: string;
      status: string;
    }[] = await this.ds.query(
      'SELECT id, external_id, listing_id, content_hash, status FROM source_postings WHERE source_id = $1',
      [sourceId],
    );
    return new Map(
      rows.map((r) => [
        r.external_id,
        {
          id: r.id,
          listingId: r.listing_id,
          hash: r.content_hash,
          status: r.status as ExistingPosting['status'],
        },
      ]),
    );
  }

  private async writeBatch(
    em: EntityManager,
    sourceId: string,
    batch: SnapshotPosting[],
    existing: Map<string, ExistingPosting>,
    seenAt: Date,
    counts: WriteCounts,
    normalized: Map<string, NormalizedListing>,
  ): Promise<void> {
    const normalize = (raw: RawPosting) => normalized.get(raw.externalId) ?? this.normalize(raw);
    const touchIds: string[] = [];
    const rebuild = new Set<string>();
    const refresh = new Set<string>();
    const fresh: { p: SnapshotPosting; n: NormalizedListing }[] = [];
    const normalizedHere = new Map<string, NormalizedListing>();

    for (const p of batch) {
      const prev = existing.get(p.raw.externalId);
      const wantStatus = p.raw.closed ? 'closed' : 'active';
      if (!prev) {
        const n = normalize(p.raw);
        normalizedHere.set(p.raw.externalId, n);
        fresh.push({ p, n });
        continue;
      }
      if (prev.hash === p.hash && prev.status === wantStatus) {
        touchIds.push(prev.id);
        counts.unchanged++;
        continue;
      }
      if (prev.hash !== p.hash) {
        const n = normalize(p.raw);
        normalizedHere.set(p.raw.externalId, n);
        await em.update(SourcePostingEntity, prev.id, {
          contentHash: p.hash,
          // jsonb columns: TypeORM's deep-partial typing does not fit plain JSON objects.
          raw: p.raw as never,
          normalized: storedFacts(n) as never,
          url: p.raw.url ?? null,
          changedAt: seenAt,
        });
        counts.updated++;
      } else {
        counts.unchanged++;
      }
      await em.update(SourcePostingEntity, prev.id, {
        status: wantStatus,
        closedReason: wantStatus === 'closed' ? 'source_closed' : null,
        closedAt: wantStatus === 'closed' ? seenAt : null,
        lastSeenAt: seenAt,
        missedRuns: 0,
      });
      prev.hash = p.hash;
      prev.status = wantStatus;
      rebuild.add(prev.listingId);
      refresh.add(prev.listingId);
    }

    if (touchIds.length > 0) {
      await em.query(
        'UPDATE source_postings SET last_seen_at = $2, missed_runs = 0 WHERE id = ANY($1::uuid[])',
        [touchIds, seenAt],
      );
    }
    if (fresh.length > 0) {
      await this.insertFresh(em, sourceId, fresh, existing, seenAt, rebuild, refresh);
      counts.new += fresh.length;
    }
    if (rebuild.size > 0)
      await rebuildListings(em, [...rebuild], this.normalize, seenAt, sourceId, normalizedHere);
    if (refresh.size > 0) {
      const change = await refreshListingStatus(em, [...refresh], seenAt);
      counts.closed += change.closed;
      counts.reopened += change.reopened;
    }
  }

  private async insertFresh(
    em: EntityManager,
    sourceId: string,
    fresh: { p: SnapshotPosting; n: NormalizedListing }[],
    existing: Map<string, ExistingPosting>,
    seenAt: Date,
    rebuild: Set<string>,
    refresh: Set<string>,
  ): Promise<void> {
    const employerIds = await this.resolveEmployers(
      em,
      fresh.map(({ n }) => n.employer),
    );
    const keyed = fresh.map(({ p, n }) => ({
      p,
      n,
      fp: listingFingerprint(n.employer, n.title),
      cfp: contentFingerprint(n.title, n.descriptionText),
    }));

    // Fold into open listings already in the index with the same fingerprint.
    const fps = [...new Set(keyed.map((k) => k.fp))];
    const cfps = [...new Set(keyed.map((k) => k.cfp).filter((c): c is string => c !== null))];
    const matches: { id: string; fingerprint: string; content_fingerprint: string | null }[] = await em.query(
      `SELECT id, fingerprint, content_fingerprint FROM listings
        WHERE status = 'open' AND origin = 'feed' AND (fingerprint = ANY($1) OR content_fingerprint = ANY($2))
        ORDER BY first_seen_at ASC`,
      [fps, cfps],
    );
    const byFp = new Map<string, string>();
    const byCfp = new Map<string, string>();
    for (const m of matches) {
      if (!byFp.has(m.fingerprint)) byFp.set(m.fingerprint, m.id);
      if (m.content_fingerprint && !byCfp.has(m.content_fingerprint)) byCfp.set(m.content_fingerprint, m.id);
    }

    // Listings created in this batch; later postings of the same role add their locations.
    const newListings = new Map<
      string,
      {
        n: NormalizedListing;
        url: string | null;
        locations: NormalizedLocation[];
        row: Partial<ListingEntity>;
      }
    >();
    const postingRows: Partial<SourcePostingEntity>[] = [];
    for (const { p, n, fp, cfp } of keyed) {
      let listingId = byFp.get(fp) ?? (cfp ? byCfp.get(cfp) : undefined);
      if (listingId) {
        const pending = newListings.get(listingId);
        if (pending) {
          pending.locations.push(...n.locations);
        } else {
          rebuild.add(listingId);
        }
      } else {
        listingId = randomUUID();
        const postedAt = n.postedAt ? new Date(n.postedAt) : null;
        newListings.set(listingId, {
          n,
          url: p.raw.url ?? null,
          locations: [...n.locations],
          row: {
            id: listingId,
            origin: 'feed',
            status: 'open',
            fingerprint: fp,
            contentFingerprint: cfp,
            employerId: employerIds.get(normalizeEmployerName(n.employer)) ?? null,
            sortAt: postedAt && postedAt < seenAt && !Number.isNaN(postedAt.getTime()) ? postedAt : seenAt,
            firstSeenAt: seenAt,
            changedAt: seenAt,
          },
        });
        byFp.set(fp, listingId);
        if (cfp) byCfp.set(cfp, listingId);
      }
      if (p.raw.closed || (n.validThrough && new Date(n.validThrough) <= seenAt)) refresh.add(listingId);
      const id = randomUUID();
      existing.set(p.raw.externalId, {
        id,
        listingId,
        hash: p.hash,
        status: p.raw.closed ? 'closed' : 'active',
      });
      postingRows.push({
        id,
        sourceId,
        externalId: p.raw.externalId,
        listingId,
        status: p.raw.closed ? 'closed' : 'active',
        closedReason: p.raw.closed ? 'source_closed' : null,
        closedAt: p.raw.closed ? seenAt : null,
        missedRuns: 0,
        contentHash: p.hash,
        url: p.raw.url ?? null,
        raw: p.raw,
        normalized: storedFacts(n),
        firstSeenAt: seenAt,
        lastSeenAt: seenAt,
        changedAt: seenAt,
      });
    }

    const listingRows = [...newListings.values()].map(({ n, url, locations, row }) => ({
      ...toListingContent(n, url, locations),
      ...row,
    }));
    if (listingRows.length > 0) {
      await bulkInsert(em, ListingEntity, listingRows);
      await insertLocations(
        em,
        listingRows.map((l) => ({ listingId: l.id!, locations: l.locations })),
      );
    }
    await bulkInsert(em, SourcePostingEntity, postingRows);
  }

  private async resolveEmployers(em: EntityManager, names: (string | null)[]): Promise<Map<string, string>> {
    const wanted = new Map<string, string>();
    for (const name of names) {
      const key = normalizeEmployerName(name);
      if (name && key && !this.employerIds.has(key)) wanted.set(key, name.trim());
    }
    if (wanted.size > 0) {
      const keys = [...wanted.keys()];
      await em.query(
        `INSERT INTO employers (name, normalized_name) SELECT * FROM unnest($1::text[], $2::text[])
          ON CONFLICT (normalized_name) DO NOTHING`,
        [keys.map((k) => wanted.get(k)), keys],
      );
      const rows: { id: string; normalized_name: string }[] = await em.query(
        'SELECT id, normalized_name FROM employers WHERE normalized_name = ANY($1)',
        [keys],
      );
      for (const r of rows) this.employerIds.set(r.normalized_name, r.id);
    }
    return this.employerIds;
  }
}

async function insertLocations(
  em: EntityManager,
  items: { listingId: string; locations: NormalizedLocation[] }[],
): Promise<void> {
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
  await bulkInsert(em, ListingLocationEntity, rows);
}

/**
 * Recomputes listings from their source postings: content from the primary (the earliest-seen active
 * posting), locations from every active one. Used when a posting changed, folded in, closed or reopened.
 */
export async function rebuildListings(
  em: EntityManager,
  listingIds: string[],
  normalize: Normalize,
  now: Date,
  currentSourceId?: string,
  normalizedHere?: Map<string, NormalizedListing>,
): Promise<void> {
  const rows: {
    listing_id: string;
    source_id: string;
    external_id: string;
    status: string;
    raw: RawPosting;
    locations: NormalizedLocation[] | null;
  }[] = await em.query(
    `SELECT listing_id, source_id, external_id, status, raw, normalized->'locations' AS locations
       FROM source_postings WHERE listing_id = ANY($1::uuid[])
      ORDER BY listing_id, (status = 'active') DESC, first_seen_at ASC, id ASC`,
    [listingIds],
  );
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(r.listing_id, [...(groups.get(r.listing_id) ?? []), r]);
  for (const [listingId, group] of groups) {
    const primary = group[0];
    const n =
      (primary.source_id === currentSourceId ? normalizedHere?.get(primary.external_id) : undefined) ??
      normalize(primary.raw);
    const active = group.filter((g) => g.status === 'active');
    const locations = (active.length > 0 ? active : [primary]).flatMap((g) => g.locations ?? []);
    const content = toListingContent(n, primary.raw.url ?? null, locations);
    await em.update(ListingEntity, listingId, {
      ...content,
      fingerprint: listingFingerprint(n.employer, n.title),
      contentFingerprint: contentFingerprint(n.title, n.descriptionText),
      changedAt: now,
    });
    await em.query('DELETE FROM listing_locations WHERE listing_id = $1', [listingId]);
    await insertLocations(em, [{ listingId, locations: content.locations }]);
  }
}

/**
 * A feed listing is open while at least one of its source postings is active and its validThrough has
 * not passed; otherwise closed (never deleted). Returns how many changed each way.
 */
export async function refreshListingStatus(
  em: EntityManager,
  listingIds: string[],
  now: Date,
): Promise<{ closed: number; reopened: number }> {
  const rows = await updateReturning<{ old_status: string; status: string }>(
    em,
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
    [listingIds, now],
  );
  return {
    closed: rows.filter((r) => r.old_status === 'open' && r.status === 'closed').length,
    reopened: rows.filter((r) => r.old_status === 'closed' && r.status === 'open').length,
  };
}
