import {
  LISTING_SUMMARY_COLUMNS,
  SUMMARIES_BY_ID_SQL,
  SUMMARIES_BY_ID_STATEMENT,
  summaryRowToView,
  type ListingSummaryRow,
} from '../listing-summary-row';
import type { ListingView } from '../listing-view';
import type { PageEngine, PageRow, Position } from '../search-listings';
import type { SearchFilters } from '../search-filters';
import type { SearchSort } from '../search-query.schema';
import { queryPrepared, type Queryable } from '#persistence';
import type { TextQuery } from '../text-query';
import { andBits, andInto, andNotBits, countBits, hasBit } from './bitset';
import { compileFilters, memoryCanAnswer } from './memory-filters';
import type { OpenListingIndex } from './open-listing-index';
import { microsToTimestamp, timestampToMicros } from './sort-keys';
import { evaluateTsquery, needsRecheck, parseTsquery, type TsNode } from './tsquery-tree';

// Search pages from the in-memory index. The index decides which listings qualify and in what order;
// Postgres is read once per page, by primary key, for the rows shown whose list view is not cached
// (the index drops a cached view whenever its listing changes). That read also re-checks what memory
// cannot be sure of: that the listing is still open and, for phrases, that the words are adjacent
// (memory knows which words a listing has, not where). A candidate failing the re-check is skipped
// and the next one read, so pages stay exact.

const QUERY = `websearch_to_tsquery('english'::regconfig, $2::text)`;
const PAGE_WITH_TEXT_SQL =
  `SELECT ${LISTING_SUMMARY_COLUMNS}, l.title_document @@ ${QUERY} AS in_title,` +
  ` l.search_document @@ ${QUERY} AS in_doc FROM listings l WHERE l.id = ANY($1::uuid[])`;

/** Most rounds of reading candidates before a page is left to SQL (only phrases rarely true get here). */
const MAX_ROUNDS = 6;

interface TextSets {
  websearch: string;
  node: TsNode | null;
  recheck: boolean;
  doc: { sure: Uint32Array; possible: Uint32Array };
  title: { sure: Uint32Array; possible: Uint32Array };
  excluded: boolean;
}

type Tier = 0 | 1;

interface Candidate {
  slot: number;
  tier: Tier;
  /** Whether only the database can say if it qualifies (phrases, title-or-description tier). */
  check: boolean;
}

type FetchedRow = ListingSummaryRow & { in_title?: boolean; in_doc?: boolean };

export class MemoryPageEngine implements PageEngine {
  constructor(
    private readonly index: OpenListingIndex,
    private readonly db: Queryable,
    private readonly tsqueries: TsqueryCache,
    /** Answers what memory cannot (closed listings, per-source filters, stubborn phrases). */
    private readonly fallback: PageEngine,
  ) {}

  async page(
    filters: SearchFilters,
    sort: SearchSort,
    limit: number,
    after: Position | null,
  ): Promise<PageRow[]> {
    if (!memoryCanAnswer(filters)) return this.fallback.page(filters, sort, limit, after);
    const text = filters.text ? await this.textSets(filters.text, sort === 'relevance') : null;
    if (text && text.node === null) return []; // only stop words: Postgres matches nothing either
    const compiled = compileFilters(this.index, filters);
    let rows: PageRow[] | null;
    try {
      const candidates = this.candidates(compiled.bits, compiled.test, text, sort, after, limit + 4);
      rows = await this.readPage(candidates, limit, text, sort);
    } finally {
      compiled.release();
    }
    return rows ?? this.fallback.page(filters, sort, limit, after);
  }

  async countUpTo(filters: SearchFilters, upTo: number): Promise<number> {
    if (!memoryCanAnswer(filters)) return this.fallback.countUpTo(filters, upTo);
    const text = filters.text ? await this.textSets(filters.text, false) : null;
    if (text?.recheck) return this.fallback.countUpTo(filters, upTo);
    if (text && text.node === null) return 0;
    const { bits, test, release } = compileFilters(this.index, filters);
    try {
      if (text) andInto(bits, text.doc.possible);
      if (!test) return Math.min(upTo, countBits(bits));
      let n = 0;
      for (const slot of this.index.newestOrder()) {
        if (hasBit(bits, slot) && test(slot) && ++n >= upTo) break;
      }
      return n;
    } finally {
      release();
    }
  }

  /** The query over the documents, and over titles and employers when relevance groups need them. */
  private async textSets(text: TextQuery, withTitles: boolean): Promise<TextSets> {
    const node = await this.tsqueries.get(this.db, text.websearch);
    const empty = { sure: this.index.alive, possible: this.index.alive };
    if (!node) {
      return { websearch: text.websearch, node, recheck: false, doc: empty, title: empty, excluded: false };
    }
    const universe = this.index.alive;
    const docs = this.index.docTerms;
    const titles = this.index.titleTerms;
    return {
      websearch: text.websearch,
      node,
      recheck: needsRecheck(node),
      doc: evaluateTsquery(node, { universe, term: (l, prefix) => docs.bitset(l, prefix) }),
      title: withTitles
        ? evaluateTsquery(node, { universe, term: (l, prefix) => titles.bitset(l, prefix) })
        : empty,
      excluded: Boolean(text.excluded),
    };
  }

  /** Candidates in page order, lazily: a page usually needs only the first few. */
  private *candidates(
    bits: Uint32Array,
    test: ((slot: number) => boolean) | null,
    text: TextSets | null,
    sort: SearchSort,
    after: Position | null,
    want: number,
  ): Generator<Candidate> {
    const index = this.index;
    if (sort !== 'relevance' || !text) {
      const order = sort === 'pay' ? index.payOrder() : index.newestOrder();
      const set = text ? andBits(bits, text.doc.possible) : bits;
      const sure = text?.recheck ? text.doc.sure : null;
      for (const slot of this.walk(
        set,
        order,
        sort === 'pay' ? 'pay' : 'newest',
        this.startOf(order, sort, after),
        want,
      )) {
        if (test && !test(slot)) continue;
        yield { slot, tier: 0, check: sure !== null && !hasBit(sure, slot) };
      }
      return;
    }
    // Relevance: group 1 (title or employer match; with exclusions the whole document must match too),
    // then group 0 (the description matches, group 1 does not); newest first in each.
    const order = index.newestOrder();
    const t1possible = andBits(text.title.possible, text.excluded ? text.doc.possible : index.alive);
    const t1sure = andBits(text.title.sure, text.excluded ? text.doc.sure : index.alive);
    if (!after || after.tier === 1) {
      const set = andBits(bits, t1possible);
      for (const slot of this.walk(set, order, 'newest', this.startOf(order, 'newest', after), want)) {
        if (test && !test(slot)) continue;
        yield { slot, tier: 1, check: !hasBit(t1sure, slot) };
      }
    }
    const set = andNotBits(andBits(bits, text.doc.possible), t1sure);
    const from = after?.tier === 0 ? this.startOf(order, 'newest', after) : 0;
    for (const slot of this.walk(set, order, 'newest', from, want)) {
      if (test && !test(slot)) continue;
      yield { slot, tier: 0, check: hasBit(t1possible, slot) || !hasBit(text.doc.sure, slot) };
    }
  }

  /** A page's slots along an order; it takes about a page and a few re-checked away. */
  private walk(
    set: Uint32Array,
    order: Uint32Array,
    name: 'newest' | 'pay',
    from: number,
    want: number,
  ): Generator<number> {
    return this.index.slotsInOrder(set, name, order, from, want);
  }

  /** Index of the first slot after the cursor's (key, id) in a descending order. */
  private startOf(order: Uint32Array, sort: SearchSort, after: Position | null): number {
    if (!after) return 0;
    const index = this.index;
    const pay = sort === 'pay';
    const key = pay ? Number(after.key) : timestampToMicros(after.key);
    if (key === null || Number.isNaN(key)) return order.length;
    const keys = pay ? index.payKey : index.sortAt;
    const id = after.id.toLowerCase();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const slot = order[mid];
      const k = keys[slot];
      const beyond = k < key || (k === key && index.ids[slot] < id);
      if (beyond) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Reads candidates' rows in batches until the page is full; null when it takes too many rounds. */
  private async readPage(
    candidates: Generator<Candidate>,
    limit: number,
    text: TextSets | null,
    sort: SearchSort,
  ): Promise<PageRow[] | null> {
    const keyOf = (slot: number) =>
      sort === 'pay' ? String(this.index.payKey[slot]) : microsToTimestamp(this.index.sortAt[slot]);
    const out: PageRow[] = [];
    let exhausted = false;
    for (let round = 0; out.length < limit && !exhausted; round++) {
      if (round === MAX_ROUNDS) return null;
      const want = limit - out.length;
      const batch: Candidate[] = [];
      // Enough for the page, plus room for the ones the re-check will turn away.
      let budget = want;
      while (batch.length < budget) {
        const next = candidates.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        batch.push(next.value);
        if (next.value.check) budget = Math.min(want * 4, budget + 2);
      }
      if (batch.length === 0) break;
      // Views of listings shown lately come from the cache; the database reads the rest, and those a
      // phrase or the title group leaves in doubt, whose flags it computes.
      const views = this.index.views;
      const cached = new Map<number, ListingView>();
      const toRead: Candidate[] = [];
      for (const c of batch) {
        const view = c.check ? undefined : views.get(this.index.ids[c.slot]);
        if (view) cached.set(c.slot, view);
        else toRead.push(c);
      }
      const rows = toRead.length > 0 ? await this.fetchRows(toRead, text) : new Map<string, FetchedRow>();
      for (const c of batch) {
        const id = this.index.ids[c.slot];
        const row = rows.get(id);
        let view: ListingView | undefined;
        if (row) {
          if (row.status !== 'open') continue; // closed since the index last caught up
          if (text && c.check && !(sort === 'relevance' ? this.qualifies(c.tier, row) : row.in_doc)) continue;
          const { in_title: _t, in_doc: _d, ...summary } = row;
          view = summaryRowToView(summary);
          views.set(view);
        } else {
          view = cached.get(c.slot);
        }
        if (!view) continue; // gone from the table
        out.push({ tier: c.tier, key: keyOf(c.slot), id, view });
        if (out.length === limit) break;
      }
    }
    return out;
  }

  private qualifies(tier: Tier, row: FetchedRow): boolean {
    if (!row.in_doc) return false;
    return tier === 1 ? Boolean(row.in_title) : !row.in_title;
  }

  private async fetchRows(batch: Candidate[], text: TextSets | null): Promise<Map<string, FetchedRow>> {
    const ids = batch.map((c) => this.index.ids[c.slot]);
    const rows: FetchedRow[] = text
      ? await queryPrepared(this.db, 'memory_page_text', PAGE_WITH_TEXT_SQL, [ids, text.websearch])
      : await queryPrepared(this.db, SUMMARIES_BY_ID_STATEMENT, SUMMARIES_BY_ID_SQL, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }
}

/** websearch_to_tsquery's answers, parsed, for the most recent queries (one round trip saved per repeat). */
export class TsqueryCache {
  private readonly entries = new Map<string, TsNode | null>();

  constructor(private readonly capacity = 1000) {}

  async get(db: Queryable, websearch: string): Promise<TsNode | null> {
    const hit = this.entries.get(websearch);
    if (hit !== undefined) {
      this.entries.delete(websearch);
      this.entries.set(websearch, hit);
      return hit;
    }
    const [{ q }] = (await queryPrepared(
      db,
      'websearch_tsquery',
      `SELECT websearch_to_tsquery('english'::regconfig, $1::text)::text AS q`,
      [websearch],
    )) as { q: string }[];
    const node = parseTsquery(q);
    this.entries.set(websearch, node);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return node;
  }
}
