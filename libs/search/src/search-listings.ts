import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { LISTING_SUMMARY_COLUMNS, summaryRowToView, type ListingSummaryRow } from './listing-summary-row';
import type { ListingView } from './listing-view';
import { filterConditions, PAY_KEY_SQL, type SearchFilters } from './search-filters';
import type { SearchSort } from './search-query.schema';
import { SEARCH_DOCUMENT_SQL, TITLE_EMPLOYER_DOCUMENT_SQL } from './search-document';
import { SqlParams, type Queryable } from '#persistence';
import { parseTextQuery } from './text-query';
import type { TypoVocabulary } from './typo-vocabulary';

export interface SearchRequest {
  filters: SearchFilters;
  sort: SearchSort;
  limit: number;
  /** nextCursor of the previous page, as the client sent it. */
  cursor?: string;
}

export interface SearchPage {
  /** This page, best first. */
  items: ListingView[];
  nextCursor: string | null;
  /** The filters as applied (the text possibly corrected): facets count the same set. */
  filters: SearchFilters;
  /** The query actually run when the words as typed found little and were corrected. */
  correctedQuery: string | null;
}

/** Full text finding fewer listings than this tries the query with misspelt words corrected. */
export const CORRECT_BELOW = 5;

// Orders. Every order ends with the id, which makes it total, so a keyset cursor (the keys of the
// last row) says exactly where a page ended. Keys travel in the cursor as Postgres text, so they
// compare exactly (microsecond timestamps).
//
// relevance: listings whose title and employer name alone match the query come first, then those
// that need the description to match; newest first within each. Each group is read newest first
// through an index and stops at the page size, so a broad query costs a page, not its whole match
// set. (Scoring every match, e.g. with ts_rank, would read and rank every matching row's document:
// 94,000 for "coder" at a million listings.)

export interface Position {
  /** Relevance group: 1 title/employer, 0 description. */
  tier: number;
  key: string;
  id: string;
}

export type PageRow = Position & { view: ListingView };

/** Rows come back with their sort key (as text, aliased sort_key) and the summary columns. */
function toPageRows(rows: (ListingSummaryRow & { sort_key: string })[], tier: number): PageRow[] {
  return rows.map(({ sort_key, ...row }) => ({
    tier,
    key: sort_key,
    id: row.id,
    view: summaryRowToView(row),
  }));
}

interface DecodedCursor extends Position {
  corrected: boolean;
}

function cursorFor(sort: string, corrected: boolean, last: Position): string {
  const tag = `${sort}${corrected ? '+corrected' : ''}`;
  return encodeCursor({ k: `${tag}:${last.tier}:${last.key}`, id: last.id });
}

function readCursor(raw: string, sort: string): DecodedCursor {
  const cursor = decodeCursor(raw);
  const match = /^([a-z]+)(\+corrected)?:([01]):(.+)$/.exec(cursor.k);
  if (!match || match[1] !== sort) {
    throw new InvalidCursorError(
      'cursor is not valid for this sort: pass the nextCursor of a previous page unchanged',
    );
  }
  return { tier: Number(match[3]), key: match[4], id: cursor.id, corrected: match[2] !== undefined };
}

/** Applies the correction when the words as typed find fewer than CORRECT_BELOW listings. */
async function maybeCorrect(
  engine: PageEngine,
  filters: SearchFilters,
  vocabulary: TypoVocabulary | undefined,
  already: boolean | undefined,
  /** How many the query as typed found, when the first page already tells (null: ask). */
  found: number | null,
): Promise<{ filters: SearchFilters; corrected: string | null }> {
  const text = filters.text;
  if (!text?.words || !vocabulary || already === false) return { filters, corrected: null };
  if (found !== null && found >= CORRECT_BELOW) return { filters, corrected: null };
  if (already === undefined && found === null) {
    if ((await engine.countUpTo(filters, CORRECT_BELOW)) >= CORRECT_BELOW)
      return { filters, corrected: null };
  }
  const corrected = await vocabulary.correct(text.websearch);
  if (!corrected) return { filters, corrected: null };
  return { filters: { ...filters, text: parseTextQuery(corrected) }, corrected };
}

async function orderedPage(
  db: Queryable,
  filters: SearchFilters,
  sort: 'newest' | 'pay',
  limit: number,
  after: Position | null,
): Promise<PageRow[]> {
  const p = new SqlParams();
  const where = filterConditions(filters, p);
  const [key, cast] = sort === 'pay' ? [PAY_KEY_SQL, 'int'] : ['l.sort_at', 'timestamptz'];
  if (after) where.push(`(${key}, l.id) < (${p.add(after.key, cast)}, ${p.add(after.id, 'uuid')})`);
  const rows = await db.query(
    `SELECT (${key})::text AS sort_key, ${LISTING_SUMMARY_COLUMNS} FROM listings l` +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY ${key} DESC, l.id DESC LIMIT ${p.add(limit, 'int')}`,
    p.values,
  );
  return toPageRows(rows, 0);
}

async function relevancePage(
  db: Queryable,
  filters: SearchFilters,
  limit: number,
  after: Position | null,
): Promise<PageRow[]> {
  const text = filters.text;
  if (!text) throw new Error('relevance needs a text query');
  const rest = { ...filters, text: undefined };
  const out: PageRow[] = [];
  // Group 1, then group 0, each only as far as the page needs.
  for (const tier of [1, 0]) {
    if (out.length >= limit) break;
    if (after && after.tier < tier) continue;
    const p = new SqlParams();
    const where = filterConditions(rest, p);
    const tsquery = `websearch_to_tsquery('english'::regconfig, ${p.add(text.websearch)})`;
    const inTitle = `${TITLE_EMPLOYER_DOCUMENT_SQL} @@ ${tsquery}`;
    if (tier === 1) {
      where.push(inTitle);
      // Without exclusions a title/employer match is a document match; with them, the description
      // must not hold an excluded word either.
      if (text.excluded) where.push(`${SEARCH_DOCUMENT_SQL} @@ ${tsquery}`);
    } else {
      where.push(`${SEARCH_DOCUMENT_SQL} @@ ${tsquery}`);
      // Group 1 as a set from its own index (hashed once), rather than re-testing each row.
      const group1 = filterConditions(rest, p);
      group1.push(inTitle);
      where.push(`l.id NOT IN (SELECT l.id FROM listings l WHERE ${group1.join(' AND ')})`);
    }
    if (after && after.tier === tier) {
      where.push(`(l.sort_at, l.id) < (${p.add(after.key, 'timestamptz')}, ${p.add(after.id, 'uuid')})`);
    }
    const rows = await db.query(
      `SELECT l.sort_at::text AS sort_key, ${LISTING_SUMMARY_COLUMNS} FROM listings l WHERE ${where.join(' AND ')}` +
        ` ORDER BY l.sort_at DESC, l.id DESC LIMIT ${p.add(limit - out.length, 'int')}`,
      p.values,
    );
    out.push(...toPageRows(rows, tier));
  }
  return out;
}

/** What reads pages: SQL (below) or the in-memory index of open listings (memory/memory-engine.ts). */
export interface PageEngine {
  /** Up to `limit` rows after `after` in the sort's order (relevance only with a text query). */
  page(filters: SearchFilters, sort: SearchSort, limit: number, after: Position | null): Promise<PageRow[]>;
  /** How many listings match, counting no further than `upTo`. */
  countUpTo(filters: SearchFilters, upTo: number): Promise<number>;
}

export function sqlPageEngine(db: Queryable): PageEngine {
  return {
    page: (filters, sort, limit, after) =>
      sort === 'relevance'
        ? relevancePage(db, filters, limit, after)
        : orderedPage(db, filters, sort, limit, after),
    countUpTo: async (filters, upTo) => {
      const p = new SqlParams();
      const where = filterConditions(filters, p);
      const [{ n }] = (await db.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM listings l` +
          (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
          ` LIMIT ${p.add(upTo, 'int')}) s`,
        p.values,
      )) as { n: number }[];
      return n;
    },
  };
}

/**
 * One page of listing ids matching the filters, in the requested order. With a vocabulary, a text
 * query whose words find little is retried with misspellings corrected (see typo-vocabulary.ts).
 * `db` may be an engine: the in-memory index answers open-listing searches without reading rows.
 */
export async function searchListings(
  db: Queryable | PageEngine,
  req: SearchRequest,
  vocabulary?: TypoVocabulary,
): Promise<SearchPage> {
  const engine = 'page' in db ? db : sqlPageEngine(db);
  const sort: SearchSort = req.sort === 'relevance' && !req.filters.text ? 'newest' : req.sort;
  const after = req.cursor ? readCursor(req.cursor, sort) : null;
  const fetch = req.limit + 1;
  const run = (filters: SearchFilters) => engine.page(filters, sort, fetch, after);

  let filters = req.filters;
  let corrected: string | null = null;
  let rows: PageRow[];
  if (after?.corrected) {
    ({ filters, corrected } = await maybeCorrect(engine, req.filters, vocabulary, true, null));
    rows = await run(filters);
  } else {
    rows = await run(filters);
    // The first page tells how many the query as typed found, unless the page is smaller than that.
    if (!after && filters.text?.words && vocabulary) {
      const found = rows.length < fetch || fetch >= CORRECT_BELOW ? rows.length : null;
      const retry = await maybeCorrect(engine, filters, vocabulary, undefined, found);
      if (retry.corrected) {
        ({ filters, corrected } = retry);
        rows = await run(filters);
      }
    }
  }
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => r.view),
    nextCursor: rows.length > req.limit && last ? cursorFor(sort, corrected !== null, last) : null,
    filters,
    correctedQuery: corrected,
  };
}
