import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NormalizedListing, NormalizedLocation } from '#normalizer';
import type { RawPosting } from '#sources';
import {
  inTransaction,
  repositoriesOf,
  toListingContent,
  type KnownPosting,
  type ListingEntity,
  type Repositories,
  type SourcePostingEntity,
} from '#persistence';
import { contentFingerprint, listingFingerprint, normalizeEmployerName } from './fingerprint';

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

/** Postings normalized between two looks at the event loop (about 3-5 ms of work on realistic bodies). */
const PREPARE_SLICE = 8;
/**
 * The first and last batches of a large snapshot are short: Postgres starts writing while the rest is
 * still being normalized, and the last batch's writes, which nothing overlaps, are few.
 */
const EDGE_BATCH = 100;

/** Batches of `size`, with shorter first and last ones when the snapshot is large enough for it. */
export function cutBatches<T>(items: T[], size: number): T[][] {
  const edge = Math.min(EDGE_BATCH, size);
  const batches: T[][] = [];
  let start = 0;
  if (items.length > 2 * size && edge < size) {
    batches.push(items.slice(0, edge));
    start = edge;
  }
  const tailStart = items.length > 2 * size && edge < size ? items.length - edge : items.length;
  for (let i = start; i < tailStart; i += size) batches.push(items.slice(i, Math.min(i + size, tailStart)));
  if (tailStart < items.length) batches.push(items.slice(tailStart));
  return batches;
}

type ExistingPosting = Omit<KnownPosting, 'externalId'>;

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
    /** Runs first in every write transaction; throws when the run may no longer write (lock lost). */
    private readonly guard: (repos: Repositories) => Promise<void> = async () => undefined,
  ) {}

  async write(
    sourceId: string,
    postings: SnapshotPosting[],
    seenAt: Date,
    /** After each committed batch, with the counts so far (awaited: a run records them as it goes). */
    onProgress?: (done: number, counts: Readonly<WriteCounts>) => Promise<void> | void,
  ): Promise<WriteCounts> {
    const counts: WriteCounts = { new: 0, updated: 0, unchanged: 0, closed: 0, reopened: 0 };
    const existing = await this.loadExisting(sourceId);
    const batches = cutBatches(postings, this.batchSize);

    // A pipeline: while Postgres writes batch i (and builds its search index entries on its own core),
    // this process normalizes batch i+1.
    let prepared = this.prepare(batches[0] ?? [], existing);
    let done = 0;
    for (let i = 0; i < batches.length; i++) {
      const normalized = await prepared;
      prepared = this.prepare(batches[i + 1] ?? [], existing);
      await inTransaction(this.ds, async (repos) => {
        await this.guard(repos);
        await this.writeBatch(repos, sourceId, batches[i], existing, seenAt, counts, normalized);
      });
      done += batches[i].length;
      await onProgress?.(done, counts);
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
      // Short slices: a reply from Postgres waits for the current slice before the next statement goes.
      if (i % PREPARE_SLICE === PREPARE_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
      const p = batch[i];
      if (existing.get(p.raw.externalId)?.hash !== p.hash) out.set(p.raw.externalId, this.normalize(p.raw));
    }
    return out;
  }

  private async loadExisting(sourceId: string): Promise<Map<string, ExistingPosting>> {
    const known = await repositoriesOf(this.ds).sourcePostings.knownOfSource(sourceId);
    return new Map(known.map(({ externalId, ...posting }) => [externalId, posting]));
  }

  private async writeBatch(
    repos: Repositories,
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
        await repos.sourcePostings.updateContent(prev.id, {
          contentHash: p.hash,
          raw: p.raw,
          normalized: storedFacts(n),
          url: p.raw.url ?? null,
          changedAt: seenAt,
        });
        counts.updated++;
      } else {
        counts.unchanged++;
      }
      await repos.sourcePostings.markSeen(prev.id, {
        status: wantStatus,
        closedReason: wantStatus === 'closed' ? 'source_closed' : null,
        closedAt: wantStatus === 'closed' ? seenAt : null,
        lastSeenAt: seenAt,
      });
      prev.hash = p.hash;
      prev.status = wantStatus;
      rebuild.add(prev.listingId);
      refresh.add(prev.listingId);
    }

    if (touchIds.length > 0) await repos.sourcePostings.touch(touchIds, seenAt);
    if (fresh.length > 0) {
      await this.insertFresh(repos, sourceId, fresh, existing, seenAt, rebuild, refresh);
      counts.new += fresh.length;
    }
    if (rebuild.size > 0)
      await rebuildListings(repos, [...rebuild], this.normalize, seenAt, sourceId, normalizedHere);
    if (refresh.size > 0) {
      const change = await repos.listings.refreshStatus([...refresh], seenAt);
      counts.closed += change.closed;
      counts.reopened += change.reopened;
    }
  }

  private async insertFresh(
    repos: Repositories,
    sourceId: string,
    fresh: { p: SnapshotPosting; n: NormalizedListing }[],
    existing: Map<string, ExistingPosting>,
    seenAt: Date,
    rebuild: Set<string>,
    refresh: Set<string>,
  ): Promise<void> {
    const employerIds = await this.resolveEmployers(
      repos,
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
    const matches = await repos.listings.openFoldTargets(fps, cfps);
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
        row: Partial<ListingEntity> & { id: string };
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

    // Object.assign rather than spreading two 40-field objects: the spread cost about 30 us a listing.
    const listingRows = [...newListings.values()].map(({ n, url, locations, row }) =>
      Object.assign(toListingContent(n, url, locations), row),
    );
    await repos.listings.insertMany(listingRows);
    await repos.sourcePostings.insertMany(postingRows);
  }

  private async resolveEmployers(
    repos: Repositories,
    names: (string | null)[],
  ): Promise<Map<string, string>> {
    const wanted = new Map<string, string>();
    for (const name of names) {
      const key = normalizeEmployerName(name);
      if (name && key && !this.employerIds.has(key)) wanted.set(key, name.trim());
    }
    if (wanted.size > 0) {
      for (const r of await repos.employers.resolve(wanted)) this.employerIds.set(r.normalized_name, r.id);
    }
    return this.employerIds;
  }
}

/**
 * Recomputes listings from their source postings: content from the primary (the earliest-seen active
 * posting), locations from every active one. Used when a posting changed, folded in, closed or reopened.
 */
export async function rebuildListings(
  repos: Repositories,
  listingIds: string[],
  normalize: Normalize,
  now: Date,
  currentSourceId?: string,
  normalizedHere?: Map<string, NormalizedListing>,
): Promise<void> {
  const rows = await repos.sourcePostings.forRebuild<RawPosting>(listingIds);
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(r.listing_id, [...(groups.get(r.listing_id) ?? []), r]);
  for (const [listingId, group] of groups) {
    const primary = group[0];
    const n =
      (primary.source_id === currentSourceId ? normalizedHere?.get(primary.external_id) : undefined) ??
      normalize(primary.raw);
    const active = group.filter((g) => g.status === 'active');
    const locations = (active.length > 0 ? active : [primary]).flatMap((g) => g.locations ?? []);
    await repos.listings.rewrite(listingId, {
      ...toListingContent(n, primary.raw.url ?? null, locations),
      fingerprint: listingFingerprint(n.employer, n.title),
      contentFingerprint: contentFingerprint(n.title, n.descriptionText),
      changedAt: now,
    });
  }
}
