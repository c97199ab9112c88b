import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingsRepository, SourcePostingsRepository } from '#persistence';
import {
  FacetCache,
  InvalidCursorError,
  loadVocabularySource,
  memoryFacets,
  memoryCanAnswer,
  parseTextQuery,
  SearchIndexService,
  placeFromText,
  searchFacets,
  searchListings,
  toListingView,
  TypoVocabulary,
  type OpenListingIndex,
  type SearchFilters,
  type SearchQuery,
} from '#search';
import { ApiError } from '../http/api-error';

const DAY_MS = 86_400_000;

@Injectable()
export class ListingsService {
  /** Words of open titles and employers, for correcting misspelt searches; loaded on first use. */
  private readonly vocabulary: TypoVocabulary;
  /** Facet counts per filter set for a minute: see FacetCache for why. */
  private readonly facetCache = new FacetCache();

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SearchIndexService) private readonly searchIndex: SearchIndexService,
    @Inject(ListingsRepository) private readonly listings: ListingsRepository,
    @Inject(SourcePostingsRepository) private readonly postings: SourcePostingsRepository,
  ) {
    this.vocabulary = new TypoVocabulary(() => loadVocabularySource(this.ds));
  }

  /** GET /api/v1/listings: filters, full text, sorts, keyset paging and optional facets. */
  async search(q: SearchQuery) {
    const filters = this.filters(q);
    const { engine, index } = await this.searchIndex.engine();
    let page: Awaited<ReturnType<typeof searchListings>>;
    try {
      page = await searchListings(
        engine,
        { filters, sort: q.sort, limit: q.limit, cursor: q.cursor },
        this.vocabulary,
      );
    } catch (err) {
      if (err instanceof InvalidCursorError) {
        throw new ApiError('INVALID_CURSOR', err.message, [{ field: 'query.cursor', message: err.message }]);
      }
      throw err;
    }
    const facets = q.facets ? await this.facets(page.filters, index) : undefined;
    return {
      items: page.items,
      nextCursor: page.nextCursor,
      ...(page.correctedQuery ? { correctedQuery: page.correctedQuery } : {}),
      ...(facets ? { facets } : {}),
    };
  }

  async get(id: string) {
    const listing = await this.listings.findById(id);
    if (!listing) throw new ApiError('LISTING_NOT_FOUND', `no listing with id ${id}`);
    const sources = await this.postings.sightings(id);
    return {
      ...toListingView(
        listing,
        true,
        sources.reduce<Date | null>((max, s) => (max && max > s.lastSeenAt ? max : s.lastSeenAt), null),
      ),
      sources,
    };
  }

  /** Counted in memory when the index can (exact, a few ms), else in SQL; either way cached a minute. */
  private facets(filters: SearchFilters, index: OpenListingIndex | null) {
    return this.facetCache.get(filters, async () => {
      if (index && memoryCanAnswer(filters)) {
        const text = filters.text ? await this.searchIndex.tsquery(filters.text.websearch) : undefined;
        const counted = memoryFacets(index, filters, text);
        if (counted) return counted;
      }
      return searchFacets(this.ds, filters);
    });
  }

  private filters(q: SearchQuery): SearchFilters {
    let near: SearchFilters['near'];
    if (q.near) {
      const place = placeFromText(q.near);
      if (!place) {
        const message = `could not place ${JSON.stringify(q.near)}: give a US ZIP code or "City, ST"`;
        throw new ApiError('VALIDATION_FAILED', `query.near: ${message}`, [{ field: 'query.near', message }]);
      }
      near = { lat: place.lat, lon: place.lon, radiusMiles: q.radiusMiles };
    }
    return {
      status: q.status,
      source: q.source,
      text: q.q ? parseTextQuery(q.q) : undefined,
      roles: q.role,
      credentials: q.credential,
      specialties: q.specialty,
      codingSystems: q.codingSystem,
      workModes: q.workMode,
      employmentTypes: q.employmentType,
      states: q.state,
      remoteEligibleFor: q.remoteEligibleFor,
      near,
      minPay: q.minPay,
      // Whole minutes, so repeated searches share facet counts (FacetCache keys on the filters).
      postedSince: q.postedWithinDays
        ? new Date(Math.floor((Date.now() - q.postedWithinDays * DAY_MS) / 60_000) * 60_000)
        : undefined,
      employer: q.employer,
    };
  }
}
