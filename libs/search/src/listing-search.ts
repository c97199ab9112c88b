import type { CandidateProfile, EquivalenceRule, MatchableListing } from '#matching';
import type { Queryable } from '#persistence';
import type { FacetCache } from './facet-cache';
import { searchFacets, type SearchFacets } from './facets';
import { loadListingSummaries } from './listing-summary-row';
import type { ListingView } from './listing-view';
import { loadMatchPool, type PoolOptions } from './match-pool';
import { loadSummariesThroughCache } from './memory/cached-summaries';
import { MemoryPageEngine, type TsqueryCache } from './memory/memory-engine';
import { memoryFacets } from './memory/memory-facets';
import { memoryCanAnswer } from './memory/memory-filters';
import { memoryMatchPool } from './memory/memory-match-pool';
import type { OpenListingIndex } from './memory/open-listing-index';
import type { SearchFilters } from './search-filters';
import {
  searchListings,
  sqlPageEngine,
  type PageEngine,
  type SearchPage,
  type SearchRequest,
} from './search-listings';
import type { TypoVocabulary } from './typo-vocabulary';

/**
 * Everything the API asks of listing search, answered as of one moment: pages, facet counts, match
 * pools and list views. Two implementations, SQL and the in-memory index of open listings; which one
 * answers is decided by the search module (SEARCH_INDEX, and whether the index is loaded), never by
 * its callers. Get one per request from ListingSearchSource.current().
 */
export interface ListingSearch {
  /** A page of listings; the words are corrected when, as typed, they find little. */
  page(request: SearchRequest): Promise<SearchPage>;
  /** Counts per value over the filtered set (cached a minute per filter set). */
  facets(filters: SearchFilters): Promise<SearchFacets>;
  /** The listings worth scoring for a candidate (the profile's home already placed). */
  matchPool(
    profile: CandidateProfile,
    rules: readonly EquivalenceRule[],
    options?: PoolOptions,
  ): Promise<MatchableListing[]>;
  /** List views by id, in the order given (ids no longer there are skipped). */
  views(ids: string[]): Promise<ListingView[]>;
}

/** Hands out a ListingSearch up to date with every commit before the call. */
export interface ListingSearchSource {
  current(): Promise<ListingSearch>;
}

/** What both implementations share: the database, and the caches worth keeping across requests. */
export interface SearchResources {
  /** Runs queries through the ORM's pool. */
  db: Queryable;
  /** Runs the hot reads as prepared statements on the search pool. */
  prepared: Queryable;
  facetCache: FacetCache;
  vocabulary: TypoVocabulary;
  tsqueries: TsqueryCache;
}

/** Every answer from Postgres. */
export class SqlListingSearch implements ListingSearch {
  readonly engine: PageEngine;

  constructor(private readonly r: SearchResources) {
    this.engine = sqlPageEngine(r.db);
  }

  page(request: SearchRequest): Promise<SearchPage> {
    return searchListings(this.engine, request, this.r.vocabulary);
  }

  facets(filters: SearchFilters): Promise<SearchFacets> {
    return this.r.facetCache.get(filters, () => searchFacets(this.r.db, filters));
  }

  matchPool(profile: CandidateProfile, rules: readonly EquivalenceRule[], options?: PoolOptions) {
    return loadMatchPool(this.r.db, profile, rules, options);
  }

  views(ids: string[]): Promise<ListingView[]> {
    return loadListingSummaries(this.r.prepared, ids);
  }
}

/**
 * Open listings from the in-memory index (caught up before this object was made); what it cannot
 * answer (closed listings, per-source filters, phrases it cannot settle) goes to SQL.
 */
export class MemoryListingSearch implements ListingSearch {
  constructor(
    private readonly index: OpenListingIndex,
    private readonly r: SearchResources,
    private readonly sql: SqlListingSearch,
  ) {}

  page(request: SearchRequest): Promise<SearchPage> {
    const engine = new MemoryPageEngine(this.index, this.r.prepared, this.r.tsqueries, this.sql.engine);
    return searchListings(engine, request, this.r.vocabulary);
  }

  /** Counted in memory when the index can (exact, a few ms), else in SQL; either way cached a minute. */
  facets(filters: SearchFilters): Promise<SearchFacets> {
    return this.r.facetCache.get(filters, async () => {
      if (memoryCanAnswer(filters)) {
        const text = filters.text
          ? await this.r.tsqueries.get(this.r.prepared, filters.text.websearch)
          : undefined;
        const counted = memoryFacets(this.index, filters, text);
        if (counted) return counted;
      }
      return searchFacets(this.r.db, filters);
    });
  }

  async matchPool(profile: CandidateProfile, rules: readonly EquivalenceRule[], options?: PoolOptions) {
    return memoryMatchPool(this.index, profile, rules, options);
  }

  views(ids: string[]): Promise<ListingView[]> {
    return loadSummariesThroughCache(this.index, this.r.prepared, ids);
  }
}
