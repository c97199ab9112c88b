import { Client } from 'pg';
import request from 'supertest';
import {
  MemoryPageEngine,
  OpenListingIndexSync,
  sqlPageEngine,
  type IndexSyncOptions,
  TsqueryCache,
  type OpenListingIndex,
  type PageEngine,
  memoryMatchPool,
  type SearchFilters,
} from '#search';
import { defaultEquivalenceRules } from '#matching';
import type { Queryable } from '#persistence';
import { profileWith } from '#matching/testing';
import { SearchIndexService } from '#search';
import {
  DALLAS,
  insertListings,
  listingColumns,
  listingEntity,
  type ListingFacts,
} from '../support/listing-factory';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The in-memory index must never serve a stale answer: every search first catches it up with every
// transaction committed before the request (index-sync.ts), by transaction visibility rather than by
// time or a sequence. These cases write to `listings` directly, as ingestion and recruiters do, and
// check that the very next read reflects the write.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

/** A sync of our own on the test database, loaded (as the API builds one). */
async function loadedSync(options: Partial<IndexSyncOptions> = {}): Promise<OpenListingIndexSync> {
  const ds = db.ds;
  const sync = new OpenListingIndexSync({
    db: ds,
    transaction: (work) => ds.transaction('REPEATABLE READ', (em) => work(em)),
    ...options,
  });
  await sync.load();
  return sync;
}

async function current(sync: OpenListingIndexSync): Promise<OpenListingIndex> {
  const index = await sync.current();
  if (!index) throw new Error('the index did not catch up');
  return index;
}

/** The title the index holds for a listing, or null when it does not hold it (closed or unknown). */
function titleIn(index: OpenListingIndex | null, id: string): string | null {
  const slot = index?.slotFor(id);
  return slot === undefined ? null : (index?.listings[slot]?.title ?? null);
}

/**
 * Inserts listings in ONE statement (so in one transaction, whoever runs it: a client inside BEGIN,
 * or autocommit), as complete rows; the triggers fill the documents and change_xid.
 */
async function insertRows(on: Queryable | Client, facts: ListingFacts[]): Promise<string[]> {
  const rows = facts.map((f) => listingColumns(db.ds, listingEntity(f)));
  await on.query(`INSERT INTO listings SELECT * FROM jsonb_populate_recordset(NULL::listings, $1::jsonb)`, [
    JSON.stringify(rows),
  ]);
  return rows.map((r) => r.id as string);
}

const remoteCoder = (title: string, employer: string): ListingFacts => ({
  title,
  employer,
  // Not the title: a word searched for must come from the title alone.
  descriptionText: 'Assign ICD-10-CM and CPT codes for physician visits.',
});

describe('read-your-writes through the API', () => {
  // A recruiter (or ingestion) writes; the next request must show it, with no wait for a refresh.
  let t: TestApp;
  let id: string;
  const PROFILE = {
    credentials: ['CPC'],
    roles: ['coder'],
    yearsExperience: 3,
    workMode: 'remote_only',
    stateOfResidence: 'TX',
  };

  beforeAll(async () => {
    // Something else on the market, so "absent" is not just "empty".
    await insertListings(db.ds, [remoteCoder('Medical Coder', 'Lone Star Health')]);
    t = await createTestApp(db.url);
    // The answers below must come from the index, not from SQL while it loads.
    expect(t.app.get(SearchIndexService).status().state).toBe('ready');
  });

  afterAll(async () => {
    await t?.close();
  });

  async function search(q: string): Promise<{ id: string; title: string }[]> {
    const res = await request(t.server).get('/api/v1/listings').query({ q, limit: 50 });
    expect(res.status).toBe(200);
    return res.body.items as { id: string; title: string }[];
  }

  async function matchTitle(): Promise<string | null> {
    const res = await request(t.server).post('/api/v1/matches').send({ profile: PROFILE, limit: 100 });
    expect(res.status).toBe(200);
    const items = res.body.items as { listing: { id: string; title: string } }[];
    return items.find((m) => m.listing.id === id)?.listing.title ?? null;
  }

  it('a new listing is found by the next search and match', async () => {
    [id] = (await insertListings(db.ds, [remoteCoder('Quokka Coder', 'Marsupial Health')])).map((r) => r.id);
    expect((await search('quokka')).map((i) => i.id)).toEqual([id]);
    expect(await matchTitle()).toBe('Quokka Coder');
  });

  it('an edited title is searched and shown as edited (no stale cached view)', async () => {
    await db.ds.query(`UPDATE listings SET title = 'Wombat Coder' WHERE id = $1`, [id]);
    expect(await search('quokka')).toEqual([]);
    expect((await search('wombat')).map((i) => [i.id, i.title])).toEqual([[id, 'Wombat Coder']]);
    expect(await matchTitle()).toBe('Wombat Coder');
  });

  it('a closed listing is gone from search and matches', async () => {
    await db.ds.query(
      `UPDATE listings SET status = 'closed', closed_reason = 'missing', closed_at = now() WHERE id = $1`,
      [id],
    );
    expect(await search('wombat')).toEqual([]);
    expect(await matchTitle()).toBeNull();
  });

  it('a reopened listing is back', async () => {
    await db.ds.query(
      `UPDATE listings SET status = 'open', closed_reason = NULL, closed_at = NULL WHERE id = $1`,
      [id],
    );
    expect((await search('wombat')).map((i) => i.id)).toEqual([id]);
    expect(await matchTitle()).toBe('Wombat Coder');
  });
});

describe('commit order, not start order', () => {
  // Transaction A writes first (the lower xid) but commits last. A catch-up that ran after B's commit
  // saw B and not A; a watermark (max timestamp or xid seen) would now be past A and skip it forever.
  // The remembered snapshot still lists A as running, so the next catch-up must read A's rows.
  let sync: OpenListingIndexSync;
  let a: Client;
  let b: Client;

  beforeAll(async () => {
    sync = await loadedSync();
    a = new Client({ connectionString: db.url });
    b = new Client({ connectionString: db.url });
    await a.connect();
    await b.connect();
  });

  afterAll(async () => {
    await a?.end();
    await b?.end();
  });

  const xid = async (c: Client) =>
    BigInt((await c.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);

  it('a transaction that commits after a later one is still caught up', async () => {
    const [y, z, w] = await insertRows(db.ds, [
      remoteCoder('Yak Coder', 'Order Test Clinic'),
      remoteCoder('Zebu Coder', 'Order Test Clinic'),
      remoteCoder('Wapiti Coder', 'Order Test Clinic'),
    ]);
    let index = await current(sync);
    expect([titleIn(index, y), titleIn(index, z)]).toEqual(['Yak Coder', 'Zebu Coder']);

    // A: insert X and close Z, and stay open.
    await a.query('BEGIN');
    const [x] = await insertRows(a, [remoteCoder('Xerus Coder', 'Order Test Clinic')]);
    await a.query(`UPDATE listings SET status = 'closed', closed_at = now() WHERE id = $1`, [z]);
    const xidA = await xid(a);

    // B: rename Y, and commit while A is still open.
    await b.query('BEGIN');
    await b.query(`UPDATE listings SET title = 'Yak Coder Renamed' WHERE id = $1`, [y]);
    const xidB = await xid(b);
    await b.query('COMMIT');
    expect(xidA).toBeLessThan(xidB); // the case a watermark gets wrong

    index = await current(sync);
    expect(titleIn(index, y)).toBe('Yak Coder Renamed'); // B seen
    expect(index.has(x)).toBe(false); // A not yet committed: not seen
    expect(titleIn(index, z)).toBe('Zebu Coder');

    // More commits and catch-ups while A stays open: the snapshot moves on, A must stay "not seen yet".
    await db.ds.query(`UPDATE listings SET title = 'Wapiti Coder Renamed' WHERE id = $1`, [w]);
    index = await current(sync);
    expect(titleIn(index, w)).toBe('Wapiti Coder Renamed');
    index = await current(sync);
    expect(index.has(x)).toBe(false);

    await a.query('COMMIT');
    index = await current(sync);
    expect(titleIn(index, x)).toBe('Xerus Coder');
    expect(index.has(z)).toBe(false); // closed by A

    // Caught once is caught for good: later catch-ups change nothing.
    index = await current(sync);
    expect([titleIn(index, x), index.has(z), titleIn(index, y)]).toEqual([
      'Xerus Coder',
      false,
      'Yak Coder Renamed',
    ]);
  });

  it('a rolled-back transaction is never seen', async () => {
    await a.query('BEGIN');
    const [v] = await insertRows(a, [remoteCoder('Vicuna Coder', 'Order Test Clinic')]);
    expect((await current(sync)).has(v)).toBe(false);
    await a.query('ROLLBACK');
    expect((await current(sync)).has(v)).toBe(false);
  });
});

describe('catching up more than one page of changes', () => {
  // Catch-up reads changed rows CATCH_UP_PAGE (2,000) at a time in (change_xid, id) order. One
  // transaction's rows all share a change_xid, so paging inside it goes by id alone: a mistake there
  // loses every row past the first page.
  const EMPLOYER = 'Bulk Load Health';
  let sync: OpenListingIndexSync;
  let ids: string[];

  const filters: SearchFilters = { status: 'open', employer: EMPLOYER };
  const sqlCount = async () =>
    Number(
      (
        await db.ds.query(
          `SELECT count(*)::int AS n FROM listings WHERE status = 'open' AND employer_name = $1`,
          [EMPLOYER],
        )
      )[0].n,
    );

  beforeAll(async () => {
    sync = await loadedSync();
  });

  it('2,500 listings inserted in one transaction are all caught up', async () => {
    const before = (await current(sync)).size;
    ids = await insertRows(
      db.ds,
      Array.from({ length: 2500 }, (_, i) => remoteCoder(`Bulk Coder ${i}`, EMPLOYER)),
    );
    const index = await current(sync);
    expect(ids.filter((id) => !index.has(id))).toEqual([]);
    expect(index.size).toBe(before + 2500);
    const memory = new MemoryPageEngine(index, db.ds, new TsqueryCache(), sqlPageEngine(db.ds));
    expect(await memory.countUpTo(filters, 10_000)).toBe(2500);
  });

  it('exactly one page (2,000) closed in one transaction, then the rest renamed in another', async () => {
    await db.ds.query(`UPDATE listings SET status = 'closed', closed_at = now() WHERE id = ANY($1::uuid[])`, [
      ids.slice(0, 2000),
    ]);
    await db.ds.query(`UPDATE listings SET title = title || ' Renamed' WHERE id = ANY($1::uuid[])`, [
      ids.slice(2000),
    ]);
    const index = await current(sync);
    expect(ids.slice(0, 2000).filter((id) => index.has(id))).toEqual([]);
    expect(ids.slice(2000).filter((id) => !titleIn(index, id)?.endsWith(' Renamed'))).toEqual([]);
    const memory = new MemoryPageEngine(index, db.ds, new TsqueryCache(), sqlPageEngine(db.ds));
    expect(await memory.countUpTo(filters, 10_000)).toBe(await sqlCount());
    expect(await sqlCount()).toBe(500);
  });
});

describe('cached sets follow the listings added after them', () => {
  // Unions, a state's remote rules, commute circles and a candidate's unreachable credentials are
  // kept between requests and extended as listings come in, not thrown away at every change. Warm
  // them all, add listings that belong in each, and every answer must still be Postgres's.
  const DALLAS_25: SearchFilters['near'] = {
    lat: DALLAS.lat as number,
    lon: DALLAS.lon as number,
    radiusMiles: 25,
  };
  // Each on this test's employer: listings other suites here insert without listing_locations rows,
  // which the SQL circle reads and the index does not. The sets themselves span every listing.
  const EMPLOYER = 'Cached Sets Clinic';
  const filterSets = (
    [
      { status: 'open', remoteEligibleFor: 'TX' },
      { status: 'open', remoteEligibleFor: 'OK' },
      { status: 'open', near: DALLAS_25 },
      { status: 'open', roles: ['coder', 'biller'] },
      { status: 'open', credentials: ['CPC', 'CCS'] },
      { status: 'open', workModes: ['onsite', 'hybrid'], near: DALLAS_25 },
    ] satisfies SearchFilters[]
  ).map((f): SearchFilters => ({ ...f, employer: EMPLOYER }));
  const profile = profileWith({
    specialties: [{ specialty: 'inpatient', years: 2 }],
    roles: ['coder', 'biller'],
  });
  const rules = defaultEquivalenceRules();
  const pageIds = async (engine: PageEngine, f: SearchFilters) =>
    (await engine.page(f, 'newest', 1000, null)).map((r) => r.id);
  const poolIds = (index: OpenListingIndex) =>
    memoryMatchPool(index, profile, rules, { size: 1000 }).map((l) => l.id);

  it('remote rules, circles, unions and unreachable credentials take in new listings', async () => {
    // One listing of each kind before the load, so every set is worked out over real values.
    await insertListings(db.ds, [
      { ...remoteCoder('Cached Sets Old Remote', EMPLOYER), remoteStates: ['TX', 'OK'] },
      { ...remoteCoder('Cached Sets Old Onsite', EMPLOYER), workMode: 'onsite', location: DALLAS },
      { ...remoteCoder('Cached Sets Old CCS', EMPLOYER), certifications: { required: ['CCS'] } },
    ]);
    const sync = await loadedSync();
    const index = await current(sync);
    const sql = sqlPageEngine(db.ds);
    const engine = new MemoryPageEngine(index, db.ds, new TsqueryCache(), sql);
    for (const f of filterSets) await pageIds(engine, f);
    poolIds(index);

    const employer = EMPLOYER;
    // With their listing_locations rows, which the SQL commute circle reads.
    const entities = await insertListings(db.ds, [
      {
        ...remoteCoder('Cached Sets Remote TX Coder', employer),
        remoteStates: ['TX'],
        specialties: ['inpatient'],
      },
      { ...remoteCoder('Cached Sets Remote OK Biller', employer), role: 'biller', remoteStates: ['OK'] },
      { ...remoteCoder('Cached Sets Dallas Onsite Coder', employer), workMode: 'onsite', location: DALLAS },
      {
        ...remoteCoder('Cached Sets CCS Coder', employer),
        specialties: ['inpatient'],
        certifications: { required: ['CCS'] },
      },
    ]);
    const added = entities.map((e) => e.id);
    expect(await current(sync)).toBe(index); // caught up in place: the caches were kept
    for (const f of filterSets) expect([f, await pageIds(engine, f)]).toEqual([f, await pageIds(sql, f)]);
    const fresh = await current(await loadedSync());
    const pool = poolIds(index);
    expect(pool).toEqual(poolIds(fresh));
    // The TX remote and the Dallas onsite coder are the candidate's to take; the CCS one is not.
    expect([added[0], added[2]].filter((id) => !pool.includes(id))).toEqual([]);
    expect(pool).not.toContain(added[3]);
  });
});

describe('the newest and best-paid orders after many catch-ups', () => {
  // Each catch-up merges the changed listings into both orders (binary search for each, the live
  // runs copied between): after rounds of edits to dates and pay, inserts and closes, both orders
  // must be exactly Postgres's.
  it('equal ORDER BY sort_at DESC, id DESC and coalesce(pay_annual_max, -1) DESC, id DESC', async () => {
    const sync = await loadedSync();
    const employer = 'Merge Order Clinic';
    const now = Date.now();
    const ids = await insertRows(
      db.ds,
      Array.from({ length: 60 }, (_, i) => ({
        ...remoteCoder(`Merge Order Coder ${i}`, employer),
        // Ties on purpose: ten listings share each date.
        postedAt: new Date(now - Math.floor(i / 10) * 3_600_000).toISOString(),
      })),
    );
    (await current(sync)).newestOrder();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 8; round++) {
      const pick = () => ids[Math.floor(random() * ids.length)];
      await db.ds.query(`UPDATE listings SET sort_at = now() - $2 * interval '1 minute' WHERE id = $1`, [
        pick(),
        Math.floor(random() * 600),
      ]);
      await db.ds.query(`UPDATE listings SET pay_annual_max = $2 WHERE id = $1`, [
        pick(),
        random() < 0.3 ? null : 40_000 + Math.floor(random() * 5) * 1_000,
      ]);
      await db.ds.query(`UPDATE listings SET status = $2 WHERE id = $1`, [
        pick(),
        random() < 0.5 ? 'closed' : 'open',
      ]);
      ids.push(...(await insertRows(db.ds, [remoteCoder(`Merge Order Coder r${round}`, employer)])));
      // Orders are merged when next asked for: ask, so that every round is a merge of its own.
      const index = await current(sync);
      index.newestOrder();
      index.payOrder();
    }
    const index = await current(sync);
    const inOrder = (order: Uint32Array) => [...order].map((slot) => index.ids[slot]);
    const sqlIds = async (orderBy: string) =>
      (
        (await db.ds.query(`SELECT id FROM listings WHERE status = 'open' ORDER BY ${orderBy}`)) as {
          id: string;
        }[]
      ).map((r) => r.id);
    expect(inOrder(index.newestOrder())).toEqual(await sqlIds('sort_at DESC, id DESC'));
    expect(inOrder(index.payOrder())).toEqual(await sqlIds('coalesce(pay_annual_max, -1) DESC, id DESC'));
  });
});

describe('a deleted listing is not served', () => {
  // The service closes listings rather than deleting them, but an operator may delete rows: a
  // trigger leaves a tombstone (migration ListingDeletions) that the next catch-up reads. Between the
  // delete and that catch-up, a page re-reads rows by id and skips one that is gone.
  const EMPLOYER = 'Deleted Rows Clinic';
  const filters: SearchFilters = { status: 'open', employer: EMPLOYER };
  let sync: OpenListingIndexSync;
  let ids: string[]; // newest first
  let sql: PageEngine;

  beforeAll(async () => {
    sync = await loadedSync();
    sql = sqlPageEngine(db.ds);
    const now = Date.now();
    ids = await insertRows(
      db.ds,
      Array.from({ length: 10 }, (_, i) => ({
        ...remoteCoder(`Deleted Rows Coder ${i}`, EMPLOYER),
        postedAt: new Date(now - (i + 1) * 60_000).toISOString(),
      })),
    );
  });

  const pageIds = async (engine: PageEngine, limit: number) =>
    (await engine.page(filters, 'newest', limit, null)).map((r) => r.id);
  const memoryEngine = (index: OpenListingIndex) =>
    new MemoryPageEngine(index, db.ds, new TsqueryCache(), sql);

  it('before the next catch-up: a row never shown is skipped, the page filled from the next', async () => {
    const index = await current(sync);
    await db.ds.query(`DELETE FROM listings WHERE id = $1`, [ids[2]]);
    expect(index.has(ids[2])).toBe(true); // not caught up yet
    const page = await pageIds(memoryEngine(index), 5);
    expect(page).toEqual([ids[0], ids[1], ids[3], ids[4], ids[5]]);
    expect(page).toEqual(await pageIds(sql, 5));
  });

  it('the next catch-up drops it, so counts agree with SQL again', async () => {
    const index = await current(sync);
    expect(index.has(ids[2])).toBe(false);
    expect(await memoryEngine(index).countUpTo(filters, 100)).toBe(9);
    expect(await sql.countUpTo(filters, 100)).toBe(9);
  });

  it('a listing whose view is cached is not listed once deleted', async () => {
    const index = await current(sync);
    const engine = memoryEngine(index);
    expect((await pageIds(engine, 3))[0]).toBe(ids[0]); // its view is now in the cache
    await db.ds.query(`DELETE FROM listings WHERE id = $1`, [ids[0]]);
    expect(await pageIds(memoryEngine(await current(sync)), 3)).toEqual([ids[1], ids[3], ids[4]]);
  });

  it('a bulk delete in one statement is caught up whole', async () => {
    await db.ds.query(`DELETE FROM listings WHERE id = ANY($1::uuid[])`, [ids.slice(3, 7)]);
    const index = await current(sync);
    expect(ids.slice(3, 7).filter((id) => index.has(id))).toEqual([]);
    expect(await pageIds(memoryEngine(index), 10)).toEqual(await pageIds(sql, 10));
  });

  it('a row put back after its delete (same id) is served again', async () => {
    const [row] = (await db.ds.query(`SELECT * FROM listings WHERE id = $1`, [ids[8]])) as object[];
    await db.ds.query(`DELETE FROM listings WHERE id = $1`, [ids[8]]);
    await db.ds.query(`INSERT INTO listings SELECT * FROM jsonb_populate_record(NULL::listings, $1::jsonb)`, [
      JSON.stringify(row),
    ]);
    const index = await current(sync);
    expect(index.has(ids[8])).toBe(true);
    expect(await pageIds(memoryEngine(index), 10)).toEqual(await pageIds(sql, 10));
  });

  it('a delete rolled back leaves no tombstone and the listing served', async () => {
    await db.ds
      .transaction(async (em) => {
        await em.query(`DELETE FROM listings WHERE id = $1`, [ids[9]]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await db.ds.query(`SELECT 1 FROM listing_deletions WHERE listing_id = $1`, [ids[9]])).toEqual([]);
    expect((await current(sync)).has(ids[9])).toBe(true);
  });

  it('tombstones older than a week are dropped by the next delete', async () => {
    await db.ds.query(
      `INSERT INTO listing_deletions (deleted_xid, listing_id, deleted_at)
       VALUES (1, gen_random_uuid(), now() - interval '8 days'), (2, gen_random_uuid(), now() - interval '6 days')`,
    );
    await db.ds.query(`DELETE FROM listings WHERE id = $1`, [ids[1]]);
    const kept = (await db.ds.query(
      `SELECT deleted_xid::int AS xid FROM listing_deletions WHERE deleted_xid < 3 ORDER BY 1`,
    )) as { xid: number }[];
    expect(kept).toEqual([{ xid: 2 }]);
    expect((await current(sync)).has(ids[1])).toBe(false);
  });

  it('an index out of touch for longer than tombstones are kept loads afresh', async () => {
    let clock = Date.now();
    const stale = await loadedSync({ now: () => clock });
    const before = await current(stale);
    expect(await current(stale)).toBe(before); // caught up in place
    clock += 7 * 24 * 3600 * 1000;
    const after = await current(stale);
    expect(after).not.toBe(before);
    expect(after.size).toBe(before.size);
  });
});

describe('catching up while requests overlap', () => {
  // current() must wait for a catch-up that STARTED after it was called: one already under way may
  // have read before the caller's write. These hold catch-ups and rebuilds at chosen points (a
  // wrapper around the database) to make the interleavings that matter happen every time.

  /** A latch the wrapped database waits on, and a signal that something reached it. */
  function latch() {
    let open!: () => void;
    let reached!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const arrived = new Promise<void>((r) => (reached = r));
    return { open, opened, reached, arrived };
  }

  const isCatchUp = (sql: string) => sql.includes('pg_visible_in_snapshot');
  let holdCatchUp: ReturnType<typeof latch> | null = null;
  let holdLoad: ReturnType<typeof latch> | null = null;

  /** The database, with the catch-up query's answer held back while `holdCatchUp` is set. */
  const gated: Queryable = {
    query: async (sql, parameters) => {
      const rows = await db.ds.query(sql, parameters);
      const hold = holdCatchUp;
      if (hold && isCatchUp(sql)) {
        holdCatchUp = null;
        hold.reached();
        await hold.opened;
      }
      return rows;
    },
  };

  function gatedSync(rebuildAfterDead?: number): OpenListingIndexSync {
    return new OpenListingIndexSync({
      db: gated,
      rebuildAfterDead,
      // A full load (first or rebuild) holds, once its snapshot is read, while `holdLoad` is set.
      transaction: (work) =>
        db.ds.transaction('REPEATABLE READ', async (em) => {
          const result = await work(em);
          const hold = holdLoad;
          if (hold) {
            holdLoad = null;
            hold.reached();
            await hold.opened;
          }
          return result;
        }),
    });
  }

  it('a write committed while a catch-up is under way is seen by the next request', async () => {
    const sync = gatedSync();
    await sync.load();
    await current(sync);

    holdCatchUp = latch();
    const hold = holdCatchUp;
    const first = sync.current(); // reads now (before the write), then is held
    await hold.arrived;
    const [w] = await insertRows(db.ds, [remoteCoder('Walrus Coder', 'Overlap Clinic')]);
    const second = sync.current(); // called after the commit: must not share the first catch-up
    hold.open();
    await first;
    expect(titleIn(await second, w)).toBe('Walrus Coder');
  });

  // A background rebuild (index-sync.ts maybeRebuild) swapping in a fresh index while a request's
  // catch-up runs: current() must catch the fresh index up past the caller's writes too.
  it('a rebuild swapping in a fresh index does not lose the caller’s write', async () => {
    await insertRows(db.ds, [remoteCoder('Beluga Coder', 'Overlap Clinic')]);
    const sync = gatedSync(1);
    await sync.load();
    const old = await current(sync);

    // Rewriting every open listing leaves as many dead slots as live ones: the catch-up that sees it
    // starts a rebuild, held here once the rebuild's snapshot is taken.
    holdLoad = latch();
    const load = holdLoad;
    await db.ds.query(`UPDATE listings SET title = title WHERE status = 'open'`);
    await current(sync);
    await load.arrived;

    // A write after the rebuild's snapshot, and a request whose catch-up reads it into the OLD index.
    const [w] = await insertRows(db.ds, [remoteCoder('Narwhal Coder', 'Overlap Clinic')]);
    holdCatchUp = latch();
    const catchUp = holdCatchUp;
    const request = sync.current();
    await catchUp.arrived;

    // The rebuild ends and swaps in its index (without the write) while that catch-up is running.
    load.open();
    while (sync.index === old) await new Promise((r) => setTimeout(r, 5));
    catchUp.open();
    expect(titleIn(await request, w)).toBe('Narwhal Coder');
  });
});
