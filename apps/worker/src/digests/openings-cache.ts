import type { DigestListing, Snapshot } from '#digests';
import { parseSnapshot } from '#digests';
import { toMatchableListing, type DigestListingRow, type ListingOpeningsRepository } from '#persistence';

/** How long one read of the openings serves compose jobs (a run of thousands reads it a few times). */
const FRESH_MS = 30_000;

/** A read whose listings did not change keeps the previous read's array for at most this long. */
const SAME_LISTINGS_MS = 5 * 60_000;

/**
 * One read of the openings: its snapshot (the next watermark), its listings, when it was taken. A
 * read that found exactly what the previous one did (the same listings, none changed since: same
 * opening and change transactions) shares its `listings` array and `since`, so what was worked out
 * from them (rankings) still serves.
 */
export interface OpeningsRead {
  snapshot: string;
  listings: DigestListing[];
  at: number;
  /** When these listings were first read. */
  since: number;
}

interface Loaded extends OpeningsRead {
  parsed: Snapshot;
  fromXid: bigint;
  /** Per listing, "opening xid:change xid", to tell whether the next read found the same. */
  versions: string[];
}

export function toDigestListing(row: DigestListingRow): DigestListing {
  return {
    ...toMatchableListing(row),
    codingSystems: row.codingSystems,
    certsAll: row.certsAll,
    states: row.states,
    sortAt: row.sortAt instanceof Date ? row.sortAt.toISOString() : String(row.sortAt),
    openedXid: BigInt(row.openedXid),
  };
}

/**
 * The listings opened lately, read once and shared by the compose jobs of this process: a daily run
 * composes tens of thousands of digests from the same few thousand new listings. A read serves a
 * watermark when it reaches back far enough (from its xmin) and was taken after it (its xmax is not
 * older); otherwise, or after 30 s, it is read again. Its snapshot becomes the next watermark.
 */
export class OpeningsCache {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;

  constructor(
    private readonly openings: ListingOpeningsRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** A read that serves this watermark; the same object for every watermark one read serves. */
  async for(watermark: Snapshot): Promise<OpeningsRead> {
    const l = this.loaded;
    if (l && this.now() - l.at < FRESH_MS && l.fromXid <= watermark.xmin && l.parsed.xmax >= watermark.xmax) {
      return l;
    }
    const fromXid =
      l && l.fromXid < watermark.xmin && this.now() - l.at < FRESH_MS ? l.fromXid : watermark.xmin;
    this.loading ??= this.load(fromXid).finally(() => (this.loading = null));
    const fresh = await this.loading;
    // A read that started before this watermark was taken cannot serve it: read again.
    if (fresh.fromXid > watermark.xmin || fresh.parsed.xmax < watermark.xmax) return this.for(watermark);
    return fresh;
  }

  private async load(fromXid: bigint): Promise<Loaded> {
    const read = await this.openings.recent(fromXid.toString());
    const at = this.now();
    const versions = read.rows.map((r) => `${r.id}:${r.openedXid}:${r.changeXid ?? ''}`);
    const prev = this.loaded;
    const same =
      prev !== null &&
      at - prev.since < SAME_LISTINGS_MS &&
      prev.versions.length === versions.length &&
      prev.versions.every((v, i) => v === versions[i]);
    this.loaded = {
      snapshot: read.snapshot,
      parsed: parseSnapshot(read.snapshot),
      fromXid,
      listings: same ? prev.listings : read.rows.map(toDigestListing),
      at,
      since: same ? prev.since : at,
      versions,
    };
    return this.loaded;
  }
}
