import {
  checkEligibility,
  defaultEquivalenceRules,
  rankMatches,
  type CandidateProfile,
  type EquivalenceRule,
  type MatchableListing,
  type MatchResult,
} from '#matching';
import {
  INDEXED_LISTING_COLUMNS,
  FacetCache,
  loadMatchPool,
  loadVocabularySource,
  MemoryListingSearch,
  SqlListingSearch,
  memoryFacets,
  memoryMatchPool,
  MemoryPageEngine,
  OpenListingIndexSync,
  parseTextQuery,
  placeFromText,
  searchFacets,
  searchListings,
  sqlPageEngine,
  TsqueryCache,
  TypoVocabulary,
  type IndexedListingRow,
  type ListingView,
  type OpenListingIndex,
  type PageEngine,
  type SearchFilters,
  type SearchSort,
} from '#search';
import { toMatchableListing } from '#persistence';
import { needsRecheck } from '#search/testing';
import { hourly, insertListings, type ListingFacts } from '../support/listing-factory';
import { createRandom, generateListings, generateProfiles } from '../support/synthetic-listings';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The in-memory index must answer exactly as SQL does: same listings, same order, same page breaks,
// same facet counts, and a match pool that neither drops an eligible listing nor hands over one the
// core refuses. SQL (sqlPageEngine, searchFacets, loadMatchPool) is the reference throughout.
//
// The data is ~1,500 synthetic listings (a third closed), plus a few made by hand for the edges the
// generator does not reach (ties, microsecond timestamps, odd employer names and remote rules). Part
// of it reaches the index through the full load and part through catching up (inserts, edits,
// closings, reopenings), so both ways of building the index are under test.

const SEED = 20260301;
const LIMIT = 7;
const DAY_MS = 86_400_000;

let db: TestDatabase;
let sync: OpenListingIndexSync;
let index: OpenListingIndex;
let memory: MemoryPageEngine;
let sql: PageEngine;
let vocabulary: TypoVocabulary;
let rules: EquivalenceRule[];
/** Pages the memory engine handed to SQL (per-source filters, closed listings, stubborn phrases). */
let fallbackPages = 0;
const tsqueries = new TsqueryCache();

/** Listings the generator never makes, each there for one edge case. */
function handMade(now: number): ListingFacts[] {
  const at = new Date(now - 3 * DAY_MS).toISOString();
  const out: ListingFacts[] = [];
  // Twelve listings with the same date and pay: only the id orders them, across page breaks of 7.
  for (let i = 0; i < 12; i++) {
    out.push({
      title: `Tied Coder ${i}`,
      employer: 'Twin Peaks Coding Solutions',
      postedAt: at,
      salary: hourly(30, 35),
      descriptionText: 'Identical date and pay; the id decides the order.',
    });
  }
  // Both words of the phrase "medical coder", never next to each other: the phrase re-check must
  // turn these away while "medical coder" as two words finds them.
  out.push(
    {
      title: 'Coder for Medical Group',
      employer: 'Apart Words Clinic',
      postedAt: new Date(now - 2 * DAY_MS).toISOString(),
      descriptionText: 'A coder joins our medical group; coder duties only.',
    },
    {
      title: 'Coder',
      employer: 'Medical Arts Building',
      postedAt: new Date(now - 5 * DAY_MS).toISOString(),
      descriptionText: 'The medical arts coder role.',
    },
  );
  // Employer names for the substring filter: LIKE wildcards taken literally, a quote, non-ASCII, none.
  out.push(
    { title: 'Billing Specialist', employer: '100% Coding Partners', role: 'biller', postedAt: at },
    { title: 'Billing Specialist', employer: 'Dev_Ops Billing', role: 'biller', postedAt: at },
    { title: 'Medical Coder', employer: "St. Jude's Children's Clinic", postedAt: at },
    { title: 'Medical Coder', employer: 'ÉLAN Santé Group', postedAt: at },
    { title: 'Medical Coder', employer: null, postedAt: at },
  );
  // Remote rules: an empty state list (any state), limited abroad, no country stated.
  out.push(
    { title: 'Remote Coder Anywhere', workMode: 'remote', remoteStates: [], postedAt: at },
    { title: 'Remote Coder Canada', workMode: 'remote', remoteCountry: 'CA', postedAt: at },
    { title: 'Remote Coder Unstated', workMode: 'remote', remoteCountry: null, postedAt: at },
  );
  return out;
}

/** The synthetic listings from `from` to `to`, every third closed. */
function synthetic(from: number, to: number, now: Date): ListingFacts[] {
  const facts: ListingFacts[] = [];
  let i = 0;
  for (const { id: _id, evidence: _evidence, ...l } of generateListings(SEED, to, { referenceDate: now })) {
    if (i >= from) facts.push({ ...l, status: i % 3 === 0 ? 'closed' : 'open' });
    i++;
  }
  return facts;
}

async function insertInBatches(facts: ListingFacts[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < facts.length; i += 200) {
    ids.push(...(await insertListings(db.ds, facts.slice(i, i + 200))).map((r) => r.id));
  }
  return ids;
}

/** Counts the pages the memory engine leaves to SQL. */
function countingFallback(inner: PageEngine): PageEngine {
  return {
    page: (...args) => {
      fallbackPages++;
      return inner.page(...args);
    },
    countUpTo: (...args) => inner.countUpTo(...args),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const ds = db.ds;
  const now = new Date();
  // Most listings before the full load...
  const early = await insertInBatches([...synthetic(0, 1000, now), ...handMade(now.getTime())]);
  // ...with timestamps that need all six fractional digits to order and to resume a page exactly.
  await ds.query(
    `UPDATE listings SET sort_at = sort_at + (random() * 999 + 1) * interval '1 microsecond'
      WHERE id = ANY($1::uuid[])`,
    [early.filter((_, i) => i % 5 === 0)],
  );

  sync = new OpenListingIndexSync({
    db: ds,
    transaction: (work) => ds.transaction('REPEATABLE READ', (em) => work(em)),
  });
  await sync.load();

  // ...and the rest while the index is up, caught up: new listings, and edits that give listings new
  // slots (title, pay, a repost to the top), close open ones and reopen closed ones.
  await insertInBatches(synthetic(1000, 1500, now));
  const sample = (every: number, offset: number) => early.filter((_, i) => i % every === offset);
  await ds.query(`UPDATE listings SET title = title || ' Remote Team' WHERE id = ANY($1::uuid[])`, [
    sample(17, 1),
  ]);
  await ds.query(
    `UPDATE listings SET pay_annual_max = coalesce(pay_annual_max, 50000) + 7777 WHERE id = ANY($1::uuid[])`,
    [sample(19, 2)],
  );
  await ds.query(`UPDATE listings SET sort_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [
    sample(23, 3),
  ]);
  await ds.query(
    `UPDATE listings SET status = 'closed', closed_reason = 'missing', closed_at = now()
      WHERE status = 'open' AND id = ANY($1::uuid[])`,
    [sample(13, 4)],
  );
  await ds.query(
    `UPDATE listings SET status = 'open', closed_reason = NULL, closed_at = NULL
      WHERE status = 'closed' AND id = ANY($1::uuid[])`,
    [sample(11, 5)],
  );

  const current = await sync.current();
  if (!current) throw new Error('the index did not catch up');
  index = current;
  sql = sqlPageEngine(ds);
  memory = new MemoryPageEngine(index, ds, tsqueries, countingFallback(sqlPageEngine(ds)));
  vocabulary = new TypoVocabulary(() => loadVocabularySource(ds));
  rules = defaultEquivalenceRules();
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

interface Paged {
  ids: string[];
  /** The list views shown, as the API returns them. */
  items: ListingView[];
  pages: number;
  correctedQuery: string | null;
}

/**
 * Every page of a search, following nextCursor. `engines` are used in turn, page by page: one engine
 * for a plain run, two to continue each one's cursor on the other.
 */
async function pageAll(filters: SearchFilters, sort: SearchSort, engines: PageEngine[]): Promise<Paged> {
  const ids: string[] = [];
  const items: ListingView[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let correctedQuery: string | null = null;
  for (;;) {
    const engine = engines[pages % engines.length];
    const page = await searchListings(engine, { filters, sort, limit: LIMIT, cursor }, vocabulary);
    pages++;
    if (pages === 1) correctedQuery = page.correctedQuery;
    ids.push(...page.items.map((i) => i.id));
    items.push(...page.items);
    if (!page.nextCursor) break;
    if (pages > 500) throw new Error('paging does not end');
    cursor = page.nextCursor;
  }
  return { ids, items, pages, correctedQuery };
}

const open = (f: Partial<SearchFilters> = {}): SearchFilters => ({ status: 'open', ...f });
const text = (q: string) => parseTextQuery(q);
const days = (n: number) => new Date(Math.floor((Date.now() - n * DAY_MS) / 60_000) * 60_000);
const near = (where: string, radiusMiles: number) => {
  const place = placeFromText(where);
  if (!place) throw new Error(`cannot place ${where}`);
  return { lat: place.lat, lon: place.lon, radiusMiles };
};

interface Case {
  name: string;
  filters: SearchFilters;
  sorts: SearchSort[];
  /**
   * How many pages the memory engine may leave to SQL: none (the default), 'some' (phrases: a page
   * whose candidates keep failing the adjacency re-check goes to SQL), or 'all' (not open listings).
   */
  fallback?: 'some' | 'all';
}

const CASES: Case[] = [
  // Orders alone: the whole open set, by date and by pay (many pay ties, broken by id).
  { name: 'no filter', filters: open(), sorts: ['newest', 'pay'] },
  // One set-valued filter at a time, each as the SQL reads it (= ANY, @>, &&).
  { name: 'one role', filters: open({ roles: ['coder'] }), sorts: ['newest'] },
  { name: 'two roles', filters: open({ roles: ['biller', 'auditor'] }), sorts: ['pay'] },
  { name: 'one credential (@>)', filters: open({ credentials: ['CPC'] }), sorts: ['newest'] },
  {
    name: 'several credentials (&&)',
    filters: open({ credentials: ['RHIT', 'CCS', 'CPMA'] }),
    sorts: ['newest', 'pay'],
  },
  {
    name: 'specialties',
    filters: open({ specialties: ['inpatient', 'risk_adjustment'] }),
    sorts: ['newest'],
  },
  { name: 'coding system', filters: open({ codingSystems: ['HCC'] }), sorts: ['newest'] },
  { name: 'work modes', filters: open({ workModes: ['hybrid', 'onsite'] }), sorts: ['newest'] },
  {
    name: 'employment types',
    filters: open({ employmentTypes: ['contract', 'per_diem', 'unknown'] }),
    sorts: ['pay'],
  },
  { name: 'states', filters: open({ states: ['TX', 'OK'] }), sorts: ['newest'] },
  // Remote eligibility: state lists, exclusions, empty lists and other countries.
  { name: 'remote eligible for CA', filters: open({ remoteEligibleFor: 'CA' }), sorts: ['newest'] },
  { name: 'remote eligible for TX', filters: open({ remoteEligibleFor: 'TX' }), sorts: ['pay'] },
  // Commute circles: the grid and haversine in memory, listing_locations in SQL.
  { name: 'near Dallas ZIP, 25 mi', filters: open({ near: near('75201', 25) }), sorts: ['newest'] },
  {
    name: 'near Atlanta, 60 mi, onsite or hybrid',
    filters: open({ near: near('Atlanta, GA', 60), workModes: ['onsite', 'hybrid'] }),
    sorts: ['newest'],
  },
  // Range and substring filters (the per-slot tests).
  { name: 'min pay', filters: open({ minPay: 60_000 }), sorts: ['pay', 'newest'] },
  { name: 'posted since', filters: open({ postedSince: days(14) }), sorts: ['newest'] },
  { name: 'employer substring', filters: open({ employer: 'lakeside' }), sorts: ['newest'] },
  { name: 'employer with a space', filters: open({ employer: 'Health Sys' }), sorts: ['newest'] },
  { name: 'employer with a quote', filters: open({ employer: "children's" }), sorts: ['newest'] },
  { name: 'employer with % literally', filters: open({ employer: '0% cod' }), sorts: ['newest'] },
  { name: 'employer with _ literally', filters: open({ employer: 'v_o' }), sorts: ['newest'] },
  { name: 'employer, non-ASCII', filters: open({ employer: 'élan' }), sorts: ['newest'] },
  {
    name: 'several filters at once',
    filters: open({ roles: ['coder', 'coder_biller'], states: ['TX', 'FL', 'CA'], minPay: 45_000 }),
    sorts: ['newest', 'pay'],
  },
  {
    name: 'remote eligible + specialty + posted since',
    filters: open({ remoteEligibleFor: 'OH', specialties: ['profee'], postedSince: days(30) }),
    sorts: ['pay'],
  },
  // Full text: words, phrases, exclusions, OR, stop words, misspellings; relevance's two groups.
  { name: 'one word', filters: open({ text: text('coder') }), sorts: ['relevance', 'newest', 'pay'] },
  { name: 'two words', filters: open({ text: text('inpatient coder') }), sorts: ['relevance', 'newest'] },
  { name: 'employer word (title group)', filters: open({ text: text('lakeside') }), sorts: ['relevance'] },
  { name: 'description word (second group)', filters: open({ text: text('CPC') }), sorts: ['relevance'] },
  // Phrases: adjacency is re-checked in SQL. Under sort=newest/pay a listing holding the phrase in its
  // title must be kept (the re-check once applied relevance's "description only" group to them).
  {
    name: 'phrase',
    filters: open({ text: text('"medical coder"') }),
    sorts: ['relevance', 'newest'],
    fallback: 'some',
  },
  {
    name: 'phrase + filter',
    filters: open({ text: text('"coding specialist"'), workModes: ['remote'] }),
    sorts: ['relevance', 'pay'],
    fallback: 'some',
  },
  {
    name: 'negated phrase',
    filters: open({ text: text('coder -"risk adjustment"') }),
    sorts: ['relevance'],
    fallback: 'some',
  },
  { name: 'exclusion', filters: open({ text: text('coder -remote') }), sorts: ['relevance', 'newest'] },
  { name: 'OR', filters: open({ text: text('auditor OR educator') }), sorts: ['relevance', 'pay'] },
  { name: 'stop words only', filters: open({ text: text('the and of') }), sorts: ['relevance', 'newest'] },
  { name: 'no match', filters: open({ text: text('xylophone') }), sorts: ['relevance'] },
  { name: 'misspelt (corrected)', filters: open({ text: text('medcal codr') }), sorts: ['relevance'] },
  {
    name: 'text + filters',
    filters: open({ text: text('specialist'), roles: ['biller', 'ar_denials'], remoteEligibleFor: 'TX' }),
    sorts: ['relevance', 'newest'],
  },
  // Not the index's to answer: all statuses go to SQL, and must page the same through it.
  {
    name: 'status all (SQL)',
    filters: { status: 'all', roles: ['cdi'] },
    sorts: ['newest'],
    fallback: 'all',
  },
];

describe('search pages: memory engine = SQL engine', () => {
  for (const c of CASES) {
    for (const sort of c.sorts) {
      // Every page, in order, with the same page breaks: a difference in filter, order, tie-breaking,
      // cursor resumption or relevance grouping shows up as a different id sequence.
      it(`${c.name}, sort=${sort}`, async () => {
        const fallbackBefore = fallbackPages;
        const expected = await pageAll(c.filters, sort, [sql]);
        const got = await pageAll(c.filters, sort, [memory]);
        expect(got.ids).toEqual(expected.ids);
        expect(got.pages).toBe(expected.pages);
        // Views come from the index's cache or a re-read by id: either way exactly the SQL's.
        expect(got.items).toEqual(expected.items);
        expect(got.correctedQuery).toBe(expected.correctedQuery);
        expect(new Set(got.ids).size).toBe(got.ids.length);
        // The comparison means something only if memory answered (not SQL on its behalf).
        const fellBack = fallbackPages - fallbackBefore;
        if (c.fallback === 'all') expect(fellBack).toBe(got.pages);
        else if (c.fallback === 'some') expect(fellBack).toBeLessThan(got.pages / 2);
        else expect(fellBack).toBe(0);
      });
    }
  }

  it('the cases cover a real spread of result sizes', async () => {
    // Guards the test itself: parity over empty results would prove nothing.
    const sizes = await Promise.all(
      CASES.map(async (c) => (await pageAll(c.filters, c.sorts[0], [sql])).ids.length),
    );
    expect(sizes.filter((n) => n > 3 * LIMIT).length).toBeGreaterThan(20);
    expect(sizes.filter((n) => n > 0 && n <= 3 * LIMIT).length).toBeGreaterThan(3);
  });

  it('the misspelt query really was corrected', async () => {
    const run = await pageAll(open({ text: text('medcal codr') }), 'relevance', [memory]);
    expect(run.correctedQuery).toBe('medical coder');
    expect(run.ids.length).toBeGreaterThan(LIMIT);
  });
});

describe('cursors carry over between the engines', () => {
  // A client may page across an API restart (index still loading: SQL answers) or a failed catch-up:
  // the SQL cursor (sort_at::text) must resume exactly on memory (ISO microseconds) and back.
  const MIXED: [string, SearchFilters, SearchSort][] = [
    ['newest', open(), 'newest'],
    ['pay', open({ minPay: 40_000 }), 'pay'],
    ['relevance, both groups', open({ text: text('coder') }), 'relevance'],
    ['relevance with exclusion', open({ text: text('specialist -billing') }), 'relevance'],
    ['phrase', open({ text: text('"medical coder"') }), 'relevance'],
    ['corrected text', open({ text: text('medcal codr') }), 'relevance'],
  ];
  for (const [name, filters, sort] of MIXED) {
    it(`${name}: SQL, memory, SQL, ... and memory, SQL, ...`, async () => {
      const expected = await pageAll(filters, sort, [sql]);
      expect(expected.pages).toBeGreaterThan(2);
      expect((await pageAll(filters, sort, [sql, memory])).ids).toEqual(expected.ids);
      expect((await pageAll(filters, sort, [memory, sql])).ids).toEqual(expected.ids);
    });
  }
});

describe('facets: memoryFacets = searchFacets', () => {
  // Counts per value over the filtered set; phrases are counted in SQL by design (memoryFacets says
  // null), so every other case must count exactly as SQL does.
  for (const c of CASES) {
    if (c.filters.status !== 'open') continue;
    it(c.name, async () => {
      const parsed = c.filters.text ? await tsqueries.get(db.ds, c.filters.text.websearch) : undefined;
      const counted = memoryFacets(index, c.filters, parsed);
      if (parsed && needsRecheck(parsed)) {
        expect(counted).toBeNull();
        return;
      }
      expect(counted).toEqual(await searchFacets(db.ds, c.filters));
    });
  }
});

describe('match pools: memory = SQL, and both agree with the core', () => {
  const NOW = new Date();
  let profiles: CandidateProfile[];
  let openListings: MatchableListing[];

  beforeAll(async () => {
    profiles = generateProfiles(SEED, 20);
    const rows: IndexedListingRow[] = await db.ds.query(
      `SELECT ${INDEXED_LISTING_COLUMNS} FROM listings l WHERE l.status = 'open'`,
    );
    openListings = rows.map(toMatchableListing);
  });

  /** The strict pool, then the relaxed one's listings not already in it (as MatchesService joins them). */
  const union = (strict: MatchableListing[], relaxed: MatchableListing[]) => {
    const seen = new Set(strict.map((l) => l.id));
    return [...strict, ...relaxed.filter((l) => !seen.has(l.id))];
  };
  const top = (results: MatchResult[]) => results.map((r) => ({ id: r.listingId, score: r.score }));
  let totalEligible = 0;

  // Pools bigger than the data, so each holds every listing it lets through and the comparison is of
  // whole sets, not of which 120 each happened to pick.
  async function comparePools(profile: CandidateProfile): Promise<MatchableListing[]> {
    const eligible = openListings.filter((l) => checkEligibility(l, profile, rules).eligible);
    totalEligible += eligible.length;

    const memoryPool = memoryMatchPool(index, profile, rules, { size: 5000 });
    // The memory pool asks the core: nothing it holds may be refused...
    expect(memoryPool.filter((l) => !checkEligibility(l, profile, rules).eligible).map((l) => l.id)).toEqual(
      [],
    );
    // ...and nothing the core accepts may be missing (the same set as checking every open row).
    expect(memoryPool.map((l) => l.id).sort()).toEqual(eligible.map((l) => l.id).sort());

    const sqlPool = await loadMatchPool(db.ds, profile, rules, { size: 5000 });
    const sqlIds = new Set(sqlPool.map((l) => l.id));
    expect(eligible.filter((l) => !sqlIds.has(l.id)).map((l) => l.id)).toEqual([]);

    // The ranking the API returns: the same top 20, with the same scores, from either pool.
    const options = { rules, now: NOW, pageSize: 20, limit: 20 };
    expect(top(rankMatches(memoryPool, profile, options))).toEqual(
      top(rankMatches(sqlPool, profile, options)),
    );

    // Stretch: strict pool plus the relaxed one (near misses), ranked with stretch on.
    const relaxedMemory = memoryMatchPool(index, profile, rules, { size: 5000, relaxed: true });
    const relaxedSql = await loadMatchPool(db.ds, profile, rules, { size: 5000, relaxed: true });
    const stretch = { ...options, stretch: true };
    expect(top(rankMatches(union(memoryPool, relaxedMemory), profile, stretch))).toEqual(
      top(rankMatches(union(sqlPool, relaxedSql), profile, stretch)),
    );
    return eligible;
  }

  for (let i = 0; i < 20; i++) {
    it(`profile ${i}`, async () => {
      await comparePools(profiles[i]);
    });
  }

  // Open to relocation: onsite and hybrid listings anywhere, placed or not, must reach both pools.
  for (const i of [1, 4, 9]) {
    it(`profile ${i}, open to relocation (with and without a home)`, async () => {
      const local = { ...profiles[i], workMode: 'any' as const };
      const mover = { ...local, openToRelocation: true };
      const staying = await comparePools(local);
      const moving = await comparePools(mover);
      await comparePools({ ...mover, home: null, homeCity: undefined });
      expect(moving.length).toBeGreaterThan(staying.length);
      expect(moving.some((l) => l.workMode !== 'remote' && !staying.includes(l))).toBe(true);
    });
  }

  it('the profiles matched enough listings for the comparison to mean something', () => {
    expect(totalEligible).toBeGreaterThan(200);
  });
});

describe('the ListingSearch implementations: random requests, the same answers', () => {
  // The interface the API uses, both ways, on seeded random filters, texts, sorts and profiles: every
  // page's ids in order, the facet counts, and the ranked matches.
  const ROLES = ['coder', 'biller', 'coder_biller', 'auditor', 'cdi'];
  const STATES = ['TX', 'CA', 'FL', 'OH', 'NY', 'GA'];
  const WORDS = [
    'coder',
    'billing',
    'remote',
    'inpatient',
    'specialist',
    'medcal',
    '"medical coder"',
    '-hospital',
  ];
  const random = createRandom(SEED + 7);
  const some = <T>(items: T[], p: number) => items.filter(() => random() < p);

  function randomFilters(): SearchFilters {
    const f: SearchFilters = { status: 'open' };
    if (random() < 0.4) f.roles = some(ROLES, 0.4).slice(0, 2);
    if (random() < 0.3) f.states = some(STATES, 0.4);
    if (random() < 0.3) f.remoteEligibleFor = STATES[Math.floor(random() * STATES.length)];
    if (random() < 0.3) f.minPay = 30_000 + Math.floor(random() * 5) * 10_000;
    if (random() < 0.5) f.text = text(some(WORDS, 0.3).join(' ') || 'coder');
    for (const key of ['roles', 'states'] as const) if (f[key]?.length === 0) delete f[key];
    return f;
  }

  let sqlSearch: SqlListingSearch;
  let memorySearch: MemoryListingSearch;
  /** Listings the random requests found, summed: parity over empty answers would prove nothing. */
  let found = 0;
  beforeAll(() => {
    const shared = { db: db.ds, prepared: db.ds, vocabulary, tsqueries };
    sqlSearch = new SqlListingSearch({ ...shared, facetCache: new FacetCache() });
    memorySearch = new MemoryListingSearch(index, { ...shared, facetCache: new FacetCache() }, sqlSearch);
  });

  async function allPages(
    search: SqlListingSearch | MemoryListingSearch,
    filters: SearchFilters,
    sort: SearchSort,
  ) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const page = await search.page({ filters, sort, limit: LIMIT, cursor });
      ids.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
    throw new Error('paging does not end');
  }

  for (let i = 0; i < 24; i++) {
    it(`request ${i}`, async () => {
      const filters = randomFilters();
      const sorts: SearchSort[] = filters.text ? ['relevance', 'newest', 'pay'] : ['newest', 'pay'];
      const sort = sorts[Math.floor(random() * sorts.length)];
      const expected = await allPages(sqlSearch, filters, sort);
      found += expected.length;
      expect(await allPages(memorySearch, filters, sort)).toEqual(expected);
      expect(await memorySearch.facets(filters)).toEqual(await sqlSearch.facets(filters));
    });
  }

  it('the random requests found listings', () => {
    expect(found).toBeGreaterThan(500);
  });

  it('ranked matches for random profiles', async () => {
    const options = { rules, now: new Date(), pageSize: 20, limit: 20 };
    for (const profile of generateProfiles(SEED + 7, 10)) {
      const ranked = async (search: SqlListingSearch | MemoryListingSearch) =>
        rankMatches(await search.matchPool(profile, rules, { size: 5000 }), profile, options).map((r) => ({
          id: r.listingId,
          score: r.score,
        }));
      expect(await ranked(memorySearch)).toEqual(await ranked(sqlSearch));
    }
  });
});
