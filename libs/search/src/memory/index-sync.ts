import { queryPrepared, type Queryable } from '#persistence';
import {
  INDEXED_LISTING_COLUMNS,
  Interner,
  toIndexedListing,
  type IndexedListingRow,
} from './indexed-listing';
import { OpenListingIndex } from './open-listing-index';

// Keeps an OpenListingIndex level with Postgres.
//
// The full load reads every open listing inside one REPEATABLE READ transaction and remembers that
// transaction's snapshot. Catching up then asks for rows stamped (change_xid, migration
// ListingChangeXid) by a transaction the remembered snapshot did not see, and remembers the snapshot
// of that query. Visibility, not time or a sequence, decides: a transaction that started first but
// committed last is still caught, and one still running is caught once it commits.
//
// A deleted row leaves nothing to find, so a trigger leaves a tombstone stamped the same way
// (listing_deletions, migration ListingDeletions), read with the first page of every catch-up. The
// service closes listings rather than deleting them; tombstones are for what an operator deletes.
//
// `current()` is called before every search: it waits for a catch-up that STARTED after the call, so
// a client reads its own writes (a recruiter's new posting, say) on the next request. Concurrent
// callers share one catch-up; an idle database answers it with an empty index range scan.

export interface IndexSyncOptions {
  /** Runs work in a REPEATABLE READ transaction (the full load must see one snapshot). */
  transaction: <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;
  db: Queryable;
  /** Rows per batch of the full load. */
  batchSize?: number;
  /** Rebuild from scratch when dead slots exceed live ones and this many. */
  rebuildAfterDead?: number;
  /**
   * Also catch up on a timer (ms; 0: only when asked), so that a large ingestion commit is absorbed
   * between requests instead of by the first request after it.
   */
  backgroundMs?: number;
  log?: (message: string, fields: Record<string, unknown>) => void;
  /** The clock (ms since the epoch), for tests. */
  now?: () => number;
}

// Pages of changed rows in (change_xid, id) order from the snapshot's xmin on. Written so that its
// generic plan (statements are prepared, and the search pool forces generic plans to skip planning)
// walks ix_listings_change_xid: an ORDER BY ... LIMIT on the index's columns, whatever the statistics.
// With the first page come the ids of listings deleted since the snapshot (tombstones, migration
// ListingDeletions; an uncorrelated subquery, run once per statement): a later page passes a bound
// no tombstone reaches ($5) and gets none.
const CATCH_UP_SQL =
  `SELECT s.snap::text AS snap, s.deleted_ids, c.* FROM (SELECT pg_current_snapshot() AS snap,` +
  ` ARRAY(SELECT d.listing_id::text FROM listing_deletions d WHERE d.deleted_xid >= $5::bigint` +
  ` AND NOT pg_visible_in_snapshot(d.deleted_xid::text::xid8, $1::pg_snapshot)) AS deleted_ids) s` +
  ` LEFT JOIN LATERAL (` +
  `SELECT ${INDEXED_LISTING_COLUMNS}, l.change_xid::text AS change_xid FROM listings l` +
  ` WHERE l.change_xid IS NOT NULL AND (l.change_xid, l.id) > ($2::bigint, $3::uuid)` +
  ` AND NOT pg_visible_in_snapshot(l.change_xid::text::xid8, $1::pg_snapshot)` +
  ` ORDER BY l.change_xid, l.id LIMIT $4::int) c ON true`;

/** Past every transaction id: the tombstone bound of every page but the first. */
const NO_TOMBSTONES = '9223372036854775807';

/**
 * Tombstones are dropped after a week (migration ListingDeletions): an index that has not caught up
 * for most of that long loads afresh instead, as it could miss deletes.
 */
const TOMBSTONES_KEPT_MS = 6 * 24 * 3600 * 1000;

const CATCH_UP_PAGE = 2000;
const LAST_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** xmin of a pg_snapshot's text ("xmin:xmax:xip,..."): transactions below it are all finished. */
function snapshotXmin(snapshot: string): bigint {
  return BigInt(snapshot.slice(0, snapshot.indexOf(':')));
}

type CatchUpRow = IndexedListingRow & { snap: string; deleted_ids: string[]; change_xid: string | null };

interface Loaded {
  index: OpenListingIndex;
  snapshot: string;
  interner: Interner;
  /** When `snapshot` was taken (ms since the epoch). */
  snapshotAt: number;
}

export class OpenListingIndexSync {
  private loaded: Loaded | null = null;
  private loading: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private rebuilding = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: IndexSyncOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The index, when loaded; null before. */
  get index(): OpenListingIndex | null {
    return this.loaded?.index ?? null;
  }

  /** Starts the full load once; resolves when it is done. */
  load(): Promise<void> {
    this.loading ??= this.fullLoad().then((loaded) => {
      this.loaded = loaded;
      const every = this.options.backgroundMs ?? 0;
      if (every > 0 && !this.timer) {
        this.timer = setInterval(() => {
          this.catchUpAfterNow().catch((err: unknown) =>
            this.options.log?.('search index catch-up failed', { error: String(err) }),
          );
        }, every);
        this.timer.unref();
      }
    });
    return this.loading;
  }

  /** Stops the background catch-up. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * The index brought up to date with every commit before this call; null while not loaded or when
   * catching up failed (the caller then answers from SQL).
   */
  async current(): Promise<OpenListingIndex | null> {
    for (;;) {
      const loaded = this.loaded;
      if (!loaded) return null;
      try {
        await this.catchUpAfterNow();
      } catch (err) {
        this.options.log?.('search index catch-up failed', { error: String(err) });
        return null;
      }
      // A rebuild swapped in a fresh index meanwhile: it must catch up past our caller's writes too.
      if (this.loaded === loaded) return loaded.index;
    }
  }

  private catchUpAfterNow(): Promise<void> {
    // A queued run starts after the current one ends, so after this call: share it.
    if (this.queued) return this.queued;
    if (!this.running) return (this.running = this.startCatchUp());
    // One is under way and may have read before our caller's writes: the next one is ours.
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return (this.running = this.startCatchUp());
      });
    return this.queued;
  }

  private startCatchUp(): Promise<void> {
    const run: Promise<void> = this.catchUp().finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  private async fullLoad(): Promise<Loaded> {
    const started = Date.now();
    const snapshotTakenBy = this.now();
    const batchSize = this.options.batchSize ?? 5000;
    const index = new OpenListingIndex();
    const interner = new Interner();
    const snapshot = await this.options.transaction(async (db) => {
      const [{ snap }] = (await db.query('SELECT pg_current_snapshot()::text AS snap')) as { snap: string }[];
      let lastId: string | null = null;
      for (;;) {
        const rows: IndexedListingRow[] = await db.query(
          `SELECT ${INDEXED_LISTING_COLUMNS} FROM listings l WHERE l.status = 'open'` +
            (lastId ? ` AND l.id > $2::uuid` : '') +
            ` ORDER BY l.id LIMIT $1::int`,
          lastId ? [batchSize, lastId] : [batchSize],
        );
        for (const row of rows) index.upsert(toIndexedListing(row, interner));
        if (rows.length < batchSize) break;
        lastId = rows[rows.length - 1].id;
      }
      return snap;
    });
    index.newestOrder(); // sort now, not on the first search
    this.options.log?.('search index loaded', {
      listings: index.size,
      lexemes: index.docTerms.size,
      sharedValues: interner.size,
      approximateMiB: Math.round(index.approximateBytes() / 2 ** 20),
      ms: Date.now() - started,
    });
    return { index, snapshot, interner, snapshotAt: snapshotTakenBy };
  }

  private async catchUp(): Promise<void> {
    const loaded = this.loaded;
    if (!loaded) return;
    if (this.now() - loaded.snapshotAt > TOMBSTONES_KEPT_MS) {
      // Too long out of touch: the deletes of that time may be forgotten. Start again.
      this.loaded = await this.fullLoad();
      return;
    }
    // Every page is read against the snapshot remembered last time; the next one to remember is the
    // first page's: what commits while later pages are read is read again next time (upserts are
    // idempotent), never missed.
    const started = this.now();
    let next: string | null = null;
    const xmin = snapshotXmin(loaded.snapshot);
    let after: [string, string] = [String(xmin - 1n), LAST_UUID];
    for (let page = 0; ; page++) {
      const rows: CatchUpRow[] = await queryPrepared(this.options.db, 'memory_index_catch_up', CATCH_UP_SQL, [
        loaded.snapshot,
        after[0],
        after[1],
        CATCH_UP_PAGE,
        page === 0 ? String(xmin) : NO_TOMBSTONES,
      ]);
      next ??= rows[0].snap;
      // Deletes first: a row present now was written after its deletion (a restore), so it stays.
      if (page === 0) for (const id of rows[0].deleted_ids) loaded.index.remove(id);
      let read = 0;
      for (const row of rows) {
        if (row.id === null) continue; // the snapshot alone: nothing (more) changed
        read++;
        if (row.status === 'open') loaded.index.upsert(toIndexedListing(row, loaded.interner));
        else loaded.index.remove(row.id);
        after = [row.change_xid as string, row.id];
      }
      if (read < CATCH_UP_PAGE) break;
    }
    loaded.snapshot = next;
    loaded.snapshotAt = started;
    this.maybeRebuild(loaded.index);
  }

  /** Dead slots cost memory and scan time: past a point, load afresh in the background and swap. */
  private maybeRebuild(index: OpenListingIndex): void {
    const threshold = this.options.rebuildAfterDead ?? 50_000;
    if (this.rebuilding || index.deadSlots < Math.max(threshold, index.size)) return;
    this.rebuilding = true;
    this.fullLoad()
      .then(async (fresh) => {
        this.loaded = fresh;
        await this.catchUpAfterNow();
      })
      .catch((err: unknown) => this.options.log?.('search index rebuild failed', { error: String(err) }))
      .finally(() => {
        this.rebuilding = false;
      });
  }
}
