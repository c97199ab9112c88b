import { Inject, Injectable } from '@nestjs/common';
import { searchQuerySchema } from '#search';
import { parseInput } from '../../http/endpoint-input';
import { ListingsService } from '../../listings/listings.service';
import { PAGE_SIZE, type SearchResult } from './jobs.page';
import { MULTI_FIELDS, SINGLE_FIELDS, type SearchParams } from './search-params';

/**
 * A page's search through the same service and validation as GET /api/v1/listings, with facets (the
 * filter form's counts). Bad values are refused with the API's messages, naming the parameter.
 */
@Injectable()
export class JobSearch {
  constructor(@Inject(ListingsService) private readonly listings: ListingsService) {}

  async run(
    params: SearchParams,
    options: { cursor?: string; unknown?: Record<string, string>; limit?: number; facets?: boolean } = {},
  ): Promise<SearchResult> {
    const query: Record<string, unknown> = { ...options.unknown };
    for (const field of MULTI_FIELDS) if (params[field]) query[field] = params[field];
    for (const field of SINGLE_FIELDS) if (params[field] !== undefined) query[field] = params[field];
    query.facets = options.facets === false ? 'false' : 'true';
    query.limit = String(options.limit ?? PAGE_SIZE);
    if (options.cursor) query.cursor = options.cursor;
    const page = await this.listings.search(parseInput(searchQuerySchema, query, 'query'));
    return { ...page, total: page.total ?? page.items.length };
  }
}
