import type { MatchableListing } from '#matching';
import {
  listingColumnsSql,
  MATCHABLE_COLUMNS,
  toMatchableListing,
  type ListingRow,
  type MatchableRow,
} from '#persistence';

/** One open listing as the in-memory index holds it: the matching core's view plus search keys. */
export interface IndexedListing {
  id: string;
  /** sort_at in microseconds since the epoch: exact (a double holds integers to 2^53), as Postgres orders. */
  sortAtMicros: number;
  /** coalesce(pay_annual_max, -1): the sort=pay key and what minPay compares, as in SQL. */
  payKey: number;
  certsAll: string[];
  states: string[];
  codingSystems: string[];
  listing: MatchableListing;
  /** Lexemes of search_document (title, employer, description). */
  docLexemes: string[];
  /** Lexemes of title_document (title and employer). */
  titleLexemes: string[];
}

/** Unit separator: lexemes never hold it, so one string per document splits back exactly. */
const LEXEME_SEPARATOR = '\u001f';

/** Columns read for the index, on listings aliased `l`. */
export const INDEXED_LISTING_COLUMNS =
  listingColumnsSql([...MATCHABLE_COLUMNS, 'status', 'codingSystems', 'certsAll', 'states']) +
  `, (extract(epoch FROM l.sort_at) * 1000000)::bigint::text AS sort_us,` +
  ` array_to_string(tsvector_to_array(coalesce(l.search_document, ''::tsvector)), chr(31)) AS doc_lexemes,` +
  ` array_to_string(tsvector_to_array(coalesce(l.title_document, ''::tsvector)), chr(31)) AS title_lexemes`;

export type IndexedListingRow = MatchableRow &
  Pick<ListingRow, 'status' | 'codingSystems' | 'certsAll' | 'states'> & {
    sort_us: string;
    doc_lexemes: string;
    title_lexemes: string;
  };

const split = (joined: string) => (joined === '' ? [] : joined.split(LEXEME_SEPARATOR));

/**
 * Shares equal values between listings. The driver makes a new string for every value of every row,
 * and most values repeat: roles, states, credential lists, cities, whole certification blocks, titles
 * and employers. Held once each, a quarter of a million open listings take about a third of the heap.
 * Interned objects and arrays are frozen: nothing may change a value another listing shares.
 */
export class Interner {
  private readonly values = new Map<string, unknown>();

  /** The shared copy of a value, keyed by its JSON (strings by themselves). */
  share<T>(value: T): T {
    if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean')
      return value;
    const key = typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
    const hit = this.values.get(key);
    if (hit !== undefined) return hit as T;
    const stored = typeof value === 'string' ? value : deepFreeze(this.shareInside(value));
    this.values.set(key, stored);
    return stored as T;
  }

  get size(): number {
    return this.values.size;
  }

  private shareInside<T>(value: T): T {
    if (Array.isArray(value)) return value.map((v: unknown) => this.share(v)) as T;
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.share(v);
      return out as T;
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function toIndexedListing(row: IndexedListingRow, interner: Interner): IndexedListing {
  const l = toMatchableListing(row);
  const listing: MatchableListing = {
    id: row.id,
    title: interner.share(l.title),
    employer: interner.share(l.employer),
    role: interner.share(l.role),
    certifications: interner.share(l.certifications),
    specialties: interner.share(l.specialties),
    workMode: interner.share(l.workMode),
    remoteStates: interner.share(l.remoteStates),
    remoteExcludedStates: interner.share(l.remoteExcludedStates),
    remoteCountry: interner.share(l.remoteCountry),
    locations: interner.share(l.locations),
    salary: interner.share(l.salary),
    employmentType: interner.share(l.employmentType),
    minYearsExperience: l.minYearsExperience,
    postedAt: l.postedAt,
  };
  return {
    id: row.id,
    sortAtMicros: Number(row.sort_us),
    payKey: row.payAnnualMax ?? -1,
    certsAll: interner.share(row.certsAll),
    states: interner.share(row.states),
    codingSystems: interner.share(row.codingSystems),
    listing,
    docLexemes: split(row.doc_lexemes),
    titleLexemes: split(row.title_lexemes),
  };
}
