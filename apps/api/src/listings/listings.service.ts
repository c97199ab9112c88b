import { Inject, Injectable } from '@nestjs/common';
import { ListingsRepository, SourcePostingsRepository } from '#persistence';
import {
  InvalidCursorError,
  parseTextQuery,
  SearchIndexService,
  toListingView,
  type ListingSearchSource,
  type SearchFilters,
  type SearchPage,
  type SearchQuery,
} from '#search';
import { ApiError } from '../http/api-error';
import { nearFromQuery } from './near-query';

const DAY_MS = 86_400_000;

@Injectable()
export class ListingsService {
  constructor(
    @Inject(SearchIndexService) private readonly searches: ListingSearchSource,
    @Inject(ListingsRepository) private readonly listings: ListingsRepository,
    @Inject(SourcePostingsRepository) private readonly postings: SourcePostingsRepository,
  ) {}

  /** GET /api/v1/listings: filters, full text, sorts, keyset paging and optional facets. */
  async search(q: SearchQuery) {
    const filters = this.filters(q);
    const search = await this.searches.current();
    let page: SearchPage;
    try {
      page = await search.page({ filters, sort: q.sort, limit: q.limit, cursor: q.cursor });
    } catch (err) {
      if (err instanceof InvalidCursorError) {
        throw new ApiError('INVALID_CURSOR', err.message, [{ field: 'query.cursor', message: err.message }]);
      }
      throw err;
    }
    const facets = q.facets ? await search.facets(page.filters) : undefined;
    return {
      items: page.items,
      nextCursor: page.nextCursor,
      // Every listing has exactly one role, so the role counts add up to the number of results; the
      // count comes with the facets because it costs what they cost.
      ...(facets ? { total: facets.role.reduce((sum, f) => sum + f.count, 0) } : {}),
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

  private filters(q: SearchQuery): SearchFilters {
    const near: SearchFilters['near'] = nearFromQuery(q);
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
