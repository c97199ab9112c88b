import { type Cursor, decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { filterConditions, PAY_KEY_SQL, type SearchFilters } from './search-filters';
import type { SearchSort } from './search-query.schema';
import { TITLE_EMPLOYER_DOCUMENT_SQL } from './search-document';
import { SqlParams, type Queryable } from './sql-params';
import type { TextQuery } from './text-query';

export interface SearchRequest {
  filters: SearchFilters;
  sort: SearchSort;
  limit: number;
  /** nextCursor of the previous page, as the client sent it. */
  cursor?: string;
}

export interface SearchPage {
  /** Listing ids of this page, best first. */
  ids: string[];
  nextCursor: string | null;
  /** The filters as applied (typo matching decided): facets must count the same set. */
  filters: SearchFilters;
}

/** Full text finding fewer listings than this turns typo matching on. */
export const TYPO_FALLBACK_BELOW = 5;

/**
 * How each sort orders rows: a key (descending) then the id (descending) to break ties, which makes
 * every order total and lets the keyset cursor say exactly where a page ended. Keys travel in the
 * cursor as Postgres text, so they compare exactly (microsecond timestamps, float ranks).
 */
interface SortPlan {
  key: string;
  cast: 'timestamptz' | 'float8' | 'int';
}

/**
 * Relevance, scored on the short fields only: title matches (weight A) above employer matches (B),
 * plus how close the words are to the title or employer by trigram (the typo boost). Listings that
 * match in the description only score the same small base and fall back to newest first within it.
 * Scoring the description too would mean rebuilding its tsvector for every matching row (the index
 * is an expression index, so it holds no tsvector to read back), which is what makes relevance on a
 * broad query slow.
 */
function relevanceSql(text: TextQuery, p: SqlParams): string {
  const tsquery = `websearch_to_tsquery('english'::regconfig, ${p.add(text.websearch)})`;
  const rank = `ts_rank('{0.1, 0.2, 0.4, 1.0}', ${TITLE_EMPLOYER_DOCUMENT_SQL}, ${tsquery})`;
  if (!text.words) return `(${rank})::float8`;
  const words = p.add(text.words);
  const typo = `greatest(word_similarity(${words}, l.title), word_similarity(${words}, coalesce(l.employer_name, '')))`;
  return `(${rank} + 0.5 * ${typo})::float8`;
}

function sortPlan(req: SearchRequest, p: SqlParams): SortPlan {
  if (req.sort === 'relevance' && req.filters.text) {
    return { key: relevanceSql(req.filters.text, p), cast: 'float8' };
  }
  if (req.sort === 'pay') return { key: PAY_KEY_SQL, cast: 'int' };
  // sort=relevance without words to weigh is newest first.
  return { key: 'l.sort_at', cast: 'timestamptz' };
}

/**
 * A cursor names its sort and whether typo matches were on, so later pages read the same set in the
 * same order; one from another sort is refused rather than misread.
 */
function readCursor(raw: string, sort: string): Cursor & { typos: boolean } {
  const cursor = decodeCursor(raw);
  const match = /^([a-z]+)(\+typos)?:(.+)$/.exec(cursor.k);
  if (!match || match[1] !== sort) {
    throw new InvalidCursorError(
      'cursor is not valid for this sort: pass the nextCursor of a previous page unchanged',
    );
  }
  return { k: match[3], id: cursor.id, typos: match[2] !== undefined };
}

/** Typo matching is a fallback: on only when the words as typed find little. */
async function withTypoDecision(db: Queryable, filters: SearchFilters): Promise<SearchFilters> {
  const text = filters.text;
  if (!text?.words) return filters;
  const p = new SqlParams();
  const where = filterConditions({ ...filters, text: { ...text, typos: false } }, p);
  const limit = p.add(TYPO_FALLBACK_BELOW, 'int');
  const [{ n }] = (await db.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM listings l WHERE ${where.join(' AND ')} LIMIT ${limit}) s`,
    p.values,
  )) as { n: number }[];
  return { ...filters, text: { ...text, typos: n < TYPO_FALLBACK_BELOW } };
}

/** One page of listing ids matching the filters, in the requested order. */
export async function searchListingIds(db: Queryable, req: SearchRequest): Promise<SearchPage> {
  const p = new SqlParams();
  const plan = sortPlan(req, p);
  const sort = plan.cast === 'float8' ? 'relevance' : plan.cast === 'int' ? 'pay' : 'newest';
  const after = req.cursor ? readCursor(req.cursor, sort) : null;
  const text = req.filters.text;
  const filters =
    after && text
      ? { ...req.filters, text: { ...text, typos: after.typos } }
      : await withTypoDecision(db, req.filters);
  const where = filterConditions(filters, p);
  const keyset = after
    ? `WHERE (s.key, s.id) < (${p.add(after.k, plan.cast)}, ${p.add(after.id, 'uuid')})`
    : '';
  const sql =
    `SELECT s.id, s.key::text AS key FROM (` +
    `SELECT l.id, ${plan.key} AS key FROM listings l` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    `) s ${keyset} ORDER BY s.key DESC, s.id DESC LIMIT ${p.add(req.limit + 1, 'int')}`;
  const rows: { id: string; key: string }[] = await db.query(sql, p.values);
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  const tag = `${sort}${filters.text?.typos ? '+typos' : ''}`;
  return {
    ids: page.map((r) => r.id),
    nextCursor: rows.length > req.limit && last ? encodeCursor({ k: `${tag}:${last.key}`, id: last.id }) : null,
    filters,
  };
}
