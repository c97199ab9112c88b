import type { MatchableListing } from '#matching';
import { PAY_BANDS } from '../facets';
import { andBits, andNotBits, countBits, createBitset, forEachBit, hasBit, orInto, setBit } from './bitset';
import { BitsetPool } from './bitset-pool';
import type { IndexedListing } from './indexed-listing';
import { TermPostings } from './term-postings';
import { ViewCache } from './view-cache';

// The open listings, held in memory by each API process so that filtered search, facets and the
// match pool cost microseconds of CPU instead of thousands of row reads (see docs/BENCHMARKS.md).
//
// Every listing lives in a slot. Facts are columns indexed by slot, and every filterable value has a
// bitset of the slots carrying it. A changed listing gets a NEW slot and its old one is marked dead:
// bitsets and postings are never edited in place, every query ANDs with `alive`. The two orders a page
// can be read in (newest first, best paid first) are arrays of live slots, brought up to date lazily
// by merging the new slots in. When dead slots outnumber live ones the owner rebuilds from scratch.

/** Value bitsets, keyed `<field>:<value>`. */
export type ValueKey =
  | `role:${string}`
  | `mode:${string}`
  | `type:${string}`
  | `cert:${string}`
  | `certRequired:${string}`
  | `specialty:${string}`
  | `codingSystem:${string}`
  | `state:${string}`
  | `remoteAllowed:${string}`
  | `remoteExcluded:${string}`
  | `payBand:${string}`
  | 'remoteAnyState'
  | 'remoteAbroad'
  | 'certsWithinDays';

const INITIAL_CAPACITY = 1024;
/** Unions and derived sets kept between requests (about 31 KB each at 250,000 slots). */
const MAX_UNIONS = 256;
/** Working bitsets kept for reuse: enough for the requests one process has in flight at once. */
const MAX_FREE = 32;
/** Rank ranges a sparse set is gathered into (slotsInOrder). */
const RANK_BUCKETS = 128;
/** Filing one slot of a gathered set against one step of a walk (measured at 250,000 open listings). */
const GATHER_COST = 20;

/** A cached union or derived set, and how to tell whether a slot added later belongs to it. */
interface CachedSet {
  bits: Uint32Array;
  includes: ((slot: number) => boolean) | null;
}

export class OpenListingIndex {
  /** Slots ever used: live and dead. */
  private slots = 0;
  private capacity = INITIAL_CAPACITY;
  readonly ids: string[] = [];
  readonly listings: (MatchableListing | null)[] = [];
  readonly certsAll: string[][] = [];
  readonly statesOf: string[][] = [];
  sortAt = new Float64Array(INITIAL_CAPACITY);
  payKey = new Float64Array(INITIAL_CAPACITY);
  /** Interned lower-case employer names (employer filter: test names once, then slots by number). */
  employerOf = new Uint32Array(INITIAL_CAPACITY);
  readonly employerNames: string[] = [''];
  private readonly employerIds = new Map<string, number>([['', 0]]);
  alive = createBitset(INITIAL_CAPACITY);
  private liveCount = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly values = new Map<ValueKey, Uint32Array>();
  private readonly unions = new Map<string, CachedSet>();
  private readonly free = new BitsetPool(INITIAL_CAPACITY / 32, MAX_FREE);
  readonly docTerms = new TermPostings(INITIAL_CAPACITY);
  readonly titleTerms = new TermPostings(INITIAL_CAPACITY);
  /** List views of listings shown lately; dropped here whenever their listing changes or closes. */
  readonly views = new ViewCache();
  /** Places on a one-degree grid, for commute circles: a 25-mile circle reads a handful of cells. */
  readonly places = new PlaceGrid();
  /** Slots added since the orders were last merged. */
  private pending: number[] = [];
  private newest: Uint32Array = new Uint32Array(0);
  /** Position of each live slot in `newest` (stale entries for dead slots are never read). */
  private newestRank = new Uint32Array(INITIAL_CAPACITY);
  private payRank = new Uint32Array(INITIAL_CAPACITY);
  private byPay: Uint32Array = new Uint32Array(0);

  get size(): number {
    return this.liveCount;
  }

  get deadSlots(): number {
    return this.slots - this.liveCount;
  }

  get words(): number {
    return this.alive.length;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds or replaces a listing (open ones only: closing is `remove`). */
  upsert(item: IndexedListing): void {
    this.remove(item.id);
    if (this.slots === this.capacity) this.grow();
    const slot = this.slots++;
    const l = item.listing;
    this.ids[slot] = item.id;
    this.listings[slot] = l;
    this.certsAll[slot] = item.certsAll;
    this.statesOf[slot] = item.states;
    this.sortAt[slot] = item.sortAtMicros;
    this.payKey[slot] = item.payKey;
    this.employerOf[slot] = this.employerId(l.employer);
    setBit(this.alive, slot);
    this.liveCount++;
    this.slotOf.set(item.id, slot);

    this.mark(`role:${l.role}`, slot);
    this.mark(`mode:${l.workMode}`, slot);
    this.mark(`type:${l.employmentType}`, slot);
    for (const c of item.certsAll) this.mark(`cert:${c}`, slot);
    for (const c of l.certifications.required) this.mark(`certRequired:${c}`, slot);
    if (l.certifications.requiredWithinDays !== null) this.mark('certsWithinDays', slot);
    for (const s of l.specialties) this.mark(`specialty:${s}`, slot);
    for (const s of item.codingSystems) this.mark(`codingSystem:${s}`, slot);
    for (const s of item.states) this.mark(`state:${s}`, slot);
    // The remote-eligibility facts, as remoteEligibleSql reads them.
    if (l.remoteStates === null || l.remoteStates.length === 0) this.mark('remoteAnyState', slot);
    else for (const s of l.remoteStates) this.mark(`remoteAllowed:${s}`, slot);
    for (const s of l.remoteExcludedStates) this.mark(`remoteExcluded:${s}`, slot);
    if (l.remoteCountry !== null && l.remoteCountry !== 'US') this.mark('remoteAbroad', slot);

    this.mark(`payBand:${payBandOf(item.payKey)}`, slot);
    for (const loc of l.locations) {
      if (loc.lat !== null && loc.lon !== null) this.places.add(slot, loc.lat, loc.lon);
    }

    this.docTerms.add(slot, item.docLexemes);
    this.titleTerms.add(slot, item.titleLexemes);
    this.pending.push(slot);
    this.extendCachedSets(slot);
  }

  /**
   * Cached unions and derived sets stay valid as listings come in: a new slot is added to each set
   * it belongs to (a set that cannot tell is dropped). Ingestion changes a few listings a second,
   * and rebuilding every state's remote rules, commute circle and credential union after each change
   * cost a quarter of a match request's CPU while it wrote. Removed slots may stay in a set: every
   * reader ANDs with the live slots.
   */
  private extendCachedSets(slot: number): void {
    for (const [key, set] of this.unions) {
      if (set.includes === null || slot >>> 5 >= set.bits.length) this.unions.delete(key);
      else if (set.includes(slot)) set.bits[slot >>> 5] |= 1 << (slot & 31);
    }
  }

  /** Whether a slot carries a value (live or not). */
  hasValue(key: ValueKey, slot: number): boolean {
    const bits = this.values.get(key);
    return bits !== undefined && hasBit(bits, slot);
  }

  /** Drops a listing (closed, or about to be replaced). Unknown ids are ignored. */
  remove(id: string): void {
    this.views.delete(id);
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.alive[slot >>> 5] &= ~(1 << (slot & 31));
    this.listings[slot] = null;
    this.liveCount--;
  }

  /** The bitset of a value: shared, never mutate it. Empty when no listing ever had it. */
  value(key: ValueKey): Uint32Array {
    return this.values.get(key) ?? EMPTY;
  }

  /** The values seen for a field (some may no longer have a live listing). */
  valueNames(field: string): string[] {
    const prefix = `${field}:`;
    return [...this.values.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /**
   * OR of several values' bitsets: shared, never mutate it. Requests ask the same unions over and
   * over (a candidate's accepted roles, a state's remote rules), so they are kept, and kept up to
   * date as listings are added.
   */
  anyOf(keys: readonly ValueKey[]): Uint32Array {
    if (keys.length === 1) return this.value(keys[0]);
    const cacheKey = keys.join('|');
    const hit = this.unions.get(cacheKey);
    if (hit) return hit.bits;
    const out = createBitset(this.words * 32);
    for (const key of keys) {
      const bits = this.values.get(key);
      if (bits) orInto(out, bits);
    }
    this.keep(cacheKey, out, (slot) => keys.some((key) => this.hasValue(key, slot)));
    return out;
  }

  /**
   * A derived bitset kept like the unions: the remote rules of a state, a commute circle. `includes`
   * tells whether a slot added later belongs to it (and sets its bit: `compute` must return a set of
   * its own, never a value's or a union's); without it the set is dropped at the next change.
   * Shared, never mutate it.
   */
  derived(
    key: string,
    compute: () => Uint32Array,
    includes: ((slot: number) => boolean) | null = null,
  ): Uint32Array {
    const cacheKey = `=${key}`;
    const hit = this.unions.get(cacheKey);
    if (hit) return hit.bits;
    const out = compute();
    this.keep(cacheKey, out, includes);
    return out;
  }

  private keep(key: string, bits: Uint32Array, includes: ((slot: number) => boolean) | null): void {
    if (this.unions.size >= MAX_UNIONS) this.unions.delete(this.unions.keys().next().value as string);
    this.unions.set(key, { bits, includes });
  }

  /**
   * A working bitset holding the live slots, from a small pool (see BitsetPool for why). Give it
   * back with `release`.
   */
  acquireLive(): Uint32Array {
    return this.free.copyOf(this.alive);
  }

  release(bits: Uint32Array): void {
    this.free.give(bits);
  }

  /** Live slots not carrying any of the values. */
  withoutAny(keys: readonly ValueKey[]): Uint32Array {
    return andNotBits(this.alive, this.anyOf(keys));
  }

  countLive(bits: Uint32Array): number {
    return countBits(bits);
  }

  slotFor(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** Calls `visit` for every live slot of a set, lowest first. */
  forEachLive(set: Uint32Array, visit: (slot: number) => void): void {
    forEachBit(andBits(set, this.alive), visit);
  }

  /** Live slots newest first (sort_at DESC, id DESC), as the SQL orders them. */
  newestOrder(): Uint32Array {
    this.mergePending();
    return this.newest;
  }

  /**
   * The live slots of a set, newest first: their ranks in the newest order, sorted. For small sets;
   * `count`, when the caller knows it, saves counting the set first (it must be the number of live
   * slots in the set). The bits are read in place rather than through forEachLive, which copies the
   * set and calls back per slot: this runs for most match requests.
   */
  newestFirst(set: Uint32Array, count?: number): Uint32Array {
    const order = this.newestOrder();
    const rankOf = this.newestRank;
    const alive = this.alive;
    const n = Math.min(set.length, alive.length);
    const ranks = new Uint32Array(count ?? countBits(andBits(set, alive)));
    let filled = 0;
    for (let w = 0; w < n; w++) {
      let word = set[w] & alive[w];
      const base = w << 5;
      while (word !== 0) {
        const lowest = word & -word;
        ranks[filled++] = rankOf[base + 31 - Math.clz32(lowest)];
        word ^= lowest;
      }
    }
    const sorted = ranks.subarray(0, filled).sort();
    for (let i = 0; i < sorted.length; i++) sorted[i] = order[sorted[i]];
    return sorted;
  }

  /**
   * The slots of a set along an order (from position `from` of `order`, an array this index handed
   * out), lazily. A set that is a good share of the order is found by walking the order: a page is
   * full after a few hundred steps. A sparse one would make that walk read the whole order to find a
   * handful, so its slots' ranks are gathered into buckets by rank range and each bucket is sorted
   * only when it is reached: the first page costs the set's size plus one small sort. The caller's
   * `want` decides which is cheaper.
   */
  *slotsInOrder(
    set: Uint32Array,
    name: 'newest' | 'pay',
    order: Uint32Array,
    from: number,
    /** About how many slots the caller will take: what a walk must go far enough to find. */
    want: number,
  ): Generator<number> {
    const current = name === 'pay' ? this.payOrder() : this.newestOrder();
    const span = order.length - from;
    // Ranks describe the current order only: an order merged since `order` was taken is walked.
    // A walk reads about want * span / count entries of the order, a few nanoseconds each; gathering
    // reads every word of the set and files every one of its slots, about GATHER_COST times dearer.
    const count = countBits(set);
    const walkCost = count === 0 ? 0 : (want * span) / count;
    if (current !== order || walkCost <= count * GATHER_COST + set.length) {
      for (let i = from; i < order.length; i++) if (hasBit(set, order[i])) yield order[i];
      return;
    }
    const rankOf = name === 'pay' ? this.payRank : this.newestRank;
    const buckets: number[][] = Array.from({ length: RANK_BUCKETS }, () => []);
    const scale = RANK_BUCKETS / Math.max(1, span);
    this.forEachLive(set, (slot) => {
      const rank = rankOf[slot];
      if (rank >= from) buckets[Math.min(RANK_BUCKETS - 1, Math.floor((rank - from) * scale))].push(rank);
    });
    for (const bucket of buckets) {
      if (bucket.length === 0) continue;
      const sorted = Uint32Array.from(bucket).sort();
      for (let i = 0; i < sorted.length; i++) yield order[sorted[i]];
    }
  }

  /** Live slots best paid first (coalesce(pay_annual_max, -1) DESC, id DESC). */
  payOrder(): Uint32Array {
    this.mergePending();
    return this.byPay;
  }

  /** Orders compare keys, then ids: uuid order in Postgres is the order of their lower-case text. */
  compareNewest = (a: number, b: number): number =>
    this.sortAt[b] - this.sortAt[a] || (this.ids[a] < this.ids[b] ? 1 : this.ids[a] > this.ids[b] ? -1 : 0);

  comparePay = (a: number, b: number): number =>
    this.payKey[b] - this.payKey[a] || (this.ids[a] < this.ids[b] ? 1 : this.ids[a] > this.ids[b] ? -1 : 0);

  private mergePending(): void {
    if (this.pending.length === 0 && this.newest.length === this.liveCount) return;
    const fresh = this.pending.filter((slot) => this.isAlive(slot));
    this.pending = [];
    this.newest = this.merge(this.newest, fresh, this.compareNewest);
    this.byPay = this.merge(this.byPay, fresh, this.comparePay);
    if (this.newestRank.length < this.capacity) {
      this.newestRank = new Uint32Array(this.capacity);
      this.payRank = new Uint32Array(this.capacity);
    }
    for (let i = 0; i < this.newest.length; i++) this.newestRank[this.newest[i]] = i;
    for (let i = 0; i < this.byPay.length; i++) this.payRank[this.byPay[i]] = i;
  }

  /**
   * The old order without dead slots, merged with the new slots sorted. Each new slot's place is
   * found by binary search (the old order is still sorted, dead slots included: their keys stay), and
   * the live runs in between are copied with a bit test each: O(k log n) comparisons and one tight
   * pass, where comparing every element cost about 10 ms per merge at 250,000 listings, and a merge
   * follows every catch-up that brought changes.
   */
  private merge(order: Uint32Array, fresh: number[], compare: (a: number, b: number) => number): Uint32Array {
    const added = [...fresh].sort(compare);
    const out = new Uint32Array(this.liveCount);
    const alive = this.alive;
    let i = 0;
    let n = 0;
    for (const slot of added) {
      // First position of the old order that sorts after `slot` (ties go first to the old order).
      let lo = i;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(order[mid], slot) <= 0) lo = mid + 1;
        else hi = mid;
      }
      for (; i < lo; i++) {
        const s = order[i];
        if ((alive[s >>> 5] & (1 << (s & 31))) !== 0) out[n++] = s;
      }
      out[n++] = slot;
    }
    for (; i < order.length; i++) {
      const s = order[i];
      if ((alive[s >>> 5] & (1 << (s & 31))) !== 0) out[n++] = s;
    }
    return n === out.length ? out : out.subarray(0, n);
  }

  isAlive(slot: number): boolean {
    return (this.alive[slot >>> 5] & (1 << (slot & 31))) !== 0;
  }

  private mark(key: ValueKey, slot: number): void {
    let bits = this.values.get(key);
    if (!bits) {
      bits = createBitset(this.words * 32);
      this.values.set(key, bits);
    }
    setBit(bits, slot);
  }

  private employerId(name: string | null): number {
    const key = (name ?? '').toLowerCase();
    let id = this.employerIds.get(key);
    if (id === undefined) {
      id = this.employerNames.length;
      this.employerNames.push(key);
      this.employerIds.set(key, id);
    }
    return id;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.sortAt = widen(this.sortAt, (n) => new Float64Array(n));
    this.payKey = widen(this.payKey, (n) => new Float64Array(n));
    this.employerOf = widen(this.employerOf, (n) => new Uint32Array(n));
    const words = capacity / 32;
    this.alive = widen(this.alive, () => new Uint32Array(words));
    for (const [key, bits] of this.values)
      this.values.set(
        key,
        widen(bits, () => new Uint32Array(words)),
      );
    this.docTerms.grow(capacity);
    this.titleTerms.grow(capacity);
    this.capacity = capacity;
    // Cached and pooled sets are as long as the old capacity: worked out again when next asked for.
    this.unions.clear();
    this.free.resize(words);
  }

  /** Rough bytes held, for the log line after a load. */
  approximateBytes(): number {
    return (
      this.values.size * this.words * 4 +
      this.docTerms.bytes() +
      this.titleTerms.bytes() +
      this.capacity * 20 +
      this.liveCount * 600
    );
  }
}

const EMPTY = new Uint32Array(0);

interface PlaceCell {
  slots: number[];
  lats: number[];
  lons: number[];
}

/**
 * Every mapped location of every slot, bucketed by whole degrees of latitude and longitude. Entries of
 * dead slots stay until the index is rebuilt; readers check `alive`.
 */
export class PlaceGrid {
  private readonly cells = new Map<number, PlaceCell>();

  private static key(latCell: number, lonCell: number): number {
    return (latCell + 90) * 1000 + (lonCell + 360);
  }

  add(slot: number, lat: number, lon: number): void {
    const key = PlaceGrid.key(Math.floor(lat), Math.floor(lon));
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { slots: [], lats: [], lons: [] };
      this.cells.set(key, cell);
    }
    cell.slots.push(slot);
    cell.lats.push(lat);
    cell.lons.push(lon);
  }

  /** Calls `visit` for every entry in the cells the box touches (every cell when it spans the antimeridian). */
  forEachIn(
    box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
    visit: (slot: number, lat: number, lon: number) => void,
  ): void {
    const cells: PlaceCell[] = [];
    if (box.minLon < -180 || box.maxLon > 180 || box.maxLon - box.minLon > 90) {
      cells.push(...this.cells.values());
    } else {
      for (let la = Math.floor(box.minLat); la <= Math.floor(box.maxLat); la++) {
        for (let lo = Math.floor(box.minLon); lo <= Math.floor(box.maxLon); lo++) {
          const cell = this.cells.get(PlaceGrid.key(la, lo));
          if (cell) cells.push(cell);
        }
      }
    }
    for (const cell of cells) {
      for (let i = 0; i < cell.slots.length; i++) visit(cell.slots[i], cell.lats[i], cell.lons[i]);
    }
  }
}

const BOUNDED_BANDS = PAY_BANDS.filter((b) => b.max !== null);

/** The facets' pay band of a listing, by the top of its annual range (PAY_BAND_SQL in facets.ts). */
export function payBandOf(payKey: number): string {
  if (payKey < 0) return 'not_stated';
  for (const b of BOUNDED_BANDS) if (payKey < (b.max as number)) return b.value;
  return '75k_plus';
}
